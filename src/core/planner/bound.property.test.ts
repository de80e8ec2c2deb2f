/**
 * The planner's bounds are lower bounds of the step model, and its leaf is the step model, on
 * random layouts and overlap assumptions (fast-check): bound ≤ estimateStep at every level, and
 * the leaf's step time = estimateStep's, with the planner's pricer shared across the runs (so what
 * it priced before cannot change a price). This is what lets the planner skip layouts by their bound
 * and trust its inner loop without re-checking it at run time.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { SCHEDULE_IDS, type Layout, type Recompute, type ZeroStage } from '../layout/types.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { createStepOptions, type StepOptions } from '../step/options.js';
import { createStepContext } from '../step/pricer.js';
import { getSchedule } from '../schedules/catalog.js';
import {
  averageOptimizerSeconds, createBoundContext, dataParallelTail, gridFloor, gridFloors, pipelineBound, pipelineSpan, skeletonFloor, stepFloor, type BoundContext,
} from './bound.js';
import { fastStep, simulatePipeline } from './fast-step.js';
import { EXAMPLE_NAMES } from './test-fixtures.js';

const example = (name: string): Scenario => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');
const SCENARIOS = EXAMPLE_NAMES.map(example);

const RECOMPUTES: readonly Recompute[] = ['none', 'selective', 'full'];
const ZEROS: readonly ZeroStage[] = [0, 1, 2, 3];

/** A layout drawn field by field, or null when the drawn fields break a layout rule. */
function drawLayout(scenario: Scenario, f: { tp: number; cp: number; pp: number; vp: number; ep: number; etp: number; zero: ZeroStage; shardDivisor: number; recompute: Recompute; microBatch: number; schedule: Layout['schedule']; sp: boolean }): Layout | null {
  const dp = scenario.cluster.gpus / (f.tp * f.cp * f.pp);
  const moe = scenario.model.moe !== null;
  try {
    return createLayout(scenario, {
      tp: f.tp, cp: f.cp, pp: f.pp, dp, vp: f.vp,
      ep: moe ? f.ep : 1, etp: moe ? Math.min(f.etp, f.tp) : 1, sequenceParallel: f.sp,
      zero: f.zero, fsdpShardSize: f.zero === 3 ? Math.max(1, dp / f.shardDivisor) : dp,
      recompute: f.recompute, microBatch: f.microBatch, schedule: f.schedule,
    });
  } catch {
    return null;
  }
}

const fields = fc.record({
  tp: fc.constantFrom(1, 2, 4, 8),
  cp: fc.constantFrom(1, 1, 2, 4),
  pp: fc.constantFrom(1, 2, 4, 8, 16),
  vp: fc.constantFrom(1, 1, 1, 2, 3, 4, 6),
  ep: fc.constantFrom(1, 2, 4, 8, 16, 32, 64),
  etp: fc.constantFrom(1, 2),
  zero: fc.constantFrom(...ZEROS),
  shardDivisor: fc.constantFrom(1, 2, 4),
  recompute: fc.constantFrom(...RECOMPUTES),
  microBatch: fc.constantFrom(1, 2, 4),
  schedule: fc.constantFrom(...SCHEDULE_IDS),
  sp: fc.boolean(),
});

const randomOverlaps = fc.record({
  tpFraction: fc.constantFrom(0, 0.5, 1),
  epFraction: fc.constantFrom(0, 0.5),
  cpRing: fc.boolean(),
  dpGradReduce: fc.boolean(),
  dpParamGather: fc.boolean(),
  fsdpPrefetch: fc.boolean(),
});

/** The framework's own assumptions two runs in three (so runs share one pricer), random ones otherwise. */
const overlaps = fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, { arbitrary: randomOverlaps, weight: 1 });

/**
 * One bound context per (scenario, overlap assumptions), shared by every run that draws them: the
 * planner prices thousands of layouts through one pricer, so a memo key that misses a field its
 * price reads shows as a layout priced differently after another (pricer-history.test.ts).
 */
const shared = new Map<string, { options: StepOptions; bc: BoundContext }>();

function sharedBounds(scenario: Scenario, index: number, overlap: NonNullable<StepOptions['overlap']>): { options: StepOptions; bc: BoundContext } {
  const key = `${index}|${JSON.stringify(overlap)}`;
  let known = shared.get(key);
  if (known === undefined) {
    const options = createStepOptions({ overlap });
    known = { options, bc: createBoundContext(scenario, options, createStepContext(scenario, options)) };
    shared.set(key, known);
  }
  return known;
}

