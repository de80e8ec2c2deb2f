/**
 * DeepSpeed ZeRO's communication buckets (DeepSpeed config docs, "ZeRO optimizations"), which
 * replace the per-layer units of FSDP (`buffers.ts`) when a run names DeepSpeed:
 *
 * - ZeRO-3 gathers parameters per module (each Linear, the embedding, the head), prefetching up to
 *   `stage3_prefetch_bucket_size` parameters ahead: gathered = (largest module + prefetch bucket)
 *   × 16-bit bytes. `stage3_max_live_parameters` (1e9) caps it and does not bind below that.
 * - ZeRO-2/3 reduce gradients through a bucket of `reduce_bucket_size` 16-bit elements, double
 *   buffered with `overlap_comm` (the default of ZeRO-3 and of HF's bundled configs): 2 × bucket.
 *
 * | setting | DeepSpeed default | HF Trainer "auto" (transformers DeepSpeed integration) |
 * |---|---|---|
 * | `stage3_prefetch_bucket_size` | 5e7 | 0.9 · hidden² |
 * | `reduce_bucket_size` | 5e8 | hidden² |
 */

export interface ZeroBuckets {
  /** `stage3_prefetch_bucket_size` [parameters]. */
  readonly prefetchBucketParams: number;
  /** `reduce_bucket_size` [elements]. */
  readonly reduceBucketParams: number;
}

export const DEEPSPEED_DEFAULT_BUCKETS: ZeroBuckets = { prefetchBucketParams: 5e7, reduceBucketParams: 5e8 };

/** HF transformers' "auto" bucket sizes for a model of width `hidden`. */
export function hfAutoZeroBuckets(hidden: number): ZeroBuckets {
  return { prefetchBucketParams: 0.9 * hidden * hidden, reduceBucketParams: hidden * hidden };
}

/** Reduce buffers in flight with `overlap_comm`. */
const REDUCE_BUFFERS = 2;

/** ZeRO-3 gathered parameters [bytes]: the largest module and the prefetch bucket. */
export function zeroGatherBytes(b: ZeroBuckets, largestModuleParams: number, weightBytes: number): number {
  return (largestModuleParams + b.prefetchBucketParams) * weightBytes;
}

/** ZeRO-2/3 gradient reduce buffers [bytes]. */
export function zeroReduceBytes(b: ZeroBuckets, weightBytes: number): number {
  return REDUCE_BUFFERS * b.reduceBucketParams * weightBytes;
}
