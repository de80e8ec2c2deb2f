/**
 * The PyTorch caching allocator's two peaks (PyTorch docs, "CUDA semantics › Memory management";
 * `torch.cuda.memory_stats`):
 *
 *   allocated = bytes of live tensors (each rounded up to 512 B; `active` bytes are the same blocks)
 *   reserved  = allocated + cache
 *
 * The cache is what the allocator holds from the driver without a live tensor in it: blocks of
 * ≥ 1 MiB are carved from segments rounded to 2 MiB (20 MiB segments for requests of 1–10 MiB),
 * freed blocks stay cached for reuse, and a cached block can be split for a smaller request but
 * never merged with a non-adjacent one, so the activations freed in the backward leave holes the
 * gradients of other sizes cannot use. Modelled as one named fraction of the allocated bytes
 * (`fragmentationFraction`, `buffers.ts`). When a request does not fit, the allocator frees its
 * cache and retries before reporting out of memory (`release_cached_blocks`), so reserved never
 * exceeds what the device leaves the allocator.
 *
 * Neither peak includes the CUDA context or NCCL's buffers (the runtime reserve, `buffers.ts`).
 */
import type { StageMemory } from './types.js';

/** The statistic a measured peak is: live tensors, or the allocator's segments. */
export type AllocatorStatistic = 'allocated' | 'reserved';

/** Allocated bytes of one GPU at its peak: everything but the cache and the runtime reserve. */
export function allocatedPeakBytes(stage: Pick<StageMemory, 'totalBytes' | 'buffers'>): number {
  return stage.totalBytes - stage.buffers.fragmentationBytes - stage.buffers.runtimeReserveBytes;
}

/**
 * Reserved bytes of one GPU at its peak: allocated + cache, at most the device capacity less the
 * runtime reserve (the allocator drops its cache before failing). `capacityBytes` null: unknown.
 */
export function reservedPeakBytes(stage: Pick<StageMemory, 'totalBytes' | 'buffers'>, capacityBytes: number | null): number {
  const reserved = stage.totalBytes - stage.buffers.runtimeReserveBytes;
  if (capacityBytes === null) return reserved;
  return Math.max(allocatedPeakBytes(stage), Math.min(reserved, capacityBytes - stage.buffers.runtimeReserveBytes));
}

/** The peak of one GPU on `statistic`. */
export function peakOnStatistic(stage: Pick<StageMemory, 'totalBytes' | 'buffers'>, statistic: AllocatorStatistic, capacityBytes: number | null): number {
  return statistic === 'allocated' ? allocatedPeakBytes(stage) : reservedPeakBytes(stage, capacityBytes);
}