function check(scenario: Scenario, layout: Layout, options: StepOptions, bc: BoundContext): void {
  // The step model with no history (a fresh context), against the planner's shared one.
  const exact = estimateStep(scenario, layout, options, createStepContext(scenario, options));
  const pipeline = pipelineBound(bc, layout);
  const tail = dataParallelTail(bc, layout);
  const seconds = exact.time.stepSeconds;
  const slack = 1e-9 * seconds;
  // The leaf: the planner's step time is the step model's.
  const leaf = fastStep(bc, pipeline, simulatePipeline(bc, layout, pipeline), tail);
  expect(Math.abs(leaf.stepSeconds - seconds)).toBeLessThanOrEqual(slack);
  expect(Math.abs(leaf.computeSeconds - exact.time.computeSeconds)).toBeLessThanOrEqual(1e-9 * exact.time.computeSeconds);
  // Every bound.
  expect(stepFloor(bc, pipeline, tail)).toBeLessThanOrEqual(seconds + slack);
  expect(gridFloor(bc, layout)).toBeLessThanOrEqual(seconds + slack);
  const paired = getSchedule(layout.schedule).pairsChunks;
  expect(gridFloor(bc, layout, { paired, unpaired: !paired })).toBeLessThanOrEqual(seconds + slack);
  const plain = pipelineBound(bc, { ...layout, recompute: 'none', zero: 1, fsdpShardSize: layout.dp });
  expect(skeletonFloor(bc, plain, [layout])).toBeLessThanOrEqual(seconds + slack);
  // The search visits a grid's skeletons from the grid's bound for their kind of schedule, refined
  // on demand (best-first.ts): it visits them in the order of their own bounds when it is below them.
  const z1 = { ...layout, recompute: 'none' as const, zero: 1 as const, fsdpShardSize: layout.dp };
  const kind = gridFloors(bc, z1, { paired, unpaired: !paired });
  expect(paired ? kind.paired : kind.unpaired).toBeLessThanOrEqual(skeletonFloor(bc, plain, [z1]) * (1 + 1e-12));
  // The search prices a grid once for both kinds on a layout without sharding or recomputation and
  // adds the optimizer its degrees share: the same bounds.
  const both = gridFloors(bc, z1);
  const unsharded = { ...z1, zero: 0 as const };
  expect(gridFloors(bc, unsharded, { paired: true, unpaired: true }, averageOptimizerSeconds(bc, z1))).toEqual(both);
  // A refined skeleton's bound reads only the pipeline's span: the same as the full pipeline bound's.
  const plainLayout = { ...layout, recompute: 'none' as const, zero: 1 as const, fsdpShardSize: layout.dp };
  const span = pipelineSpan(bc, plainLayout);
  expect(span.makespanSeconds).toBe(plain.makespanSeconds);
  // A visited skeleton's pipeline bound on the prices its refinement read: the same bound.
  expect(pipelineBound(bc, plainLayout, span)).toEqual(plain);
  expect(span.minComputeSeconds).toBe(plain.minComputeSeconds);
  expect(skeletonFloor(bc, span, [z1])).toBe(skeletonFloor(bc, plain, [z1]));
  expect(pipeline.minComputeSeconds).toBeLessThanOrEqual(exact.time.computeSeconds * (1 + 1e-9));
  // estimateStep through the shared context (the planner's returned layouts) is the fresh one.
  expect(estimateStep(scenario, layout, options, bc.pricer.context).time.stepSeconds).toBe(seconds);
}

describe('planner bounds ≤ estimateStep = planner leaf, on random layouts', () => {
  it.each(EXAMPLE_NAMES.map((name, i) => [name, i] as const))('%s', (_, index) => {
    const scenario = SCENARIOS[index];
    if (scenario === undefined) throw new Error('no scenario');
    let checked = 0;
    fc.assert(
      fc.property(fields, overlaps, (f, overlap) => {
        const layout = drawLayout(scenario, f);
        fc.pre(layout !== null && layout.microBatches <= 256);
        if (layout === null) return;
        const { options, bc } = sharedBounds(scenario, index, overlap);
        check(scenario, layout, options, bc);
        checked += 1;
      }),
      { numRuns: 40, seed: 20261201 + index, maxSkipsPerRun: 1000 },
    );
    expect(checked).toBe(40);
  });
});
