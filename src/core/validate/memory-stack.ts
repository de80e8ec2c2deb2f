/**
 * The memory options of a record's training code: what its stack and the options its provenance
 * names change in memory (`memory/types.ts` EstimateMemoryOptions), each read from the record:
 *
 * | option | when | source |
 * |---|---|---|
 * | torchtitan configuration | framework torchtitan | its Llama 3 configs: op-level SAC, flash SDPA, no dropout, torchao Float8Linear (no cached FP8 weights); FP32 logits kept per micro-batch by the pipeline runtime (`retainedOutputBytesPerLogit`) |
 * | `lossKernel: vocab-parallel` | framework torchtitan with tp > 1 | torchtitan enables DTensor `loss_parallel` with TP unless `disable_loss_parallel` |
 * | `gradientLifetime: backward` | one GPU, no Megatron or DeepSpeed (plain autograd `param.grad`) | `memory/gradient-lifetime.ts` |
 * | `optimizerImplementation: foreach` | one GPU through the HF Trainer (no DeepSpeed) | the HF Trainer's default `optim = "adamw_torch"`: `torch.optim.AdamW` with PyTorch's default foreach implementation (`memory/optimizer-step.ts`) |
 * | `gradientLifetime: fused-step` | `measured.other.optimizerInBackward` | torchtune `optimizer_in_bwd` |
 * | `optimizerOnParamDtype` | notes: pure bf16 / AdamW on bf16-loaded weights | torch AdamW states take the parameter dtype |
 * | `momentBytes: 4` | `measured.other.optimizerStateDtype` names bf16 moments | Megatron precision-aware optimizer |
 * | `lossKernel: fused-linear` | Liger kernel named (notes or `measured.other.ligerKernel`) | Liger fused linear cross-entropy |
 * | `lossKernel: chunked` | `measured.other.chunkedCrossEntropy` | torchtune chunked cross-entropy |
 * | `fp8ColumnwiseWeightCopy` | an FP8 recipe (fp8, fp8-block) through Transformer Engine named in `frameworkAsPublished` | TE keeps each FP8 GEMM weight's columnwise (transposed) data beside the rowwise one for the backward on Hopper (`memory/precision.ts` `withColumnwiseWeightCopy`); every such record with a peak runs on Hopper (H20) |
 * | `eagerElementwise` | stacks running HF / torchtune modules in eager PyTorch (DeepSpeed, torchtune, HF Trainer), unless the record names torch.compile or Liger's fused kernels | `memory/layer-tensors.ts` pushEagerPointwiseTensors |
 * | `zeroBuckets` | framework deepspeed: HF "auto" sizes when run through the HF Trainer (named, or ms-swift's `swift sft`), else DeepSpeed's defaults | `memory/zero-buckets.ts` |
 * | `heldOutputBytesPerLogit: 4` | framework deepspeed with an HF-style model outside the HF Trainer (a training loop of its own), assumed | DeepSpeed's example loops (DeepSpeed-Chat `main.py`: `outputs = model(**batch); loss = outputs.loss; model.backward(loss)`) hold the output through the backward; transformers' Llama before 4.46 returns FP32 logits |
 * | 16-bit gradients | framework deepspeed with ZeRO ≥ 1: not an option here, the DeepSpeed profile's `gradAccumDtype` (`framework/deepspeed.ts`) | DeepSpeed `DeepSpeedEngine.get_data_types`: gradients accumulate in the model's 16-bit dtype under ZeRO unless `data_types.grad_accum_dtype` is set (neither ms-swift's nor HF's example configs set it); FP32 copy per optimizer group at the step (`memory/optimizer-step.ts`) |
 */
import type { EstimateMemoryOptions } from '../memory/types.js';
import { DEEPSPEED_DEFAULT_BUCKETS, hfAutoZeroBuckets } from '../memory/zero-buckets.js';
import type { RunRecord } from '../runs/record-schema.js';

export interface RecordMemoryOptions {
  readonly options: EstimateMemoryOptions;
  /** One line per option taken from the stack or the record. */
  readonly named: readonly string[];
}

/**
 * torchtitan's Llama 3 configurations: op-level SAC, flash SDPA, no dropout, torchao Float8Linear
 * (no cached FP8 weights); its model returns FP32 logits, which `torch.distributed.pipelining`
 * keeps for every micro-batch on the last stage.
 */
export const TORCHTITAN_MEMORY_OPTIONS: EstimateMemoryOptions = {
  selectivePolicy: 'torch-op-sac', fp8WeightCache: false, flashAttention: true, dropout: false, searchMicroBatch: false,
  retainedOutputBytesPerLogit: 4,
};

/** Megatron-Core's `--recompute-modules` default (megatron/training/arguments.py: `["core_attn"]`). */
const MEGATRON_CORE_SELECTIVE_MODULES = ['core-attn'] as const;

function otherField(record: RunRecord, key: string): unknown {
  return record.measured.other?.[key];
}

/**
 * Trained through the HF transformers Trainer: named as such, or ms-swift's `swift sft`, whose
 * trainers subclass transformers' `Seq2SeqTrainer` and whose bundled DeepSpeed configs leave the
 * bucket sizes "auto" for transformers' DeepSpeed integration to fill.
 */
export function hfTrainer(record: RunRecord): boolean {
  return /HF transformers Trainer|\bswift sft\b/i.test(record.frameworkAsPublished ?? '');
}

