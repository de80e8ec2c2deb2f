import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { checkInterleavedLayers } from './checks.js';
import { createLoopPlacement } from './placement.js';
import { SCHEDULES } from './registry.js';
import { compileSchedule, simulateCompiled, simulateSchedule } from './simulate.js';
import { simulateOps } from './simulate-ops.js';
import { createUniformTimes } from './times.js';
import type { ScheduleTimes, StageOps } from './types.js';

const EQUAL = { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 };

describe('simulateSchedule', () => {
  it('GPipe with p2p latency d: makespan = m(F+B) + (p-1)(F+B+2d)', () => {
    const params = { pp: 4, vp: 1, microBatches: 6 };
    const sim = simulateSchedule('gpipe', params, createUniformTimes(createLoopPlacement(4, 1, 6), EQUAL, 0.25));
    expect(sim.makespanSeconds).toBeCloseTo(6 * 3 + 3 * (3 + 0.5), 12);
    expect(sim.p2pTransfers).toBe(2 * 3 * 6);
  });

  it('interleaved sends v times as many activations as 1F1B (notes §5.3)', () => {
    const times = (vp: number): ScheduleTimes => createUniformTimes(createLoopPlacement(4, vp, 8), EQUAL);
    const plain = simulateSchedule('1f1b', { pp: 4, vp: 1, microBatches: 8 }, times(1)).p2pTransfers;
    expect(simulateSchedule('interleaved', { pp: 4, vp: 2, microBatches: 8 }, times(2)).p2pTransfers).toBe((2 * 4 * 2 - 2) * 8);
    expect(plain).toBe(2 * 3 * 8);
  });

  it('latency slows DualPipe more than its formula says (rendezvous sends wait for the receiver)', () => {
    const params = { pp: 8, vp: 1, microBatches: 20 };
    const placement = SCHEDULES.dualpipe.placement(params);
    const without = simulateSchedule('dualpipe', params, createUniformTimes(placement, EQUAL, 0));
    const withLatency = simulateSchedule('dualpipe', params, createUniformTimes(placement, EQUAL, 0.1));
    expect(withLatency.makespanSeconds).toBeGreaterThan(without.makespanSeconds);
    expect(withLatency.busySeconds).toBeCloseTo(without.busySeconds, 12);
  });

  it('hides chunk communication inside DualPipe pairs but not in standalone ops', () => {
    const params = { pp: 4, vp: 1, microBatches: 8 };
    const stage = { ...EQUAL, forwardCommSeconds: 0.5, backwardCommSeconds: 0.5 };
    const times: ScheduleTimes = { stages: new Array(4).fill(stage), p2pSeconds: 0 };
    const dual = simulateSchedule('dualpipe', params, times);
    const pair = dual.ops.find((op) => op.kind === 'FB');
    const forward = dual.ops.find((op) => op.kind === 'F');
    expect(pair && pair.endSeconds - pair.startSeconds).toBeCloseTo(3, 12);
    expect(forward && forward.endSeconds - forward.startSeconds).toBeCloseTo(1.5, 12);
    const custom = simulateSchedule('dualpipe', params, { ...times, overlappedPairSeconds: (p) => 0.9 * (p.forwardSeconds + p.backwardSeconds) });
    const customPair = custom.ops.find((op) => op.kind === 'FB');
    expect(customPair && customPair.endSeconds - customPair.startSeconds).toBeCloseTo(2.7, 12);
  });

  it('p = 1 is a plain loop with no bubble for every schedule that accepts it', () => {
    for (const schedule of Object.values(SCHEDULES)) {
      const params = { pp: 1, vp: schedule.id === 'interleaved' ? 2 : 1, microBatches: 4 };
      const violation = schedule.check(params);
      if (schedule.id === 'dualpipe') {
        expect(violation?.field).toBe('pp');
        continue;
      }
      expect(violation).toBeNull();
      const sim = simulateSchedule(schedule, params, createUniformTimes(schedule.placement(params), EQUAL));
      expect(sim.bubbleSeconds).toBeCloseTo(0, 12);
      expect(sim.p2pTransfers).toBe(0);
    }
  });

  it('a compiled shape gives the same result as a one-shot simulation', () => {
    const params = { pp: 4, vp: 1, microBatches: 12 };
    const times = createUniformTimes(SCHEDULES['zb-h1'].placement(params), { forwardSeconds: 1, backwardInputSeconds: 1.4, backwardWeightSeconds: 0.5 }, 0.05);
    const compiled = compileSchedule('zb-h1', params);
    expect(simulateCompiled(compiled, times)).toEqual(simulateSchedule('zb-h1', params, times));
  });

  it('throws InputError naming the rule when the schedule cannot run the shape', () => {
    const params = { pp: 3, vp: 1, microBatches: 12 };
    const times = createUniformTimes(createLoopPlacement(3, 1, 12), EQUAL);
    expect(() => simulateSchedule('dualpipe', params, times)).toThrow(InputError);
    expect(() => simulateSchedule('dualpipe', params, times)).toThrow(/even number of pipeline ranks/);
  });

  it('throws when times do not cover every model stage', () => {
    const params = { pp: 4, vp: 2, microBatches: 8 };
    expect(() => simulateSchedule('interleaved', params, createUniformTimes(createLoopPlacement(4, 1, 8), EQUAL))).toThrow(/8 model stages/);
  });

  it('reports a deadlock in a broken program instead of hanging', () => {
    const programs: StageOps[] = [
      { rank: 0, ops: [{ kind: 'F', microBatch: 0, chunk: 0 }, { kind: 'B', microBatch: 0, chunk: 0 }] },
      { rank: 1, ops: [{ kind: 'B', microBatch: 0, chunk: 0 }, { kind: 'F', microBatch: 0, chunk: 0 }] },
    ];
    const placement = createLoopPlacement(2, 1, 1);
    expect(() => simulateOps(programs, placement, createUniformTimes(placement, EQUAL))).toThrow(/deadlock: rank 0 waits forever at op 1 .*; rank 1 waits forever at op 0 \(B micro-batch 0/);
  });
});

describe('schedule checks name the rule', () => {
  it.each([
    ['dualpipe', { pp: 4, vp: 1, microBatches: 9 }, 'microBatches', /even number of micro-batches/],
    ['dualpipe', { pp: 4, vp: 1, microBatches: 6 }, 'microBatches', /≥ 2·pp = 8/],
    ['dualpipev', { pp: 4, vp: 1, microBatches: 7 }, 'microBatches', /≥ 2·pp = 8/],
    ['interleaved', { pp: 4, vp: 1, microBatches: 8 }, 'vp', /vp ≥ 2/],
    ['interleaved', { pp: 4, vp: 2, microBatches: 10 }, 'microBatches', /multiple of 4 \(Megatron rule\)/],
    ['1f1b', { pp: 4, vp: 2, microBatches: 8 }, 'vp', /vp must be 1/],
    ['zb-h2', { pp: 4, vp: 2, microBatches: 8 }, 'vp', /vp must be 1/],
  ] as const)('%s rejects %o on %s', (id, params, field, rule) => {
    const violation = SCHEDULES[id].check(params);
    expect(violation?.field).toBe(field);
    expect(violation?.rule).toMatch(rule);
  });

  it('DualPipeV accepts an odd number of ranks; DualPipe does not', () => {
    expect(SCHEDULES.dualpipev.check({ pp: 3, vp: 1, microBatches: 6 })).toBeNull();
    expect(SCHEDULES.dualpipe.check({ pp: 3, vp: 1, microBatches: 6 })?.field).toBe('pp');
  });

  it('checkInterleavedLayers(layers, p, v) needs layers divisible by p·v', () => {
    expect(checkInterleavedLayers(64, { pp: 8, vp: 2, microBatches: 16 })).toBeNull();
    const violation = checkInterleavedLayers(61, { pp: 8, vp: 2, microBatches: 16 });
    expect(violation?.field).toBe('layers');
    expect(violation?.rule).toMatch(/multiple of 16/);
  });
});
