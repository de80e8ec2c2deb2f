/** The training-code options of `estimateMemory` (EstimateMemoryOptions), each against its formula. */
import { describe, expect, it } from 'vitest';
import { resolveFramework } from '../framework/registry.js';
import { estimateMemory } from './estimate-memory.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const model = createGptFixture(8, 1024, 8, 32000);
const { scenario, layout } = createCase({ model, seqLen: 2048, globalBatch: 1 }, { dp: 1, microBatch: 1, recompute: 'none' });
const stage = (options: Parameters<typeof estimateMemory>[2]) => estimateMemory(scenario, layout, { searchMicroBatch: false, ...options }).stages[0];

describe('estimateMemory training-code options', () => {
  const base = stage({});
  if (base === undefined) throw new Error('no stage');
  const params = base.weightsBytes / 2;

  it('optimizerOnParamDtype: grads 2 B, master 0, moments 2·2 B per parameter', () => {
    const s = stage({ optimizerOnParamDtype: true });
    expect(s?.gradsBytes).toBeCloseTo(2 * params, 0);
    expect(s?.optimizerBytes).toBeCloseTo(4 * params, 0);
  });

  it('gradientOnParamDtype: grads 2 B, master and moments kept (4 + 8 B) per parameter', () => {
    const s = stage({ gradientOnParamDtype: true });
    expect(s?.gradsBytes).toBeCloseTo(2 * params, 0);
    expect(s?.optimizerBytes).toBeCloseTo(base.optimizerBytes, 0);
  });

  it('momentBytes: master 4 + the given moment bytes per parameter', () => {
    expect(stage({ momentBytes: 4 })?.optimizerBytes).toBeCloseTo(8 * params, 0);
  });

  it('gradientLifetime backward: resident gradients = max(0, all − (activations + temporaries))', () => {
    const s = stage({ gradientLifetime: 'backward' });
    const transient = base.activationsBytes + base.buffers.tempBytes;
    expect(s?.gradsBytes).toBeCloseTo(Math.max(0, base.gradsBytes - transient), 0);
  });

  it('gradientLifetime fused-step: resident gradients below the step lifetime’s', () => {
    expect(stage({ gradientLifetime: 'fused-step' })?.gradsBytes ?? Infinity).toBeLessThan(base.gradsBytes);
  });

  it('lossKernel fused-linear: activations drop by tokens × vocab × 4 B (no FP32 log-probs), gain the head gradients it saves (V·h·2 + tokens·h·2 B), and the loss transient vanishes', () => {
    const s = stage({ lossKernel: 'fused-linear' });
    expect(base.activationsBytes - (s?.activationsBytes ?? 0)).toBeCloseTo(2048 * 32000 * 4 - (32000 * 1024 * 2 + 2048 * 1024 * 2), 0);
    expect(s?.buffers.tempBytes ?? Infinity).toBeLessThan(base.buffers.tempBytes);
  });

  it('lossKernel vocab-parallel: the loss transient is 4 B per logit above the eager kernel’s, nothing else moves', () => {
    const s = stage({ lossKernel: 'vocab-parallel' });
    expect(s?.activationsBytes).toBe(base.activationsBytes);
    expect((s?.buffers.tempBytes ?? 0) - base.buffers.tempBytes).toBeCloseTo(2048 * 32000 * 4, 0);
  });
});

describe('estimateMemory retainedOutputBytesPerLogit (pipeline runtime keeps the outputs of every micro-batch)', () => {
  const piped = createCase({ model, seqLen: 2048, globalBatch: 8 }, { dp: 1, pp: 2, microBatch: 1, recompute: 'full', schedule: '1f1b' });
  const ranks = (options: Parameters<typeof estimateMemory>[2]) => estimateMemory(piped.scenario, piped.layout, { searchMicroBatch: false, ...options }).stages;
  const base = ranks({});
  const kept = ranks({ retainedOutputBytesPerLogit: 4 });

  it('the last rank holds m × tokens × vocab × 4 B more; the first rank nothing', () => {
    expect((kept[1]?.activationsBytes ?? 0) - (base[1]?.activationsBytes ?? 0)).toBeCloseTo(8 * 2048 * 32000 * 4, 0);
    expect(kept[0]?.activationsBytes).toBe(base[0]?.activationsBytes);
  });

  it('without pipelining nothing is kept (no pipeline runtime)', () => {
    expect(stage({ retainedOutputBytesPerLogit: 4 })?.activationsBytes).toBe(stage({})?.activationsBytes);
  });
});

