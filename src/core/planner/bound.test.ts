import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Layout, ScheduleId } from '../layout/types.js';
import { peakMemoryBytes } from '../memory/estimate-memory.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { createStepContext } from '../step/pricer.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { createBoundContext, dataParallelTail, gridFloor, pipelineBound, skeletonFloor, stepFloor } from './bound.js';
import { createGpuSpace, createSearchSpace, type GpuSpace } from './space.js';
import { enumerateLayouts, layoutOf, leafOptions } from './enumerate.js';
import { fastStep, simulatePipeline } from './fast-step.js';
import { createMemoryGate } from './memory-gate.js';
import { EXAMPLE_NAMES, withLayout } from './test-fixtures.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

/** Up to `perSchedule` layouts of every schedule, spread over the enumeration order. */
function sample(scenario: Scenario, perSchedule: number, stride: number): { g: GpuSpace; layouts: Layout[] } {
  const space = createSearchSpace(scenario, undefined, { maxMicroBatch: 4 });
  const g = createGpuSpace(space, scenario.cluster.gpus);
  const taken = new Map<ScheduleId, number>();
  const seen = new Map<ScheduleId, number>();
  const layouts: Layout[] = [];
  for (const { candidate } of enumerateLayouts(space)) {
    const n = seen.get(candidate.schedule) ?? 0;
    seen.set(candidate.schedule, n + 1);
    if (n % stride !== 0 || (taken.get(candidate.schedule) ?? 0) >= perSchedule) continue;
    taken.set(candidate.schedule, (taken.get(candidate.schedule) ?? 0) + 1);
    layouts.push(layoutOf(g, candidate));
  }
  return { g, layouts };
}

const STRIDES: Record<(typeof EXAMPLE_NAMES)[number], number> = { 'gpt3-175b-a100': 311, 'llama3-405b-h100': 401, 'mixtral-8x7b-h100': 1999, 'deepseek-v3-h800': 9973 };

describe.each(EXAMPLE_NAMES)('step-time bounds and the planner step for %s', (name) => {
  const scenario = withLayout(example(name));
  const { g, layouts } = sample(scenario, 5, STRIDES[name]);
  const context = createStepContext(g.scenario, DEFAULT_STEP_OPTIONS);
  const bc = createBoundContext(g.scenario, DEFAULT_STEP_OPTIONS, context);

  it('samples every schedule the space admits', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(25);
    expect(new Set(layouts.map((l) => l.schedule)).size).toBeGreaterThanOrEqual(name === 'gpt3-175b-a100' ? 7 : 5);
  });

  it('fast-step.ts equals estimateStep (step and critical-rank compute), and every bound is at most it', () => {
    for (const layout of layouts) {
      const step = estimateStep(g.scenario, layout, DEFAULT_STEP_OPTIONS, context);
      const pipeline = pipelineBound(bc, layout);
      const tail = dataParallelTail(bc, layout);
      const fast = fastStep(bc, pipeline, simulatePipeline(bc, layout, pipeline), tail);
      const exact = step.time.stepSeconds;
      expect(fast.stepSeconds).toBeCloseTo(exact, 9);
      expect(fast.computeSeconds).toBeCloseTo(step.time.computeSeconds, 9);
      const slack = 1e-9 * exact;
      expect(stepFloor(bc, pipeline, tail)).toBeLessThanOrEqual(exact + slack);
      expect(gridFloor(bc, layout)).toBeLessThanOrEqual(exact + slack);
      const paired = layout.schedule === 'dualpipe' || layout.schedule === 'dualpipev';
      expect(gridFloor(bc, layout, { paired, unpaired: !paired })).toBeLessThanOrEqual(exact + slack);
      const plain = pipelineBound(bc, { ...layout, recompute: 'none', zero: 1, fsdpShardSize: layout.dp });
      expect(skeletonFloor(bc, plain, [layout])).toBeLessThanOrEqual(exact + slack);
    }
  });

  it('the 1F1B grid bound at every micro-batch is at most the step there (the degrees node takes the least of them)', () => {
    for (const layout of layouts) {
      const base = { ...layout, schedule: '1f1b' as const, vp: 1 };
      for (const microBatch of [1, 2, 3, 4]) {
        const microBatches = g.ctx.globalBatch / (layout.dp * microBatch);
        if (!Number.isInteger(microBatches)) continue;
        const at = { ...base, microBatch, microBatches };
        const exact = estimateStep(g.scenario, at, DEFAULT_STEP_OPTIONS, context).time.stepSeconds;
        expect(gridFloor(bc, at, { paired: false, unpaired: true })).toBeLessThanOrEqual(exact * (1 + 1e-9));
      }
    }
  });

  it.each(['step', 'backward', 'fused-step'] as const)('memory bounds are at most the peak (gradients live until the %s); the peak falls with more recomputation', (gradientLifetime) => {
    const options = { gradientLifetime };
    const gate = createMemoryGate(g.scenario, 0, options);
    for (const layout of layouts) {
      const shardings = leafOptions(g, { ...layout, gpus: g.gpus }).shardings;
      const { floorsBytes } = gate.shardingFloorsBytes(g.scenario, layout, shardings);
      const states = gate.statesFloorBytes(g.scenario, layout, shardings);
      shardings.forEach((sharding, i) => {
        const peak = peakMemoryBytes(g.scenario, { ...layout, ...sharding }, options);
        expect(floorsBytes[i]).toBeLessThanOrEqual(peak);
        expect(states).toBeLessThanOrEqual(peak);
      });
      const peakOf = (recompute: Layout['recompute']) => peakMemoryBytes(g.scenario, { ...layout, recompute });
      expect(peakOf('full')).toBeLessThanOrEqual(peakOf('selective'));
      expect(peakOf('selective')).toBeLessThanOrEqual(peakOf('none'));
    }
  });
});
