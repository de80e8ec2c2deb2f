import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout, type FixedLayout } from '../layout/create-layout.js';
import { MODELS } from '../model/catalog.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateMemory, peakMemoryBytes } from './estimate-memory.js';
import { createMemoryCache } from './memory-cache.js';

const deepseek = parseScenarioText(readFileSync(new URL('../../../examples/deepseek-v3-h800.yaml', import.meta.url), 'utf8'), 'yaml');

describe('createMemoryCache', () => {
  it('peakMemoryBytes and estimateMemory with one cache shared by many layouts equal them without it', () => {
    const cache = createMemoryCache(deepseek.model);
    const variants: FixedLayout[] = [
      {}, { recompute: 'full' }, { recompute: 'selective' }, { microBatch: 2 }, { zero: 0 },
      { pp: 8, dp: 256, schedule: '1f1b' }, { pp: 16, dp: 128, schedule: 'zb-h1' }, { pp: 8, dp: 256, schedule: 'dualpipev' },
      { ep: 32 }, { tp: 2, dp: 64 },
    ];
    for (const variant of [...variants, ...variants]) {
      const layout = createLayout(deepseek, variant);
      expect(peakMemoryBytes(deepseek, layout, {}, cache)).toBe(peakMemoryBytes(deepseek, layout));
      expect(estimateMemory(deepseek, layout, { searchMicroBatch: false }, cache)).toEqual(estimateMemory(deepseek, layout, { searchMicroBatch: false }));
    }
    expect(cache.partitions.size).toBe(4);
    // Parameter counts per (tp, ep, etp): the example's, ep 32, tp 2.
    expect(cache.counts.size).toBe(3);
  });

  it('a layout of another model is priced without the cache', () => {
    const cache = createMemoryCache(MODELS['llama3-70b']);
    const layout = createLayout(deepseek);
    expect(peakMemoryBytes(deepseek, layout, {}, cache)).toBe(peakMemoryBytes(deepseek, layout));
    expect(cache.partitions.size).toBe(0);
    expect(cache.activations.size).toBe(0);
    expect(cache.counts.size).toBe(0);
  });
});
