import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayout, createLayout, layoutContext, type LayoutCandidate } from '../layout/create-layout.js';
import { SCHEDULE_IDS, type Recompute, type ZeroStage } from '../layout/types.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { createTally, enumerateDegrees, enumerateGrids, enumerateLayouts, layoutOf, leafCandidate, leafLayout, leafOptions, rejectedByRule, skeletonsOf } from './enumerate.js';
import { createGpuSpace, createSearchSpace, scenarioWithGpus } from './space.js';
import { withLayout } from './test-fixtures.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

function key(gpus: number, c: LayoutCandidate): string {
  return [gpus, c.tp, c.sequenceParallel, c.cp, c.pp, c.dp, c.etp, c.ep, c.microBatch, c.schedule, c.vp, c.zero, c.fsdpShardSize, c.recompute].join('|');
}

/**
 * Every candidate yielded (or every `stride`-th) passes createLayout on its GPU count. The first
 * that does not fails the test with its key and the error (a plain throw: `expect(…).not.toThrow()`
 * cost three times the check itself over the 100k candidates).
 */
function expectAllValid(scenario: Scenario, stride: number, gpuCounts?: number[]): number {
  let n = 0;
  for (const { gpus, candidate } of enumerateLayouts(createSearchSpace(scenario, gpuCounts))) {
    if (n++ % stride !== 0) continue;
    try {
      createLayout(scenarioWithGpus(scenario, gpus), candidate);
    } catch (error) {
      throw new Error(`the yielded layout ${key(gpus, candidate)} fails createLayout: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return n;
}

describe('enumerateLayouts yields only valid layouts', () => {
  it('GPT-3 175B on 1024 A100, every field auto: each of the 21k layouts passes createLayout', () => {
    expect(expectAllValid(withLayout(example('gpt3-175b-a100')), 1)).toBeGreaterThan(10_000);
  });

  it('Mixtral 8x7B (MoE: ep, etp) on 32, 64 and 128 GPUs, sampled', () => {
    expect(expectAllValid(withLayout(example('mixtral-8x7b-h100')), 7, [32, 64, 128])).toBeGreaterThan(100_000);
  });

  it('DeepSeek-V3 (MLA, MTP, dense-first layers) with ep in {8, 64}, sampled', () => {
    expect(expectAllValid(withLayout(example('deepseek-v3-h800'), { ...withLayout(example('deepseek-v3-h800')).layout, ep: [8, 64] }), 53)).toBeGreaterThan(50_000);
  });
});

describe('enumerateLayouts against brute force', () => {
  it('yields exactly the valid members of the Cartesian product of the given lists, less the pipelined ZeRO-3 over all of dp (it ties ZeRO-1)', () => {
    const base = scenarioWithGpus(example('mixtral-8x7b-h100'), 64);
    const zero: ZeroStage[] = [0, 1, 3];
    const recompute: Recompute[] = ['none', 'full'];
    const lists = {
      tp: [1, 2, 3, 4, 8], cp: [1, 2, 3], pp: [1, 2, 4, 5, 33], ep: [1, 2, 8, 16], etp: [1, 2],
      microBatch: [1, 2, 5], vp: [1, 2, 4], zero, fsdpShardSize: [2, 4, 16], recompute,
    };
    const scenario = withLayout(base, { ...lists, dp: 'auto', schedule: [...SCHEDULE_IDS], sequenceParallel: null });
    const ctx = layoutContext(scenario);
    const expected = new Set<string>();
    for (const tp of lists.tp) for (const cp of lists.cp) for (const pp of lists.pp) for (const ep of lists.ep) for (const etp of lists.etp) {
      for (const microBatch of lists.microBatch) for (const vp of lists.vp) for (const z of lists.zero) for (const shard of lists.fsdpShardSize) {
        for (const r of lists.recompute) for (const schedule of SCHEDULE_IDS) {
          const dp = 64 / (tp * cp * pp);
          const c: LayoutCandidate = {
            tp, cp, pp, dp, ep, etp, vp, microBatch, zero: z, recompute: r, schedule, fsdpShardSize: shard, sequenceParallel: tp > 1, order: scenario.layout.order,
          };
          const tiesZeroOne = pp > 1 && z === 3 && shard === dp;
          if (checkLayout(ctx, c) === null && !tiesZeroOne) expected.add(key(64, c));
        }
      }
    }
    const tally = createTally();
    const found = [...enumerateLayouts(createSearchSpace(scenario, undefined), tally)].map(({ gpus, candidate }) => key(gpus, candidate));
    expect(new Set(found).size).toBe(found.length);
    expect(new Set(found)).toEqual(expected);
    expect(expected.size).toBeGreaterThan(100);
    const byRule = rejectedByRule(tally);
    expect(byRule['layout.dp']).toBeGreaterThan(0);
    expect(byRule['layout.fsdpShardSize']).toBeGreaterThan(0);
  });
});

describe('rejections are counted per rule', () => {
  it('a tp that does not divide the heads rejects every combination under layout.tp', () => {
    const scenario = withLayout(example('gpt3-175b-a100'), { tp: 64 });
    const tally = createTally();
    expect([...enumerateLayouts(createSearchSpace(scenario, undefined), tally)]).toEqual([]);
    const entry = tally.rejected.get('layout.tp');
    expect(entry?.count).toBeGreaterThan(0);
    expect(entry?.example.rule).toContain('heads');
  });

  it('dp auto that does not divide the GPUs is rejected under layout.dp with the factors', () => {
    const scenario = withLayout(example('gpt3-175b-a100'), { tp: 8, pp: 3, cp: 1, dp: 'auto' });
    const tally = createTally();
    expect([...enumerateLayouts(createSearchSpace(scenario, undefined), tally)]).toEqual([]);
    expect(tally.rejected.get('layout.dp')?.example.rule).toContain('tp·cp·pp = 8·1·3 = 24');
  });
});

describe('leafLayout', () => {
  it('is the layout of the leaf candidate, field for field and in the same order (DeepSeek-V3, sampled skeletons)', () => {
    const scenario = withLayout(example('deepseek-v3-h800'));
    const g = createGpuSpace(createSearchSpace(scenario, undefined), scenario.cluster.gpus);
    const tally = createTally();
    let checked = 0;
    for (const degrees of enumerateDegrees(g, tally)) {
      for (const grid of enumerateGrids(g, degrees, tally)) {
        for (const skeleton of skeletonsOf(g, grid)) {
          if (checked++ % 97 !== 0) continue;
          const options = leafOptions(g, skeleton);
          for (const sharding of options.shardings) {
            for (const recompute of options.recomputes) {
              const layout = leafLayout(g, skeleton, sharding, recompute);
              const expected = layoutOf(g, leafCandidate(g.space, skeleton, sharding, recompute));
              expect(layout).toEqual(expected);
              expect(Object.keys(layout)).toEqual(Object.keys(expected));
            }
          }
        }
      }
      if (checked > 5_000) break;
    }
    expect(checked).toBeGreaterThan(1_000);
  });
});
