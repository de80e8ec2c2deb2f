/**
 * Bytes per logit the language-model loss keeps, by kernel (per GPU, logits = tokens × vocab / tp):
 *
 * | kernel | saved for backward | transient in the loss backward | source |
 * |---|---|---|---|
 * | `eager` (default) | 4: FP32 log-probabilities | 8: FP32 gradients of log-probs and logits | eager PyTorch `cross_entropy` on FP32-upcast logits (HF transformers `logits.float()`) |
 * | `chunked` | 4 | 8 / 8 chunks | torchtune `CEWithChunkedOutputLoss` (`num_output_chunks = 8`): each chunk is upcast and differentiated on its own |
 * | `fused-linear` | 0 | 0 | Liger `LigerFusedLinearCrossEntropy`: logits are built chunk by chunk inside the head GEMM and the input gradient is computed in the forward; no logits tensor exists |
 * | `vocab-parallel` | 4 | 8 + 4: one more FP32 tensor | PyTorch DTensor `loss_parallel()` (torch/distributed/tensor/parallel/loss.py), torchtitan's loss under TP: the log-softmax and NLL run as Python ops on the vocabulary shards, and `_nll_loss_backward` computes the log-softmax backward itself from the stashed log-probs — `grad_input = zeros_like(x)`, `exp(x)` and their combination are three FP32 tensors beside the saved log-probs (16 B/logit at the peak, against the fused kernel's 4 + 8) |
 *
 * The `eager` transient is the named buffer assumption `lossTemporaryBytesPerLogit` (`buffers.ts`).
 *
 * Besides logits, `fused-linear` computes the head's gradients in the forward and saves them for the
 * backward (Liger `fused_linear_cross_entropy_forward`: `grad_weight = zeros_like(weight)`,
 * `grad_input = zeros_like(_input)`, `ctx.save_for_backward(grad_input, grad_weight, …)`): the head
 * weight's gradient in the weight's dtype and the hidden states' gradient, alive from the loss to the
 * head's backward (`lossSavedGradientBytes`). The other kernels create them in the backward, after
 * the loss temporaries are freed.
 */
import { ACTIVATION_BYTES, FP32_BYTES } from './precision.js';

export type LossKernel = 'eager' | 'chunked' | 'fused-linear' | 'vocab-parallel';

/** torchtune `CEWithChunkedOutputLoss.num_output_chunks`. */
export const CHUNKED_LOSS_CHUNKS = 8;

/** Bytes per logit saved between the forward and the backward. */
export function lossSavedBytesPerLogit(kernel: LossKernel): number {
  return kernel === 'fused-linear' ? 0 : FP32_BYTES;
}

/** Bytes per logit transient in the loss backward, given the eager kernel's. */
export function lossTransientBytesPerLogit(kernel: LossKernel, eagerBytesPerLogit: number): number {
  if (kernel === 'fused-linear') return 0;
  if (kernel === 'vocab-parallel') return eagerBytesPerLogit + FP32_BYTES;
  return kernel === 'chunked' ? eagerBytesPerLogit / CHUNKED_LOSS_CHUNKS : eagerBytesPerLogit;
}

/**
 * Gradients a loss kernel computes in the forward and holds until the backward [bytes]: the head
 * weight's (`headParams` × `weightBytes`) and its input's (`tokens × hidden` 16-bit), `fused-linear` only.
 */
export function lossSavedGradientBytes(kernel: LossKernel, headParams: number, weightBytes: number, tokens: number, hidden: number): number {
  if (kernel !== 'fused-linear') return 0;
  return headParams * weightBytes + tokens * hidden * ACTIVATION_BYTES;
}
