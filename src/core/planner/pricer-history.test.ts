/**
 * A price must not depend on what the pricer priced before. Two counterexamples of the planner's
 * properties came from a memo key that missed a field the value read: the layer communication was
 * keyed by the compute shape's recomputation (`none` in the grid bound) but computed from the
 * layout's (`full`), so a grid bound of a fully recomputing layout left a dearer price under the
 * key of one that does not recompute. Both are replayed here in that order: the step pricer's keys
 * (`step/pricer.ts`, `*_FIELDS`) now hold exactly the fields each price reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { createStepContext } from '../step/pricer.js';
import { createBoundContext, dataParallelTail, gridFloor, pipelineBound, type BoundContext } from './bound.js';
import { fastStep, simulatePipeline } from './fast-step.js';

const scenario = parseScenarioText(readFileSync(new URL('../../../examples/deepseek-v3-h800.yaml', import.meta.url), 'utf8'), 'yaml');
const freshBounds = (): BoundContext => createBoundContext(scenario, DEFAULT_STEP_OPTIONS, createStepContext(scenario, DEFAULT_STEP_OPTIONS));
const exactSeconds = (layout: Layout): number => estimateStep(scenario, layout, DEFAULT_STEP_OPTIONS, createStepContext(scenario)).time.stepSeconds;

/** What the planner asks of a layout before it gets to another: its pipeline bound and its grid bound. */
function priceFirst(bc: BoundContext, layout: Layout): void {
  pipelineBound(bc, layout);
  gridFloor(bc, layout);
}

/** DeepSeek-V3 on 2048 H800 as TP4 · PP2 · EP128 · DP256 (the layouts of both counterexamples). */
function deepSeekLayout(fields: Pick<Layout, 'zero' | 'fsdpShardSize' | 'microBatch' | 'schedule' | 'vp' | 'recompute'>): Layout {
  return createLayout(scenario, { tp: 4, cp: 1, pp: 2, dp: 256, ep: 128, etp: 1, sequenceParallel: true, ...fields });
}

describe('the planner prices a layout the same whatever it priced before', () => {
  it('TP4·PP2·EP128·DP256, ZeRO-3 in shards of 128, interleaved (vp 4, micro-batch 3), after the bounds of its full-recomputation variant: the leaf equals estimateStep', () => {
    const layout = deepSeekLayout({ zero: 3, fsdpShardSize: 128, microBatch: 3, schedule: 'interleaved', vp: 4, recompute: 'none' });
    const bc = freshBounds();
    priceFirst(bc, { ...layout, recompute: 'full' });
    const pipeline = pipelineBound(bc, layout);
    const leaf = fastStep(bc, pipeline, simulatePipeline(bc, layout, pipeline), dataParallelTail(bc, layout));
    const exact = exactSeconds(layout);
    expect(Math.abs(leaf.stepSeconds - exact)).toBeLessThanOrEqual(1e-9 * exact);
  });

  it('TP4·PP2·EP128·DP256 under 1F1B: the grid bound at micro-batch 4 after the bounds of its full-recomputation variant equals a fresh one and is at most estimateStep', () => {
    const at4 = deepSeekLayout({ zero: 3, fsdpShardSize: 128, microBatch: 4, schedule: '1f1b', vp: 1, recompute: 'none' });
    const bc = freshBounds();
    priceFirst(bc, { ...at4, recompute: 'full' });
    const unpaired = { paired: false, unpaired: true };
    const after = gridFloor(bc, at4, unpaired);
    expect(after).toBe(gridFloor(freshBounds(), at4, unpaired));
    expect(gridFloor(bc, at4)).toBe(gridFloor(freshBounds(), at4));
    expect(after).toBeLessThanOrEqual(exactSeconds(at4));
    const at1 = deepSeekLayout({ zero: 3, fsdpShardSize: 128, microBatch: 1, schedule: '1f1b', vp: 1, recompute: 'none' });
    expect(gridFloor(bc, at1)).toBeLessThanOrEqual(exactSeconds(at1));
  });
});
