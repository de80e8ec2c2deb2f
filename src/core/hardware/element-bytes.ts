/**
 * Bytes of one element in each number format the models move or store. Every byte count of the
 * core (activations on the wire, gathered weights, FP8 dispatch with its scales, optimizer states)
 * starts from these; nothing else defines them.
 */

/** One BF16/FP16 activation element (Megatron, DeepSeek-V3's combine) [bytes]. */
export const ACTIVATION_BYTES = 2;
/** One BF16 working weight, what ZeRO/FSDP gathers [bytes]. */
export const WEIGHT_BYTES = 2;
/** One FP32 element (master weights, main gradients, Adam moments, scales) [bytes]. */
export const FP32_BYTES = 4;
/** One FP8 element under per-tensor scaling (its one scale per tensor is negligible) [bytes]. */
export const FP8_BYTES = 1;
/**
 * One FP8 element with one FP32 scale per 1×128 tile: DeepSeek-V3's fine-grained activation
 * quantisation (TR §3.3.2), also its FP8 dispatch (TR §3.3.3: 7168 + 224 bytes per token copy) [bytes].
 */
export const FP8_TILE_BYTES = 1 + FP32_BYTES / 128;
