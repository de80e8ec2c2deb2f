/**
 * A folded graph (ranks 0 .. p/2−1 of a run symmetric under rank r ↔ p−1−r, `Schedule.rankMirror`)
 * gives exactly the whole simulation's records: random unequal stage times, exposed communication,
 * an overlapped-pair time of its own, with and without p2p latency, several p and m.
 */
import { describe, expect, it } from 'vitest';
import { simulateSteadyState } from './estimate.js';
import { SCHEDULES } from './registry.js';
import { runFolded } from './simulate-ops.js';
import { compileSchedule, simulateCompiled, simulateSchedule } from './simulate.js';
import { summarizeRun } from './summarize.js';
import type { ScheduleTimes, StageOpTimes } from './types.js';

/** Deterministic LCG in [0, 1). */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomTimes(stages: number, seed: number): ScheduleTimes {
  const random = createRandom(seed);
  const list: StageOpTimes[] = Array.from({ length: stages }, () => ({
    forwardSeconds: 0.2 + 2 * random(),
    backwardInputSeconds: 0.2 + 2 * random(),
    backwardWeightSeconds: 0.1 + 2 * random(),
    forwardCommSeconds: random() < 0.5 ? random() : 0,
    backwardCommSeconds: random() < 0.5 ? random() : 0,
  }));
  const scale = 0.5 + random();
  const p2pSeconds = seed % 3 === 0 ? 0 : random();
  const pairs = seed % 2 === 0 ? {} : { overlappedPairSeconds: (p: { forwardSeconds: number; backwardSeconds: number }) => scale * (p.forwardSeconds + p.backwardSeconds) };
  return { stages: list, p2pSeconds, ...pairs };
}

describe('folded DualPipe run', () => {
  it('has every record of the whole run, bit for bit', () => {
    let cases = 0;
    for (const pp of [2, 4, 6, 8, 16]) {
      for (const microBatches of [2 * pp, 2 * pp + 2, 3 * pp + 4, 64]) {
        if (microBatches < 2 * pp) continue;
        for (let seed = 1; seed <= 6; seed += 1) {
          const params = { pp, vp: 1, microBatches };
          const compiled = compileSchedule(SCHEDULES.dualpipe, params);
          const times = randomTimes(pp, seed * 101 + pp * 7 + microBatches);
          const folded = compiled.folded;
          expect(folded?.rankCount).toBe(pp / 2);
          const ctx = folded === null ? null : runFolded(folded, times);
          expect(ctx).not.toBeNull();
          if (ctx === null) continue;
          expect(summarizeRun(ctx, false)).toEqual(simulateCompiled(compiled, times, { recordOps: false }));
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
  });

  it('falls back to the whole run where the folded one stalls (zero durations)', () => {
    const params = { pp: 8, vp: 1, microBatches: 16 };
    const zero = { forwardSeconds: 0, backwardInputSeconds: 0, backwardWeightSeconds: 0 };
    for (const times of [{ stages: new Array<StageOpTimes>(8).fill(zero), p2pSeconds: 0 }, randomTimes(8, 3)]) {
      expect(simulateSteadyState(SCHEDULES.dualpipe, params, times)).toEqual(simulateSchedule(SCHEDULES.dualpipe, params, times, { recordOps: false }));
    }
  });
});
