/**
 * Unequal times: the closed forms are exact only near F = I = W (notes §3.7); the simulator is the
 * answer. Values measured by the notes' replay with p = 8, m = 20, zero latency.
 */
import { describe, expect, it } from 'vitest';
import { SCHEDULES } from './registry.js';
import { simulateSchedule } from './simulate.js';
import { createUniformTimes } from './times.js';
import type { ScheduleId, ScheduleTimes, StageOpTimes, UniformOpTimes } from './types.js';

const PARAMS = { pp: 8, vp: 1, microBatches: 20 };

function bubble(id: ScheduleId, t: UniformOpTimes): number {
  const schedule = SCHEDULES[id];
  return simulateSchedule(schedule, PARAMS, createUniformTimes(schedule.placement(PARAMS), t)).bubbleSeconds;
}

function fib(forwardSeconds: number, backwardInputSeconds: number, backwardWeightSeconds: number): UniformOpTimes {
  return { forwardSeconds, backwardInputSeconds, backwardWeightSeconds };
}

describe('simulation vs closed form at unequal F, I, W (notes §3.7)', () => {
  it.each([
    [fib(1, 1.2, 0.8), 7.2, 7.8],
    [fib(1, 2, 1), 11, 12],
    [fib(2, 1, 1), 13, 9],
    [fib(1.3, 1.0, 1.6), 9.9, 5.1],
  ])('DualPipe at %o: simulated %f, formula %f', (t, simulated, formula) => {
    expect(bubble('dualpipe', t)).toBeCloseTo(simulated, 9);
    expect(SCHEDULES.dualpipe.bubbleFormula(PARAMS, t)).toBeCloseTo(formula, 9);
  });

  it('ZB-H1 at (1.3, 1.0, 1.6): simulated 9.1, formula 4.9 (the closed form assumes W is not the longest pass)', () => {
    const t = fib(1.3, 1.0, 1.6);
    expect(bubble('zb-h1', t)).toBeCloseTo(9.1, 9);
    expect(SCHEDULES['zb-h1'].bubbleFormula(PARAMS, t)).toBeCloseTo(4.9, 9);
  });

  it('1F1B matches its formula in every case', () => {
    for (const t of [fib(1, 1.2, 0.8), fib(1, 2, 1), fib(2, 1, 1), fib(1.3, 1.0, 1.6)]) {
      expect(bubble('1f1b', t)).toBeCloseTo(SCHEDULES['1f1b'].bubbleFormula(PARAMS, t), 9);
    }
  });
});

describe('unequal stages (heavier first and last stage)', () => {
  const base: StageOpTimes = { forwardSeconds: 1, backwardInputSeconds: 1, backwardWeightSeconds: 1 };
  const heavy: StageOpTimes = { forwardSeconds: 1.5, backwardInputSeconds: 1.5, backwardWeightSeconds: 1.5 };
  const stages = Array.from({ length: 8 }, (_, s) => (s === 0 || s === 7 ? heavy : base));
  const times: ScheduleTimes = { stages, p2pSeconds: 0 };

  it('1F1B makespan is the flow-shop bound: sum of stage times + (m-1) × the slowest stage', () => {
    const sim = simulateSchedule('1f1b', PARAMS, times);
    const sum = stages.reduce((acc, t) => acc + t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds, 0);
    expect(sim.makespanSeconds).toBeCloseTo(sum + (PARAMS.microBatches - 1) * 4.5, 9);
    // The busiest rank (4.5 per micro-batch) sets the bubble, not the mean stage time.
    expect(sim.busySeconds).toBeCloseTo(20 * 4.5, 9);
  });

  it('DualPipe puts stages r and p-1-r on rank r, so both heavy stages land on ranks 0 and 7', () => {
    const sim = simulateSchedule('dualpipe', PARAMS, times);
    const busy = sim.perStage.map((s) => s.busySeconds);
    expect(busy[0]).toBeCloseTo(10 * 4.5 + 10 * 4.5, 9);
    expect(busy[3]).toBeCloseTo(20 * 3, 9);
    expect(sim.bubbleSeconds).not.toBeCloseTo(SCHEDULES.dualpipe.bubbleFormula(PARAMS, { forwardSeconds: 1.5, backwardInputSeconds: 1.5, backwardWeightSeconds: 1.5 }), 3);
  });
});
