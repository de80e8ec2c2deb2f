/**
 * Contract every registered schedule must pass (Hono-style shared suite): the published bubble
 * at equal times, the invariants of a valid pipeline program, the activation bound, determinism,
 * and the shape checks.
 */
import { describe, expect, it } from 'vitest';
import { gpipeReversed } from './gpipe-reversed.testing.js';
import { SCHEDULES } from './registry.js';
import { simulateSchedule } from './simulate.js';
import { createUniformTimes } from './times.js';
import type { Schedule, ScheduleParams, ScheduleSimulation, TimedOp, UniformOpTimes } from './types.js';

const EQUAL: UniformOpTimes = { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 };

/** Shapes in the steady regime (m ≥ 2p) for the formula check; the schedule's check filters them. */
function steadyShapes(schedule: Schedule): ScheduleParams[] {
  const shapes: ScheduleParams[] = [];
  for (const pp of [1, 2, 4, 6, 8]) {
    for (const microBatches of [2 * pp, 2 * pp + 2, 3 * pp, 4 * pp, 5 * pp + 1]) {
      for (const vp of [1, 2, 3]) shapes.push({ pp, vp, microBatches });
    }
  }
  return shapes.filter((shape) => schedule.check(shape) === null);
}

/** Every accepted shape, including few micro-batches, for the invariants. */
function allShapes(schedule: Schedule): ScheduleParams[] {
  const shapes: ScheduleParams[] = [];
  for (const pp of [1, 2, 3, 4, 8]) {
    for (const microBatches of [1, 2, 3, pp, pp + 1, 2 * pp, 2 * pp + 1, 3 * pp + 2]) {
      for (const vp of [1, 2]) shapes.push({ pp, vp, microBatches });
    }
  }
  return shapes.filter((shape) => schedule.check(shape) === null);
}

function run(schedule: Schedule, params: ScheduleParams, t: UniformOpTimes = EQUAL): ScheduleSimulation {
  return simulateSchedule(schedule, params, createUniformTimes(schedule.placement(params), t));
}

function keyOf(microBatch: number, stage: number): string {
  return `${microBatch}/${stage}`;
}

