/** A measurement read from a user's own training: what a log or a table row says was measured. */

/** Which statistic a peak-memory figure is (they differ by the allocator's cache). */
export type MemoryStatistic = 'max-allocated' | 'max-reserved';

export type LogFormat = 'megatron' | 'nemo' | 'torchtitan';

/** Steady-state figures of one training log, every one optional (a log prints what it prints). */
export interface LogMeasurement {
  readonly format: LogFormat;
  /** Iteration lines read (after the warm-up line(s) were dropped, see `steadyLines`). */
  readonly iterationLines: number;
  /** Median seconds per optimizer step over the steady-state lines [s]. */
  readonly stepTimeS?: number;
  /** Median tokens per second per GPU over the steady-state lines [tokens/s/GPU]. */
  readonly tokensPerSecPerGpu?: number;
  /** Median TFLOP/s per GPU by the framework's own FLOP count [TFLOP/s]. */
  readonly tflopsPerGpu?: number;
  /** Median MFU as the framework computes it [fraction]. */
  readonly mfu?: number;
  /** Largest peak memory any line reports [GiB]. */
  readonly peakMemGiB?: number;
  readonly memoryStatistic?: MemoryStatistic;
  /** Global batch the log prints [sequences], when it prints one. */
  readonly globalBatch?: number;
}
