/**
 * Runs that share buffers (`RunBuffers`, lent by a compiled-schedule cache) give the records of runs
 * on fresh buffers, bit for bit: a larger graph run before a smaller one, or an unequal-time run
 * before an equal-time one, leaves nothing behind. Every registered schedule.
 */
import { describe, expect, it } from 'vitest';
import { createCompiledScheduleCache } from './cache.js';
import { estimateBubble, simulateSteadyState } from './estimate.js';
import { SCHEDULES } from './registry.js';
import { createRunBuffers, runEvents } from './simulate-ops.js';
import { compileSchedule, simulateSchedule } from './simulate.js';
import { summarizeRun } from './summarize.js';
import type { ScheduleParams, ScheduleTimes } from './types.js';

function unequalTimes(stages: number, p2pSeconds: number): ScheduleTimes {
  return {
    stages: Array.from({ length: stages }, (_, s) => ({
      forwardSeconds: 1 + 0.13 * (s % 5), backwardInputSeconds: 1.1 + 0.07 * (s % 3), backwardWeightSeconds: 0.9 + 0.05 * (s % 4),
      forwardCommSeconds: s % 2 === 0 ? 0.2 : 0,
    })),
    p2pSeconds,
  };
}

const SHAPES: readonly ScheduleParams[] = [
  { pp: 8, vp: 2, microBatches: 48 }, { pp: 4, vp: 1, microBatches: 8 }, { pp: 8, vp: 1, microBatches: 96 }, { pp: 2, vp: 1, microBatches: 4 },
];

describe('shared run buffers', () => {
  it('give every schedule the records of fresh buffers, whatever ran before', () => {
    const shared = createRunBuffers();
    let runs = 0;
    for (const schedule of Object.values(SCHEDULES)) {
      for (const [k, params] of SHAPES.entries()) {
        if (schedule.check(params) !== null) continue;
        const compiled = compileSchedule(schedule, params);
        const times = unequalTimes(schedule.placement(params).modelStages, k % 2 === 0 ? 0.05 : 0);
        const reused = summarizeRun(runEvents(compiled.graph, times, shared), true);
        const fresh = summarizeRun(runEvents(compiled.graph, times), true);
        expect(reused, `${schedule.id} ${JSON.stringify(params)}`).toEqual(fresh);
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(12);
  });

  it('leave the steady-state estimate of a cache equal to one without a cache', () => {
    const cache = createCompiledScheduleCache();
    for (const id of ['1f1b', 'zb-h1', 'dualpipe'] as const) {
      for (const params of [{ pp: 8, vp: 1, microBatches: 200 }, { pp: 4, vp: 1, microBatches: 16 }, { pp: 8, vp: 1, microBatches: 64 }]) {
        const times = unequalTimes(SCHEDULES[id].placement(params).modelStages, 0.01);
        expect(simulateSteadyState(id, params, times, { cache }), `${id} ${params.microBatches}`).toEqual(simulateSteadyState(id, params, times));
      }
    }
  });
});

describe('the steady-state estimate on shared buffers', () => {
  it('extrapolates from the records of its two later runs, bit for bit, though the first run reuses their buffers', () => {
    let extrapolated = 0;
    for (const id of ['1f1b', 'zb-h1', 'dualpipe', 'interleaved'] as const) {
      const params = { pp: 4, vp: id === 'interleaved' ? 2 : 1, microBatches: 200 };
      const times = unequalTimes(SCHEDULES[id].placement(params).modelStages, 0);
      const estimate = estimateBubble(id, params, times, { cache: createCompiledScheduleCache() });
      const [, m1, m2] = estimate.simulatedMicroBatches;
      if (m1 === undefined || m2 === undefined) continue;
      const near = simulateSchedule(id, { ...params, microBatches: m1 }, times, { recordOps: false });
      const far = simulateSchedule(id, { ...params, microBatches: m2 }, times, { recordOps: false });
      const periods = (params.microBatches - m2) / (m2 - m1);
      expect(estimate.makespanSeconds, id).toBe(far.makespanSeconds + (far.makespanSeconds - near.makespanSeconds) * periods);
      const steady = simulateSteadyState(id, params, times);
      far.perStage.forEach((f, r) => {
        const n = near.perStage[r];
        expect(steady.perStage[r]?.lastEndSeconds, `${id} rank ${r}`).toBe(f.lastEndSeconds + (f.lastEndSeconds - (n?.lastEndSeconds ?? NaN)) * periods);
        expect(steady.perStage[r]?.busySeconds, `${id} rank ${r}`).toBe(f.busySeconds + (f.busySeconds - (n?.busySeconds ?? NaN)) * periods);
      });
      extrapolated += 1;
    }
    expect(extrapolated).toBeGreaterThanOrEqual(2);
  });
});
