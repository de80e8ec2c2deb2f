/**
 * Without a budget or a deadline the leaves whose memory floors rule them out are dropped before
 * they are bounded (visit-skeleton.ts). A budget that rejects nothing keeps the bound-first order
 * (its verdicts record rejected bounds), so both searches must rank the same layouts: only the
 * split of the dropped ones between `byMemory` and `byBound` may differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse.js';
import { planLayouts } from './plan.js';
import { withLayout } from './test-fixtures.js';
import type { PlanResult } from './types.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

/** What a search answers: its ranked layouts, front and figures (not how it dropped the rest). */
function answer(plan: PlanResult): unknown {
  const strip = (p: PlanResult['top'][number]) => ({ layout: p.layout, stepSeconds: p.step.time.stepSeconds, peakBytes: p.memory.peakBytesPerGpu, score: p.point.score });
  return { top: plan.top.map(strip), pareto: plan.pareto.map(strip), evaluated: plan.evaluated, simulations: plan.simulations, diagnosis: plan.diagnosis, ranked: plan.counts.ranked };
}

describe('memory floors before leaf bounds', () => {
  const gpt3 = withLayout(example('gpt3-175b-a100'), {
    tp: [4, 8], pp: [8, 16], cp: 1, schedule: ['1f1b', 'interleaved', 'zb-h1', 'dualpipev'], vp: 'auto', zero: 'auto', fsdpShardSize: null, recompute: 'auto', microBatch: [1, 2],
  });

  it('GPT-3 175B: the same answer as bounding first, more leaves dropped by memory and as many dropped in all', () => {
    const first = planLayouts(gpt3, { top: 10 });
    const bounded = planLayouts(gpt3, { top: 10, budgetUsd: Number.MAX_VALUE });
    expect(answer(first)).toEqual(answer(bounded));
    expect(first.counts.byMemory).toBeGreaterThan(bounded.counts.byMemory);
    expect(first.counts.byMemory + first.counts.byBound).toBe(bounded.counts.byMemory + bounded.counts.byBound);
  });

  it('a search where nothing fits: the same diagnosis', () => {
    const tight = withLayout(example('gpt3-175b-a100'), { tp: [1, 2], pp: [1, 2], cp: 1, zero: [0, 1], recompute: 'auto', microBatch: [1, 2] });
    const first = planLayouts(tight, { top: 5 });
    const bounded = planLayouts(tight, { top: 5, budgetUsd: Number.MAX_VALUE });
    expect(first.best).toBeNull();
    expect(first.diagnosis).toEqual(bounded.diagnosis);
    expect(first.counts).toEqual(bounded.counts);
  });
});
