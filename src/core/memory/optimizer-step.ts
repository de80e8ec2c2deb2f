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
 * The GPU's peak is the larger of the backward's and the step's. The buffer model keeps one
 * "largest temporary" (`buffers.ts`), so the step enters as the bytes it needs beyond everything the
 * backward phase holds — negative (ignored) unless its temporaries exceed what the backward freed.
 */

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
 * Bytes the step needs beyond the backward phase's states, activations and communication buffers:
 * step temporaries + gradients the backward had not yet held − what the backward freed.
 */
export function optimizerStepExtraBytes(x: StepPhaseInputs): number {
  return optimizerStepTemporaryBytes(x) + x.stepGradBytes - x.residentGradBytes - x.activationsBytes - x.commBytes;
}
