import { describe, expect, it } from 'vitest';
import { SCHEDULES } from './registry.js';
import { simulateSchedule } from './simulate.js';
import { createUniformTimes } from './times.js';
import { createChromeTrace } from './trace.js';

describe('createChromeTrace', () => {
  const params = { pp: 4, vp: 1, microBatches: 8 };
  const sim = simulateSchedule('dualpipe', params, createUniformTimes(SCHEDULES.dualpipe.placement(params), { forwardSeconds: 1e-3, backwardInputSeconds: 1e-3, backwardWeightSeconds: 1e-3 }));
  const trace = createChromeTrace(sim, { title: 'DualPipe p=4 m=8' });

  it('has one named track per rank and one complete event per op, in microseconds', () => {
    const names = trace.traceEvents.filter((e) => e.name === 'thread_name');
    expect(names.map((e) => e.args?.name)).toEqual(['rank 0', 'rank 1', 'rank 2', 'rank 3']);
    const slices = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(slices.length).toBe(sim.ops.length);
    const last = Math.max(...slices.map((e) => e.ts + (e.dur ?? 0)));
    expect(last).toBeCloseTo(sim.makespanSeconds * 1e6, 6);
    expect(slices.find((e) => e.cat === 'FB')?.name).toMatch(/^F\d+\.c\d\+B\d+\.c\d$/);
  });

  it('is plain JSON (what the CLI writes is what Perfetto reads)', () => {
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
  });
});
