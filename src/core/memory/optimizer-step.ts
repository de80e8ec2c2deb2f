/**
 * The optimizer step as a phase of its own. The step runs after the last backward of the step, when
 * the stored activations are freed and every gradient exists; what it adds depends on how the
 * optimizer's update is implemented:
 *
 * | implementation | temporaries of the step | source |
 * |---|---|---|
 * | `fused` (default) | none the size of the parameters: one kernel (or one chunk at a time) reads and writes the states in place | Apex / Transformer Engine `FusedAdam` (Megatron-Core), DeepSpeed `FusedAdam`, `torch.optim.AdamW(fused=True)` (torchtune configs) |
 * | `foreach` | one moment-sized tensor list: √v, divided by the bias correction, plus ε, before `addcdiv_` | PyTorch's default multi-tensor AdamW on CUDA (`_multi_tensor_adamw`: `exp_avg_sq_sqrt = torch._foreach_sqrt(exp_avg_sqs)`); PyTorch `torch.optim` docs: foreach "materializes intermediates as a tensorlist" and uses more peak memory; the HF Trainer's default `optim = "adamw_torch"` |
 *
 * A recipe that accumulates gradients in 16 bits beside FP32 master weights (DeepSpeed under ZeRO,
 * `EstimateMemoryOptions.gradientOnParamDtype`) converts the gradient partition to FP32 for the
 * update, one optimizer group at a time: ZeRO-1/2 the whole partition (`DeepSpeedZeroOptimizer.step`:
 * `flatten_dense_tensors_aligned(averaged_gradients).to(fp32)`), ZeRO-3 one sub-group of at most
 * `sub_group_size` parameters (`DeepSpeedZeroOptimizer_Stage3._prepare_fp32_grad_for_sub_group`).
 *
 * The GPU's peak is the larger of the backward's and the step's. The buffer model keeps one
 * "largest temporary" (`buffers.ts`), so the step enters as the bytes it needs beyond everything the
 * backward phase holds — negative (ignored) unless its temporaries exceed what the backward freed.
 */
import { FP32_BYTES } from '../hardware/element-bytes.js';

export type OptimizerImplementation = 'fused' | 'foreach';

/** What the step phase is compared against, per GPU [bytes]. */
export interface StepPhaseInputs {
  readonly implementation: OptimizerImplementation;
  /** Optimizer states on the GPU (master + moments) [bytes]. */
  readonly optimizerBytes: number;
  /** Adam m + v per parameter and master per parameter [bytes], to find one moment's share of `optimizerBytes`. */
  readonly momentBytesPerParam: number;
  readonly masterBytesPerParam: number;
  /** Gradients present at the step, and those resident at the backward's peak [bytes]. */
  readonly stepGradBytes: number;
  readonly residentGradBytes: number;
  /** FP32 copy of the 16-bit gradients the step makes for one optimizer group [bytes]; 0 when gradients are FP32 already. */
  readonly gradientCopyBytes: number;
  /** Stored activations and communication buffers of the backward phase, freed before the step [bytes]. */
  readonly activationsBytes: number;
  readonly commBytes: number;
}

/** Temporaries of the step itself [bytes]: one moment-sized list under `foreach`, none when fused. */
export function optimizerStepTemporaryBytes(x: Pick<StepPhaseInputs, 'implementation' | 'optimizerBytes' | 'momentBytesPerParam' | 'masterBytesPerParam'>): number {
  const perParam = x.momentBytesPerParam + x.masterBytesPerParam;
  if (x.implementation === 'fused' || perParam === 0) return 0;
  return (x.optimizerBytes * (x.momentBytesPerParam / 2)) / perParam;
}

/**
 * FP32 copy of 16-bit gradients made for the update [bytes]: none when the gradients already have
 * the master's bytes or there is no master (AdamW on 16-bit parameters); else 4 B per parameter of
 * one optimizer group: the parameters the GPU updates (its master partition), at most `subGroupParams`
 * (ZeRO-3 `sub_group_size`).
 */
export function fp32GradientCopyBytes(updatedParams: number, gradBytes: number, masterBytes: number, subGroupParams = Infinity): number {
  if (masterBytes === 0 || gradBytes >= FP32_BYTES) return 0;
  return Math.min(updatedParams, subGroupParams) * FP32_BYTES;
}

/**
 * Bytes the step needs beyond the backward phase's states, activations and communication buffers:
 * step temporaries + FP32 gradient copy + gradients the backward had not yet held − what the backward freed.
 */
export function optimizerStepExtraBytes(x: StepPhaseInputs): number {
  return optimizerStepTemporaryBytes(x) + x.gradientCopyBytes + x.stepGradBytes - x.residentGradBytes - x.activationsBytes - x.commBytes;
}
