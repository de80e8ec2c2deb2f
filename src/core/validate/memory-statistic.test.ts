import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunsFile, type RunRecord } from '../runs/index.js';
import { memoryStatisticOf } from './memory-statistic.js';
import { recordMemoryOptions } from './memory-stack.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));
const record = (id: string): RunRecord => {
  const r = RECORDS.find((x) => x.id === id);
  if (r === undefined) throw new Error(`${id} missing`);
  return r;
};

describe('memoryStatisticOf(record): which peak the source reports', () => {
  it('active bytes named by the source → allocated (stated)', () => {
    expect(memoryStatisticOf(record('TORCHTUNE-001'))).toMatchObject({ statistic: 'allocated', basis: 'stated' });
  });
  it('the stack logs max_memory_reserved but the figure\'s reading is not stated → reserved (documented)', () => {
    expect(memoryStatisticOf(record('MSSWIFT-001'))).toMatchObject({ statistic: 'reserved', basis: 'documented' });
  });
  it('torchtitan tables → reserved, from its memory monitor (documented)', () => {
    expect(memoryStatisticOf(record('TORCHTITAN-001'))).toMatchObject({ statistic: 'reserved', basis: 'documented' });
  });
  it('a statistic the source leaves unknown is marked assumed', () => {
    expect(memoryStatisticOf(record('DSGIST-001')).basis).toBe('assumed');
  });
});

describe('recordMemoryOptions(record): the training code the record names', () => {
  it('torchtune with the optimizer fused into the backward, chunked loss, pure bf16', () => {
    expect(recordMemoryOptions(record('TORCHTUNE-005')).options).toMatchObject({ gradientLifetime: 'fused-step', lossKernel: 'chunked', optimizerOnParamDtype: true });
  });
  it('one GPU without Megatron or DeepSpeed: gradients live from the backward (plain autograd)', () => {
    expect(recordMemoryOptions(record('TORCHTUNE-001')).options.gradientLifetime).toBe('backward');
  });
  it('Liger kernel: fused linear cross-entropy; without it (ligerKernel false) the eager loss', () => {
    expect(recordMemoryOptions(record('MSSWIFT-011')).options.lossKernel).toBe('fused-linear');
    expect(recordMemoryOptions(record('MSSWIFT-012')).options.lossKernel).toBeUndefined();
  });
  it('DeepSpeed through the HF Trainer: HF "auto" buckets (reduce = hidden²)', () => {
    expect(recordMemoryOptions(record('MSSWIFT-012')).options.zeroBuckets?.reduceBucketParams).toBe(3584 * 3584);
  });
  it('a DeepSpeed loop of its own around an HF-style model holds FP32 logits through the backward; the HF Trainer (ms-swift swift sft) does not', () => {
    expect(recordMemoryOptions(record('DSGIST-006')).options.heldOutputBytesPerLogit).toBe(4);
    expect(recordMemoryOptions(record('MSSWIFT-012')).options.heldOutputBytesPerLogit).toBeUndefined();
    expect(recordMemoryOptions(record('MSSWIFT-005')).options.zeroBuckets?.reduceBucketParams).toBe(2048 * 2048);
  });
  it('precision-aware optimizer with bf16 moments: 4 bytes of moments', () => {
    expect(recordMemoryOptions(record('MSSWIFT-008')).options.momentBytes).toBe(4);
  });
  it('Megatron-Core: selective recomputation re-runs the attention core, also under an FP8 recipe', () => {
    expect(recordMemoryOptions(record('MSSWIFT-007')).options.recomputeModules).toEqual(['core-attn']);
  });
  it('one GPU through the HF Trainer: foreach AdamW; torchtune (fused AdamW) not', () => {
    expect(recordMemoryOptions(record('MSSWIFT-014')).options.optimizerImplementation).toBe('foreach');
    expect(recordMemoryOptions(record('TORCHTUNE-001')).options.optimizerImplementation).toBeUndefined();
  });
  it('torchtitan: pipelined FP32 logits kept; the vocabulary-parallel loss only with TP', () => {
    expect(recordMemoryOptions(record('TORCHTITAN-011')).options).toMatchObject({ lossKernel: 'vocab-parallel', retainedOutputBytesPerLogit: 4 });
    expect(recordMemoryOptions(record('TORCHTITAN-001')).options.lossKernel).toBeUndefined();
  });
});
