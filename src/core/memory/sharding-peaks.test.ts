/**
 * `createShardingPeaks` prices one layout under several shardings on what they share; each peak is
 * the report's (`estimateMemory` of the layout with that sharding), bit for bit, with and without a
 * memory cache, for a pipelined MoE model and an unpipelined dense one, under Megatron-Core (the
 * recipe does not read the ZeRO stage) and DeepSpeed (ZeRO ≥ 1 accumulates gradients in the
 * parameters' dtype, so the recipe changes with the sharding).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEEPSPEED } from '../framework/deepspeed.js';
import { createLayout } from '../layout/create-layout.js';
import type { Layout, ZeroStage } from '../layout/types.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { createShardingPeaks, estimateMemory } from './estimate-memory.js';
import { createMemoryCache } from './memory-cache.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const deepseek = parseScenarioText(readFileSync(new URL('../../../examples/deepseek-v3-h800.yaml', import.meta.url), 'utf8'), 'yaml');
const dense = createCase(
  { model: createGptFixture(24, 2048, 16, 50_304), seqLen: 2048, globalBatch: 64 },
  { tp: 2, pp: 1, dp: 8, microBatch: 2, recompute: 'selective', schedule: '1f1b' },
);

function withDeepSpeed(scenario: Scenario): Scenario {
  return { ...scenario, training: { ...scenario.training, framework: DEEPSPEED } };
}

function shardingsOf(layout: Layout): { zero: ZeroStage; fsdpShardSize: number }[] {
  const zeros: ZeroStage[] = [0, 1, 2, 3];
  return [...zeros.map((zero) => ({ zero, fsdpShardSize: layout.dp })), { zero: 3, fsdpShardSize: Math.max(1, layout.dp / 2) }];
}

describe('createShardingPeaks', () => {
  const cases: [string, Scenario, Layout][] = [
    ['DeepSeek-V3 PP16 DualPipe', deepseek, createLayout(deepseek)],
    ['DeepSeek-V3 under DeepSpeed', withDeepSpeed(deepseek), createLayout(deepseek)],
    ['GPT fixture TP2 DP8', dense.scenario, dense.layout],
    ['GPT fixture under DeepSpeed', withDeepSpeed(dense.scenario), dense.layout],
  ];
  for (const [name, scenario, layout] of cases) {
    it(`${name}: each sharding's peak and activations are the report's, with and without a cache`, () => {
      for (const cache of [undefined, createMemoryCache(scenario.model)]) {
        const peaks = createShardingPeaks(scenario, layout, {}, cache);
        for (const sharding of shardingsOf(layout)) {
          const report = estimateMemory(scenario, { ...layout, ...sharding }, { searchMicroBatch: false });
          const activationsBytes: number[] = [];
          expect(peaks.peakBytes(sharding, activationsBytes), JSON.stringify(sharding)).toBe(report.peakBytesPerGpu);
          expect(activationsBytes).toEqual(report.stages.map((s) => s.activationsBytes));
        }
      }
    });
  }

  it('reads the sharding: ZeRO-3 over the whole data-parallel group needs less than ZeRO-0', () => {
    const peaks = createShardingPeaks(dense.scenario, dense.layout);
    expect(peaks.peakBytes({ zero: 3, fsdpShardSize: 8 })).toBeLessThan(peaks.peakBytes({ zero: 0, fsdpShardSize: 8 }));
  });
});
