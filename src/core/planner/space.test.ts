import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse.js';
import {
  cpValues, createGpuSpace, createSearchSpace, microBatchValues, ppValues, scheduleValues, searchedFields, sequenceParallelValues, shardingValues, tpValues,
} from './space.js';
import { withLayout } from './test-fixtures.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

describe('search space: what `auto` means per field', () => {
  const gpt3 = withLayout(example('gpt3-175b-a100'));
  const g = createGpuSpace(createSearchSpace(gpt3, undefined), 1024);

  it('tp auto = divisors of the heads (96) within the 8-GPU scale-up domain', () => {
    expect(tpValues(g.space, g.ctx)).toEqual([1, 2, 4, 8]);
  });

  it('cp auto keeps at least 2048 tokens per rank: only cp 1 for 2048-token sequences', () => {
    expect(cpValues(g.space, g.ctx, 8)).toEqual([1]);
    const long = createGpuSpace(createSearchSpace({ ...gpt3, training: { ...gpt3.training, seqLen: 32768 } }, undefined), 1024);
    expect(cpValues(long.space, long.ctx, 8)).toEqual([1, 2, 4, 8, 16]);
  });

  it('pp auto = divisors of GPUs/(tp·cp) up to half the layers (48 for GPT-3)', () => {
    expect(ppValues(g.space, g.ctx, 8, 1)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('microBatch auto = divisors of globalBatch/dp up to 16', () => {
    expect(microBatchValues(g.space, g.ctx, 8)).toEqual([1, 2, 3, 4, 6, 8, 12, 16]);
  });

  it('one pipeline stage runs one schedule (1f1b); interleaving takes vp with pp·vp dividing the layers', () => {
    expect(scheduleValues(g, 1)).toEqual([{ schedule: '1f1b', vp: 1 }]);
    const interleaved = scheduleValues(g, 16).filter((s) => s.schedule === 'interleaved').map((s) => s.vp);
    expect(interleaved).toEqual([2, 3, 6]);
    expect(scheduleValues(g, 16).filter((s) => s.schedule !== 'interleaved').every((s) => s.vp === 1)).toBe(true);
  });

  it('zero 3 searches FSDP shard sizes (divisors of dp above 1); other stages shard over dp', () => {
    expect(shardingValues(g.space, 8)).toEqual([
      { zero: 0, fsdpShardSize: 8 }, { zero: 1, fsdpShardSize: 8 }, { zero: 2, fsdpShardSize: 8 },
      { zero: 3, fsdpShardSize: 2 }, { zero: 3, fsdpShardSize: 4 }, { zero: 3, fsdpShardSize: 8 },
    ]);
  });

  it('with a pipeline, ZeRO-2 and ZeRO-3 over all of dp tie ZeRO-1 and are not offered; HSDP shards stay', () => {
    expect(shardingValues(g.space, 8, true)).toEqual([
      { zero: 0, fsdpShardSize: 8 }, { zero: 1, fsdpShardSize: 8 }, { zero: 3, fsdpShardSize: 2 }, { zero: 3, fsdpShardSize: 4 },
    ]);
  });

  it('sequence parallelism follows tp (never worse in the model); a list is searched', () => {
    expect(sequenceParallelValues(g.space, 8)).toEqual([true]);
    expect(sequenceParallelValues(g.space, 1)).toEqual([false]);
    const listed = createSearchSpace(withLayout(gpt3, { sequenceParallel: [true, false] }), undefined);
    expect(sequenceParallelValues(listed, 8)).toEqual([true, false]);
  });

  it('fixed values and lists are taken as given (deduplicated)', () => {
    const given = createGpuSpace(createSearchSpace(withLayout(gpt3, { tp: [4, 8, 4, 3] }), undefined), 1024);
    expect(tpValues(given.space, given.ctx)).toEqual([4, 8, 3]);
  });

  it('searchedFields lists auto fields and lists of two or more, not dp auto (the remainder)', () => {
    expect(searchedFields(example('gpt3-175b-a100').layout)).toEqual([]);
    expect(searchedFields(withLayout(example('gpt3-175b-a100'), { tp: 'auto', recompute: ['none', 'full'], zero: [1] }).layout)).toEqual([
      { field: 'tp', kind: 'auto', values: null },
      { field: 'recompute', kind: 'list', values: ['none', 'full'] },
    ]);
    expect(searchedFields(gpt3.layout).map((f) => f.field)).toHaveLength(12);
  });

  it('searched GPU counts come sorted and deduplicated; the scenario count by default', () => {
    expect(createSearchSpace(gpt3, [2048, 512, 2048]).gpuCounts).toEqual([512, 2048]);
    expect(createSearchSpace(gpt3, undefined).gpuCounts).toEqual([1024]);
  });
});