interface Tally {
  forwardEnd: Map<string, number>;
  forwards: Map<string, number>;
  inputs: Map<string, number>;
  fulls: Map<string, number>;
  weights: Map<string, number>;
  backwardStart: Map<string, number>;
  inputEnd: Map<string, number>;
  weightStart: Map<string, number>;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function tally(ops: readonly TimedOp[]): Tally {
  const t: Tally = {
    forwardEnd: new Map(), forwards: new Map(), inputs: new Map(), fulls: new Map(), weights: new Map(),
    backwardStart: new Map(), inputEnd: new Map(), weightStart: new Map(),
  };
  for (const op of ops) {
    const own = keyOf(op.microBatch, op.stage);
    if (op.kind === 'F' || op.kind === 'FB') {
      bump(t.forwards, own);
      t.forwardEnd.set(own, op.endSeconds);
    }
    const back = op.kind === 'FB' && op.backward ? keyOf(op.backward.microBatch, op.backward.stage) : own;
    if (op.kind === 'B' || op.kind === 'FB') bump(t.fulls, back);
    if (op.kind === 'I') {
      bump(t.inputs, back);
      t.inputEnd.set(back, op.endSeconds);
    }
    if (op.kind === 'B' || op.kind === 'I' || op.kind === 'FB') t.backwardStart.set(back, op.startSeconds);
    if (op.kind === 'W') {
      bump(t.weights, own);
      t.weightStart.set(own, op.startSeconds);
    }
  }
  return t;
}

/** Every registered schedule, and the one `registration.test.ts` registers. */
const CONTRACTED: [string, Schedule][] = [...Object.entries(SCHEDULES), [gpipeReversed.id, gpipeReversed]];

describe.each(CONTRACTED)('schedule %s', (key, schedule) => {
  it('is registered under its own id', () => {
    expect(schedule.id).toBe(key);
  });

  it('simulated bubble equals the published formula at F = I = W (steady shapes)', () => {
    const shapes = steadyShapes(schedule);
    expect(shapes.length).toBeGreaterThan(3);
    for (const params of shapes) {
      const sim = run(schedule, params);
      const measured = schedule.bubbleBasis === 'makespan' ? sim.bubbleSeconds : sim.windowBubbleSeconds;
      expect(measured, JSON.stringify(params)).toBeCloseTo(schedule.bubbleFormula(params, EQUAL), 9);
    }
  });

  it('runs every (stage, micro-batch) exactly once: one F, one input backward, one weight backward', () => {
    for (const params of allShapes(schedule)) {
      const sim = run(schedule, params);
      const t = tally(sim.ops);
      const stages = schedule.placement(params).modelStages;
      for (let j = 0; j < params.microBatches; j += 1) {
        for (let s = 0; s < stages; s += 1) {
          const k = keyOf(j, s);
          expect(t.forwards.get(k), `${JSON.stringify(params)} F ${k}`).toBe(1);
          expect((t.fulls.get(k) ?? 0) + (t.inputs.get(k) ?? 0), `backward ${k}`).toBe(1);
          expect(t.weights.get(k) ?? 0, `W ${k}`).toBe(t.inputs.get(k) ?? 0);
        }
      }
      expect(sim.ops.length).toBeGreaterThan(0);
    }
  });

  it('starts each backward after its forward, and each W after its I', () => {
    for (const params of allShapes(schedule)) {
      const t = tally(run(schedule, params).ops);
      for (const [k, start] of t.backwardStart) expect(start).toBeGreaterThanOrEqual(t.forwardEnd.get(k) ?? Infinity);
      for (const [k, start] of t.weightStart) expect(start).toBeGreaterThanOrEqual(t.inputEnd.get(k) ?? Infinity);
    }
  });

  it('never runs two compute ops at once on a rank', () => {
    for (const params of allShapes(schedule)) {
      const sim = run(schedule, params, { forwardSeconds: 1, backwardInputSeconds: 1.7, backwardWeightSeconds: 0.6 });
      for (const stage of sim.perStage) {
        const ops = sim.ops.filter((op) => op.rank === stage.rank).sort((a, b) => a.startSeconds - b.startSeconds);
        for (let i = 1; i < ops.length; i += 1) expect(ops[i]?.startSeconds).toBeGreaterThanOrEqual((ops[i - 1]?.endSeconds ?? 0) - 1e-12);
        const busy = ops.reduce((sum, op) => sum + op.endSeconds - op.startSeconds, 0);
        expect(busy).toBeCloseTo(stage.busySeconds, 9);
      }
    }
  });

  it('keeps peak in-flight activations within the schedule bound on every rank', () => {
    for (const params of allShapes(schedule)) {
      const sim = run(schedule, params);
      const bound = schedule.peakInFlightBound(params);
      expect(bound.length).toBe(params.pp);
      sim.perStage.forEach((stage, r) => expect(stage.peakInFlight, `${JSON.stringify(params)} rank ${r}`).toBeLessThanOrEqual((bound[r] ?? 0) + 1e-9));
    }
  });

  it('is deterministic: the same inputs give the same result', () => {
    for (const params of allShapes(schedule).slice(0, 6)) {
      const t = { forwardSeconds: 1.1, backwardInputSeconds: 1.3, backwardWeightSeconds: 0.7 };
      expect(JSON.stringify(run(schedule, params, t))).toBe(JSON.stringify(run(schedule, params, t)));
    }
  });

  it('rejects shapes no pipeline can run, naming the field', () => {
    expect(schedule.check({ pp: 0, vp: 1, microBatches: 8 })?.field).toBe('pp');
    expect(schedule.check({ pp: 2, vp: 1, microBatches: 0 })?.field).toBe('microBatches');
    expect(schedule.check({ pp: 2.5, vp: 1, microBatches: 8 })?.field).toBe('pp');
    expect(schedule.check({ pp: 2, vp: 1, microBatches: Number.NaN })?.field).toBe('microBatches');
    expect(schedule.check({ pp: 4, vp: 0, microBatches: 8 })?.field).toBe('vp');
  });

  it('places model stages as its routes do: modelStages and stageHolders agree with placement', () => {
    for (const params of allShapes(schedule)) {
      const placement = schedule.placement(params);
      expect(schedule.modelStages(params)).toBe(placement.modelStages);
      for (let s = 0; s < placement.modelStages; s += 1) {
        const fromRoutes = placement.routes.map((route) => ({ rank: route.rankOfStage[s], chunk: route.chunkOfStage[s] }));
        expect(schedule.stageHolders(params, s), `${JSON.stringify(params)} stage ${s}`).toEqual(fromRoutes);
      }
    }
  });

  it('runs microBatchesPerChunk(m) forwards through every local chunk of every rank', () => {
    for (const params of allShapes(schedule)) {
      const chunks = schedule.placement(params).chunksPerRank;
      for (const { rank, ops } of schedule.buildOps(params)) {
        for (let chunk = 0; chunk < chunks; chunk += 1) {
          const forwards = ops.filter((op) => (op.kind === 'F' || op.kind === 'FB') && op.chunk === chunk).length;
          expect(forwards, `${JSON.stringify(params)} rank ${rank} chunk ${chunk}`).toBe(schedule.microBatchesPerChunk(params.microBatches));
        }
      }
    }
  });

  it('pairs chunks exactly when its programs hold F&B pairs; ends on B exactly when it says so', () => {
    const programs = steadyShapes(schedule).map((params) => schedule.buildOps(params));
    expect(programs.some((ranks) => ranks.some((r) => r.ops.some((op) => op.kind === 'FB')))).toBe(schedule.pairsChunks);
    expect(programs.every((ranks) => ranks.every((r) => r.ops.at(-1)?.kind === 'B'))).toBe(schedule.endsOnFullBackward);
  });

  it('takes vp > 1 exactly when it runs virtual chunks', () => {
    expect(schedule.check({ pp: 4, vp: 2, microBatches: 16 }) === null).toBe(schedule.virtualChunks);
  });

  it('holds at most inFlightMicroBatches(rank) of its own one-micro-batch activations (m > 2p)', () => {
    // At m = 2p DualPipeV's memory formula min(2p + 1, m)/2 counts one half-stage chunk fewer than the simulation.
    for (const params of steadyShapes(schedule).filter((shape) => shape.microBatches > 2 * shape.pp)) {
      const placement = schedule.placement(params);
      const held = placement.chunksPerRank * placement.chunkStageFraction;
      run(schedule, params).perStage.forEach((stage, r) => {
        const bound = schedule.inFlightMicroBatches(params, r) * held;
        expect(stage.peakInFlight, `${JSON.stringify(params)} rank ${r}`).toBeLessThanOrEqual(bound + 1e-9);
      });
    }
  });

  it('accepts every pipeline depth that gives each model stage the same whole number of layers', () => {
    for (const params of allShapes(schedule).filter((shape) => shape.pp > 1)) {
      expect(schedule.checkDepth(params, { layers: 6 * schedule.modelStages(params), mtpDepth: 0 })).toBeNull();
    }
  });
});