/** transformers' Llama before 4.46 returns its logits upcast to FP32 (`logits = logits.float()`). */
const HELD_HF_LOGIT_BYTES = 4;

/** An HF-style model trained by a loop of the run's own (not the HF Trainer), which holds the model's output through the backward. */
function ownLoopWithHfModel(record: RunRecord): boolean {
  return /HF-style model/i.test(record.frameworkAsPublished ?? '') && !hfTrainer(record);
}

/** An FP8 recipe (per-tensor or blockwise) run through Transformer Engine, named by the record's stack. */
function transformerEngineFp8(record: RunRecord): boolean {
  return (record.precision === 'fp8' || record.precision === 'fp8-block') && /Transformer Engine/i.test(record.frameworkAsPublished ?? '');
}

/** Liger kernels named: fused RMSNorm, SwiGLU and linear cross-entropy (`ligerKernel` false overrides the notes). */
function liger(record: RunRecord): boolean {
  const flag = otherField(record, 'ligerKernel');
  return flag === true || (flag !== false && /liger kernel/i.test(record.notes));
}

function stackOptions(record: RunRecord, named: string[]): EstimateMemoryOptions {
  if (record.framework === 'torchtitan') {
    named.push('torchtitan Llama 3 configs: op SAC, flash, Float8Linear; pipelining keeps the FP32 logits of every micro-batch');
    if ((record.layout.tp ?? 1) === 1) return TORCHTITAN_MEMORY_OPTIONS;
    named.push('torchtitan loss_parallel under TP: DTensor log-softmax and NLL on vocabulary shards');
    return { ...TORCHTITAN_MEMORY_OPTIONS, lossKernel: 'vocab-parallel' };
  }
  if (record.framework === 'deepspeed') {
    const hf = hfTrainer(record) && record.model.hidden !== null;
    named.push(hf ? 'DeepSpeed buckets: HF Trainer "auto" sizes' : 'DeepSpeed buckets: defaults');
    const zeroBuckets = hf ? hfAutoZeroBuckets(record.model.hidden ?? 0) : DEEPSPEED_DEFAULT_BUCKETS;
    const loop = ownLoopWithHfModel(record) ? { heldOutputBytesPerLogit: HELD_HF_LOGIT_BYTES } : {};
    if (ownLoopWithHfModel(record)) named.push('own DeepSpeed loop holding the HF model output (FP32 logits) through the backward (assumed)');
    if ((record.layout.zero ?? 0) >= 1) named.push('DeepSpeed ZeRO: gradients in the 16-bit model dtype (its profile\'s gradAccumDtype), FP32 copy per optimizer group at the step');
    return { zeroBuckets, ...loop };
  }
  if (record.framework === 'megatron-core') {
    named.push('Megatron-Core selective recomputation: --recompute-modules core_attn (its default, whatever the precision)');
    return { recomputeModules: MEGATRON_CORE_SELECTIVE_MODULES };
  }
  if ((record.cluster.numGpus ?? 1) > 1) return {};
  named.push('one GPU, plain autograd: gradients live from the backward to zero_grad');
  if (!hfTrainer(record)) return { gradientLifetime: 'backward' };
  named.push('HF Trainer default optimizer (adamw_torch): PyTorch foreach AdamW, one moment-sized temporary in the step');
  return { gradientLifetime: 'backward', optimizerImplementation: 'foreach' };
}

/** The memory options of the record's training code (see the table above). */
export function recordMemoryOptions(record: RunRecord): RecordMemoryOptions {
  const named: string[] = [];
  const notes = record.notes;
  let options: EstimateMemoryOptions = { ...stackOptions(record, named), searchMicroBatch: false };
  const compiled = otherField(record, 'compile') === true || /torch\.compile/i.test(notes);
  if ((/DeepSpeed|torchtune/i.test(record.frameworkAsPublished ?? '') || hfTrainer(record)) && !compiled && !liger(record)) {
    options = { ...options, eagerElementwise: true };
    named.push('eager PyTorch element-wise ops (no torch.compile): their intermediates are saved');
  }
  if (otherField(record, 'optimizerInBackward') === true) {
    options = { ...options, gradientLifetime: 'fused-step' };
    named.push('optimizer step fused into the backward');
  }
  if (/pure bf16|AdamW on bf16-loaded weights/i.test(notes)) {
    options = { ...options, optimizerOnParamDtype: true };
    named.push('AdamW on 16-bit parameters: 16-bit gradients and moments, no master copy');
  }
  if (transformerEngineFp8(record)) {
    options = { ...options, fp8ColumnwiseWeightCopy: true };
    named.push('Transformer Engine FP8 weights: rowwise and columnwise (transposed) FP8 copies');
  }
  const stateDtype = otherField(record, 'optimizerStateDtype');
  if (typeof stateDtype === 'string' && /bf16/i.test(stateDtype)) {
    options = { ...options, momentBytes: 4 };
    named.push('bf16 Adam moments (precision-aware optimizer)');
  }
  if (liger(record)) {
    options = { ...options, lossKernel: 'fused-linear' };
    named.push('Liger fused linear cross-entropy: no logits tensor');
  } else if (otherField(record, 'chunkedCrossEntropy') === true) {
    options = { ...options, lossKernel: 'chunked' };
    named.push('chunked cross-entropy');
  }
  return { options, named };
}
