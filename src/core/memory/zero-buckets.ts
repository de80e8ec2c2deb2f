/**
 * DeepSpeed ZeRO's communication buckets (DeepSpeed config docs, "ZeRO optimizations"), which
 * replace the per-layer units of FSDP (`buffers.ts`) when a run names DeepSpeed:
 *
 * - ZeRO-3 gathers parameters per module (each Linear, the embedding, the head), prefetching up to
 *   `stage3_prefetch_bucket_size` parameters ahead: gathered = (largest module + prefetch bucket)
 *   × 16-bit bytes. `stage3_max_live_parameters` (1e9) caps it and does not bind below that.
 * - ZeRO-2/3 reduce gradients through a bucket of `reduce_bucket_size` 16-bit elements (ZeRO-1/2:
 *   the contiguous `ipg_buffer`), double buffered with `overlap_comm`: 2 × bucket, else 1.
 *
 * | setting | DeepSpeed default | HF Trainer "auto" (transformers DeepSpeed integration) |
 * |---|---|---|
 * | `stage3_prefetch_bucket_size` | 5e7 | 0.9 · hidden² |
 * | `reduce_bucket_size` | 5e8 | hidden² |
 * | `sub_group_size` (ZeRO-3 optimizer steps one sub-group of the partition at a time) | 1e9 | 1e9 (HF's example ZeRO-3 config) |
 * | `overlap_comm` | true for ZeRO-3 only (`DeepSpeedZeroConfig.overlap_comm` None → stage == 3) | true (HF's example ZeRO-2 and ZeRO-3 configs) |
 */

export interface ZeroBuckets {
  /** `stage3_prefetch_bucket_size` [parameters]. */
  readonly prefetchBucketParams: number;
  /** `reduce_bucket_size` [elements]. */
  readonly reduceBucketParams: number;
  /** `overlap_comm`; null: DeepSpeed's default (on for ZeRO-3 only). */
  readonly overlapComm: boolean | null;
  /** ZeRO-3 `sub_group_size` [parameters of the partition]: the optimizer steps one sub-group at a time. */
  readonly subGroupParams: number;
}

/** DeepSpeed's `sub_group_size` default (DeepSpeedZeroConfig), also HF's example ZeRO-3 config. */
const SUB_GROUP_PARAMS = 1e9;

export const DEEPSPEED_DEFAULT_BUCKETS: ZeroBuckets = { prefetchBucketParams: 5e7, reduceBucketParams: 5e8, overlapComm: null, subGroupParams: SUB_GROUP_PARAMS };

/** HF transformers' "auto" bucket sizes for a model of width `hidden`, with its example configs' `overlap_comm`. */
export function hfAutoZeroBuckets(hidden: number): ZeroBuckets {
  return { prefetchBucketParams: 0.9 * hidden * hidden, reduceBucketParams: hidden * hidden, overlapComm: true, subGroupParams: SUB_GROUP_PARAMS };
}

/** Reduce buffers in flight: two with `overlap_comm` (one reduces while the next fills), else one. */
function reduceBuffers(b: ZeroBuckets, stage3: boolean): number {
  return (b.overlapComm ?? stage3) ? 2 : 1;
}

/** ZeRO-3 gathered parameters [bytes]: the largest module and the prefetch bucket. */
export function zeroGatherBytes(b: ZeroBuckets, largestModuleParams: number, weightBytes: number): number {
  return (largestModuleParams + b.prefetchBucketParams) * weightBytes;
}

/** ZeRO-2/3 gradient reduce buffers [bytes]; `stage3`: the parameters are sharded too (ZeRO-3). */
export function zeroReduceBytes(b: ZeroBuckets, weightBytes: number, stage3: boolean): number {
  return reduceBuffers(b, stage3) * b.reduceBucketParams * weightBytes;
}