describe('estimateMemory heldOutputBytesPerLogit (the training loop holds the model output through the backward)', () => {
  it('one GPU: activations grow by tokens × vocab × 4 B (one micro-batch of FP32 logits)', () => {
    expect((stage({ heldOutputBytesPerLogit: 4 })?.activationsBytes ?? 0) - (stage({})?.activationsBytes ?? 0)).toBeCloseTo(2048 * 32000 * 4, 0);
  });

  it('pipelined: the larger of the runtime’s m outputs and the loop’s one counts, not their sum', () => {
    const piped = createCase({ model, seqLen: 2048, globalBatch: 8 }, { dp: 1, pp: 2, microBatch: 1, recompute: 'full', schedule: '1f1b' });
    const last = (options: Parameters<typeof estimateMemory>[2]) => estimateMemory(piped.scenario, piped.layout, { searchMicroBatch: false, ...options }).stages[1]?.activationsBytes ?? 0;
    expect(last({ retainedOutputBytesPerLogit: 4, heldOutputBytesPerLogit: 4 })).toBe(last({ retainedOutputBytesPerLogit: 4 }));
  });
});

describe('estimateMemory gradients under the framework profile (gradAccumDtype)', () => {
  const sharded = createCase({ model, seqLen: 2048, globalBatch: 8 }, { dp: 8, microBatch: 1, zero: 2, recompute: 'full' });
  const withFramework = (id: 'deepspeed' | 'megatron-core', zero: 0 | 2) => {
    const c = zero === 2 ? sharded : createCase({ model, seqLen: 2048, globalBatch: 8 }, { dp: 8, microBatch: 1, zero: 0, recompute: 'full' });
    const scenario = { ...c.scenario, training: { ...c.scenario.training, framework: resolveFramework(id) } };
    return estimateMemory(scenario, c.layout, { searchMicroBatch: false }).stages[0];
  };

  it('DeepSpeed ZeRO-2: 16-bit gradient partition, half of Megatron-Core\'s FP32 main grads', () => {
    expect(withFramework('deepspeed', 2)?.gradsBytes ?? 0).toBeCloseTo((withFramework('megatron-core', 2)?.gradsBytes ?? 0) / 2, 0);
  });

  it('DeepSpeed without ZeRO keeps the recipe\'s FP32 gradients (BF16_Optimizer accumulates in FP32)', () => {
    expect(withFramework('deepspeed', 0)?.gradsBytes).toBe(withFramework('megatron-core', 0)?.gradsBytes);
  });
});

describe('estimateMemory fp8ColumnwiseWeightCopy (Transformer Engine keeps a transposed FP8 weight for the backward)', () => {
  const weights = (precision: 'bf16' | 'fp8-block', options: Parameters<typeof estimateMemory>[2]) => {
    const c = createCase({ model, seqLen: 2048, globalBatch: 1, precision }, { dp: 1, microBatch: 1, recompute: 'none' });
    return estimateMemory(c.scenario, c.layout, { searchMicroBatch: false, ...options }).stages[0]?.weightsBytes ?? 0;
  };
  // fp8-block: GEMM weights only in FP8 at 1 + 4/128² B; the rest BF16. BF16 − FP8-block = GEMM params × (2 − c).
  const c = 1 + 4 / (128 * 128);
  const gemmParams = (weights('bf16', {}) - weights('fp8-block', {})) / (2 - c);

  it('fp8-block: weights grow by one more FP8 copy of every GEMM weight (GEMM params × (1 + 4/128²) B)', () => {
    expect(weights('fp8-block', { fp8ColumnwiseWeightCopy: true }) - weights('fp8-block', {})).toBeCloseTo(gemmParams * c, 0);
  });

  it('a 16-bit recipe has no low-precision copy: nothing moves', () => {
    expect(weights('bf16', { fp8ColumnwiseWeightCopy: true })).toBe(weights('bf16', {}));
  });
});
