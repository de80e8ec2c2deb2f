/**
 * How long a step's gradients occupy memory, which decides whether they sit beside the stored
 * activations at the peak:
 *
 * | lifetime | resident at the activation peak (start of the backward) | source |
 * |---|---|---|
 * | `step` (default) | all gradients: a persistent buffer allocated before the forward | Megatron-Core DDP `main_grad` buffer; DeepSpeed ZeRO gradient partitions; FSDP2 sharded gradients kept across accumulation |
 * | `backward` | none: each `param.grad` is allocated when the backward reaches it and freed by `zero_grad(set_to_none=True)` | plain PyTorch autograd (torchtune single-device recipes, HF Trainer without DeepSpeed); PyTorch `Optimizer.zero_grad` docs |
 * | `fused-step` | one unit's gradients only: the optimizer steps each parameter in its gradient hook and frees the gradient | torchtune `optimizer_in_bwd` (PyTorch `register_post_accumulate_grad_hook` tutorial) |
 *
 * Under `backward` the gradients fill memory as the backward frees the activations of the layers
 * it has passed, so the peak is the larger of the start (activations, no gradients) and the end of
 * the backward (all gradients): gradients count only by what they exceed the transient bytes by.
 * With gradient accumulation (more than one micro-batch per step) the earlier micro-batches'
 * gradients sit beside the later ones' activations, so all of them count.
 */

export type GradientLifetime = 'step' | 'backward' | 'fused-step';

/** Gradient bytes resident at the peak, given all gradients, one unit's, the transient bytes (activations + temporaries) the backward frees, and the micro-batches accumulated per step. */
export function residentGradientBytes(
  lifetime: GradientLifetime, allGradBytes: number, unitGradBytes: number, transientBytes: number, microBatchesPerStep = 1,
): number {
  if (lifetime === 'step' || (lifetime === 'backward' && microBatchesPerStep > 1)) return allGradBytes;
  if (lifetime === 'fused-step') return Math.min(allGradBytes, unitGradBytes);
  return Math.max(0, allGradBytes - transientBytes);
}
