/**
 * Reproduces the replay table of the notes (deepseek-v3-schedules-formulas.md §3.7): zero p2p
 * latency, F = I = W = 1 (B = 2, F&B = 3); DualPipeV with 2p half-size stages (0.5 each).
 */
import { describe, expect, it } from 'vitest';
import { buildDualProgram } from './dualpipe-steps.js';
import { mirrorProgram } from './dualpipe.js';
import { SCHEDULES } from './registry.js';
import { simulateSchedule } from './simulate.js';
import { createUniformTimes } from './times.js';
import type { ScheduleId, ScheduleSimulation, UniformOpTimes } from './types.js';

function unit(u: number): UniformOpTimes {
  return { forwardSeconds: u, backwardInputSeconds: u, backwardWeightSeconds: u };
}

function replay(id: ScheduleId, pp: number, microBatches: number): ScheduleSimulation {
  const schedule = SCHEDULES[id];
  const params = { pp, vp: 1, microBatches };
  return simulateSchedule(schedule, params, createUniformTimes(schedule.placement(params), unit(id === 'dualpipev' ? 0.5 : 1)));
}

// p, m, 1F1B, ZB-H1, DualPipe, DualPipeV (notes §3.7 table).
const TABLE = [
  [4, 8, 9, 3, 2, 3],
  [8, 20, 21, 7, 6, 7],
  [8, 32, 21, 7, 6, 7],
  [16, 32, 45, 15, 14, 15],
  [16, 64, 45, 15, 14, 15],
] as const;

describe('replay table (notes §3.7)', () => {
  it.each(TABLE)('p=%i m=%i: bubbles 1F1B %i, ZB-H1 %i, DualPipe %i, DualPipeV %i', (pp, m, oneF, zb, dual, dualV) => {
    expect(replay('1f1b', pp, m).bubbleSeconds).toBeCloseTo(oneF, 9);
    expect(replay('zb-h1', pp, m).bubbleSeconds).toBeCloseTo(zb, 9);
    expect(replay('dualpipe', pp, m).bubbleSeconds).toBeCloseTo(dual, 9);
    expect(replay('dualpipev', pp, m).bubbleSeconds).toBeCloseTo(dualV, 9);
  });

  it('p=8, m=20: DualPipe makespan 66 with 6 idle (official figure), 1F1B makespan 81', () => {
    const dual = replay('dualpipe', 8, 20);
    expect(dual.makespanSeconds).toBe(66);
    expect(dual.perStage.every((s) => s.bubbleSeconds === 6)).toBe(true);
    expect(replay('1f1b', 8, 20).makespanSeconds).toBe(81);
  });

  it('bubbles do not grow with m (steady state)', () => {
    for (const id of ['1f1b', 'zb-h1', 'dualpipe', 'dualpipev'] as const) {
      expect(replay(id, 8, 48).bubbleSeconds).toBeCloseTo(replay(id, 8, 20).bubbleSeconds, 9);
    }
  });

  it('peak in-flight activations: 1F1B p..1, ZB-H1 p on rank 0, DualPipe p+1 on every rank, DualPipeV p+1/2', () => {
    const peaks = (id: ScheduleId): number[] => replay(id, 8, 20).perStage.map((s) => s.peakInFlight);
    expect(peaks('1f1b')).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(peaks('zb-h1')[0]).toBe(8);
    expect(peaks('dualpipe')).toEqual(new Array(8).fill(9));
    expect(peaks('dualpipev')).toEqual(new Array(8).fill(8.5));
    expect(replay('dualpipev', 8, 20).perStage[0]?.peakInFlightChunks).toBe(17);
  });

  it('ZB-H2 keeps every rank busy inside its own window (parallelogram) with 2p-1 live micro-batches on rank 0', () => {
    const sim = replay('zb-h2', 8, 20);
    expect(sim.windowBubbleSeconds).toBeCloseTo(0, 9);
    expect(sim.perStage.map((s) => s.peakInFlight)).toEqual([15, 13, 11, 9, 7, 5, 3, 1]);
    // With a synchronising optimizer step the parallelogram's skew remains: (p-1)·F.
    expect(sim.bubbleSeconds).toBeCloseTo(7, 9);
  });

  it('interleaved reproduces (1/v)(p-1)/m of ideal time (notes §3.3)', () => {
    for (const [pp, m, vp] of [[4, 8, 2], [4, 16, 4], [8, 32, 2], [8, 16, 4]] as const) {
      const schedule = SCHEDULES.interleaved;
      const params = { pp, vp, microBatches: m };
      const sim = simulateSchedule(schedule, params, createUniformTimes(schedule.placement(params), unit(1 / vp)));
      const ideal = m * 3; // m micro-batches × (F + B) per rank, F = 1, B = 2 per rank-stage
      expect(sim.bubbleSeconds / ideal).toBeCloseTo((pp - 1) / (vp * m), 9);
    }
  });
});

describe('DualPipe mirror', () => {
  it('rank p−1−r runs the replay of rank r with the copies exchanged (mirrorProgram equals the full replay)', () => {
    for (const pp of [2, 4, 8, 10]) {
      for (const microBatches of [2 * pp, 2 * pp + 2, 4 * pp + 6]) {
        for (let rank = pp / 2; rank < pp; rank += 1) {
          const replayed = buildDualProgram({ variant: 'dualpipe', pp, rank, microBatches });
          const mirrored = mirrorProgram(buildDualProgram({ variant: 'dualpipe', pp, rank: pp - 1 - rank, microBatches }), microBatches / 2);
          expect(mirrored).toEqual(replayed);
        }
      }
    }
  });
});
