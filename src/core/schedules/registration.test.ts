/**
 * Adding a schedule is one file plus one registry line. This suite adds `gpipe-reversed`
 * (`gpipe-reversed.testing.ts`) to `SCHEDULES` exactly as a production schedule would be added,
 * and follows it through the scenario schema, the layout rules, memory, the step model and the
 * planner, which learn of it from the registry alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { estimateMemory } from '../memory/estimate-memory.js';
import { planLayouts } from '../planner/plan.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateStep } from '../step/estimate-step.js';
import { SCHEDULE_IDS } from './catalog.js';

vi.mock('./registry.js', async (importOriginal) => {
  const registry = await importOriginal<typeof import('./registry.js')>();
  const { gpipeReversed } = await import('./gpipe-reversed.testing.js');
  return { ...registry, SCHEDULES: { ...registry.SCHEDULES, 'gpipe-reversed': gpipeReversed } };
});

const MIXTRAL = readFileSync(new URL('../../../examples/mixtral-8x7b-h100.yaml', import.meta.url), 'utf8');

/** The Mixtral example (64 H100, PP4) without interleaving and with full recomputation, under `schedule`. */
function mixtral(schedule: string, vp = 1) {
  const text = MIXTRAL.replace(/^( {2}vp:) .*$/m, `$1 ${vp}`)
    .replace(/^( {2}schedule:) .*$/m, `$1 ${schedule}`)
    .replace(/^( {2}zero:) .*$/m, '$&\n  recompute: full');
  return parseScenarioText(text, 'yaml');
}

describe('a schedule registered with one line', () => {
  it('is a schedule id, and the scenario schema accepts it', () => {
    expect(SCHEDULE_IDS).toContain('gpipe-reversed');
    expect(mixtral('gpipe-reversed').layout.schedule).toBe('gpipe-reversed');
    expect(() => mixtral('gpipe-sideways')).toThrow(/gpipe-reversed/);
  });

  it('brings its own layout rules', () => {
    expect(() => createLayout(mixtral('gpipe-reversed', 8))).toThrow(/schedule gpipe-reversed: GPipe \(reversed backward\) runs one chunk per rank/);
  });

  it('sets memory through its own in-flight count: GPipe\'s, more than 1F1B\'s', () => {
    const peak = (schedule: string) => {
      const scenario = mixtral(schedule);
      return estimateMemory(scenario, createLayout(scenario)).peakBytesPerGpu;
    };
    expect(peak('gpipe-reversed')).toBe(peak('gpipe'));
    expect(peak('gpipe-reversed')).toBeGreaterThan(peak('1f1b'));
  });

  it('runs its own program in the step model', () => {
    const scenario = mixtral('gpipe-reversed');
    const step = estimateStep(scenario, createLayout(scenario));
    expect(step.schedule.id).toBe('gpipe-reversed');
    const gpipe = mixtral('gpipe');
    expect(step.time.stepSeconds).toBeGreaterThan(0);
    expect(step.time.stepSeconds).toBeCloseTo(estimateStep(gpipe, createLayout(gpipe)).time.stepSeconds, 6);
  });

  it('is searched by the planner', () => {
    const scenario = mixtral('[gpipe-reversed, 1f1b]');
    const plan = planLayouts(scenario, { top: 50 });
    expect(plan.counts.ranked).toBe(2);
    const schedules = new Set(plan.top.map((p) => p.layout.schedule));
    expect(schedules).toEqual(new Set(['gpipe-reversed', '1f1b']));
  });
});
