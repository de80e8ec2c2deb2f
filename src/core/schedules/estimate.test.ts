/**
 * estimateBubble(m) equals the full simulation of m whenever it extrapolates: random unequal
 * stage times (fixed seeds), with and without p2p latency, every schedule.
 */
import { describe, expect, it } from 'vitest';
import { createCompiledScheduleCache } from './cache.js';
import { estimateBubble, simulateSteadyState } from './estimate.js';
import { SCHEDULES } from './registry.js';
import { simulateSchedule } from './simulate.js';
import { createUniformTimes } from './times.js';
import type { Schedule, ScheduleTimes, StageOpTimes } from './types.js';

/** Deterministic LCG in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomTimes(schedule: Schedule, pp: number, vp: number, seed: number): ScheduleTimes {
  const random = createRandom(seed);
  const stages = schedule.placement({ pp, vp, microBatches: 2 }).modelStages;
  const list: StageOpTimes[] = Array.from({ length: stages }, () => ({
    forwardSeconds: 0.5 + 2 * random(),
    backwardInputSeconds: 0.5 + 2 * random(),
    backwardWeightSeconds: 0.2 + 2 * random(),
    forwardCommSeconds: random() < 0.5 ? random() : 0,
  }));
  return { stages: list, p2pSeconds: seed % 2 === 0 ? 0.3 : 0 };
}

describe.each(Object.entries(SCHEDULES))('estimateBubble with %s', (_id, schedule) => {
  it('equals the full simulation for large m, and extrapolates in part of the cases', () => {
    let extrapolated = 0;
    let cases = 0;
    for (const pp of [2, 4]) {
      const vp = schedule.id === 'interleaved' ? 2 : 1;
      for (const seed of [1, 2, 3, 4]) {
        const times = randomTimes(schedule, pp, vp, seed * 7 + pp);
        for (const microBatches of [61 * pp, 64 * pp, 97 * pp + 2]) {
          const params = { pp, vp, microBatches };
          if (schedule.check(params) !== null) continue;
          const estimate = estimateBubble(schedule, params, times);
          const full = simulateSchedule(schedule, params, times, { recordOps: false });
          const tolerance = 1e-9 * full.makespanSeconds;
          expect(Math.abs(estimate.makespanSeconds - full.makespanSeconds)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(estimate.bubbleSeconds - full.bubbleSeconds)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(estimate.windowBubbleSeconds - full.windowBubbleSeconds)).toBeLessThanOrEqual(tolerance);
          expect(estimate.busySeconds).toBeCloseTo(full.busySeconds, 6);
          if (estimate.simulatedMicroBatches.length === 3) extrapolated += 1;
          cases += 1;
        }
      }
    }
    // Falling back is always exact; it must not be the only path (measured: 6 to 24 of 20-24).
    expect(extrapolated).toBeGreaterThanOrEqual(Math.ceil(cases / 5));
  });

  it('simulateSteadyState equals the full simulation rank by rank (busy, first start, last end, peak in flight)', () => {
    let extrapolated = 0;
    for (const pp of [2, 4]) {
      const vp = schedule.id === 'interleaved' ? 2 : 1;
      for (const seed of [5, 6]) {
        const times = randomTimes(schedule, pp, vp, seed * 11 + pp);
        for (const microBatches of [48 * pp, 61 * pp + 2]) {
          const params = { pp, vp, microBatches };
          if (schedule.check(params) !== null) continue;
          const steady = simulateSteadyState(schedule, params, times);
          const full = simulateSchedule(schedule, params, times, { recordOps: false });
          const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * full.makespanSeconds);
          close(steady.makespanSeconds, full.makespanSeconds);
          close(steady.bubbleSeconds, full.bubbleSeconds);
          expect(steady.p2pTransfers).toBe(full.p2pTransfers);
          full.perStage.forEach((f, r) => {
            const st = steady.perStage[r];
            close(st?.busySeconds ?? NaN, f.busySeconds);
            close(st?.firstStartSeconds ?? NaN, f.firstStartSeconds);
            close(st?.lastEndSeconds ?? NaN, f.lastEndSeconds);
            expect(st?.peakInFlightChunks).toBe(f.peakInFlightChunks);
          });
          if (estimateBubble(schedule, params, times).simulatedMicroBatches.length === 3) extrapolated += 1;
        }
      }
    }
    if (schedule.id !== 'gpipe') expect(extrapolated).toBeGreaterThan(0);
  });

  it('reuses compiled shapes from a cache', () => {
    const cache = createCompiledScheduleCache();
    const params = { pp: 2, vp: schedule.id === 'interleaved' ? 2 : 1, microBatches: 240 };
    const times = createUniformTimes(schedule.placement(params), { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 });
    const first = estimateBubble(schedule, params, times, { cache });
    const size = cache.size;
    expect(size).toBeGreaterThan(0);
    expect(estimateBubble(schedule, params, times, { cache })).toEqual(first);
    expect(cache.size).toBe(size);
  });

  it('simulates m itself when m is at most the cap', () => {
    const params = { pp: 4, vp: schedule.id === 'interleaved' ? 2 : 1, microBatches: 8 };
    const times = createUniformTimes(schedule.placement(params), { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 });
    const estimate = estimateBubble(schedule, params, times);
    expect(estimate.simulatedMicroBatches).toEqual([8]);
    expect(estimate.bubbleSeconds).toBeCloseTo(simulateSchedule(schedule, params, times).bubbleSeconds, 12);
  });
});

describe('estimateBubble', () => {
  it('falls back to the full simulation when a rank is still eating its slack (phase change ahead)', () => {
    // ZB-H2, p = 2: rank 0 is 0.5% busier per micro-batch than rank 1; its warm-up slack runs out
    // only after ~45 micro-batches, where the makespan slope changes.
    const stages: StageOpTimes[] = [
      { forwardSeconds: 2.311, backwardInputSeconds: 2.124, backwardWeightSeconds: 1.286 },
      { forwardSeconds: 2.445, backwardInputSeconds: 1.949, backwardWeightSeconds: 1.298 },
    ];
    const times: ScheduleTimes = { stages, p2pSeconds: 0 };
    for (const microBatches of [120, 200]) {
      const params = { pp: 2, vp: 1, microBatches };
      const estimate = estimateBubble('zb-h2', params, times, { maxSimulatedMicroBatches: 40 });
      // Runs at 8/20/32 grow in lockstep but rank 0's idle shrinks: fall back to simulating m.
      expect(estimate.simulatedMicroBatches).toEqual([microBatches]);
      expect(estimate.makespanSeconds).toBeCloseTo(simulateSchedule('zb-h2', params, times).makespanSeconds, 9);
    }
  });

  it('does not extrapolate runs whose totals grow equally while their ops still drift (1F1B, p = 16, p2p latency)', () => {
    // F = I = W = 1 s, 0.1 s per p2p transfer: over 32 → 44 → 56 micro-batches the makespan, every
    // rank's busy time, window and last end grow by the same amounts, but ops near the drain still
    // move against each other; the growth per period rises later (extrapolated 684.6 s, simulated 685.2 s).
    const params = { pp: 16, vp: 1, microBatches: 200 };
    const times = { ...createUniformTimes(SCHEDULES['1f1b'].placement(params), { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 }), p2pSeconds: 0.1 };
    const estimate = estimateBubble('1f1b', params, times);
    const full = simulateSchedule('1f1b', params, times, { recordOps: false });
    expect(estimate.makespanSeconds).toBeCloseTo(full.makespanSeconds, 9);
    expect(estimate.bubbleSeconds).toBeCloseTo(full.bubbleSeconds, 9);
  });

  it.each([['1f1b', 1], ['interleaved', 2], ['zb-h1', 1], ['dualpipe', 1]] as const)(
    'equals the full simulation of %s at p = 8 and 16 with uniform times and p2p latency',
    (id, vp) => {
      for (const pp of [8, 16]) {
        for (const p2pSeconds of [0.05, 0.3]) {
          const params = { pp, vp, microBatches: 12 * pp * vp };
          const times = { ...createUniformTimes(SCHEDULES[id].placement(params), { forwardSeconds: 1, backwardInputSeconds: 1.2, backwardWeightSeconds: 0.8 }), p2pSeconds };
          const estimate = estimateBubble(id, params, times);
          const full = simulateSchedule(id, params, times, { recordOps: false });
          expect(Math.abs(estimate.makespanSeconds - full.makespanSeconds)).toBeLessThanOrEqual(1e-9 * full.makespanSeconds);
          expect(Math.abs(estimate.windowBubbleSeconds - full.windowBubbleSeconds)).toBeLessThanOrEqual(1e-9 * full.makespanSeconds);
        }
      }
    },
  );
});
