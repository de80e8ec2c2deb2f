/**
 * Runs that share buffers (`RunBuffers`, lent by a compiled-schedule cache) give the records of runs
 * on fresh buffers, bit for bit: a larger graph run before a smaller one, or an unequal-time run
 * before an equal-time one, leaves nothing behind. Every registered schedule.
 */
import { describe, expect, it } from 'vitest';
import { createCompiledScheduleCache } from './cache.js';
import { simulateSteadyState } from './estimate.js';
import { SCHEDULES } from './registry.js';
import { createRunBuffers, runEvents } from './simulate-ops.js';
import { compileSchedule } from './simulate.js';
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
