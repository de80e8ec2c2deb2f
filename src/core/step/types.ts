/** The step-time report: where one training step's seconds go, and what throughput that gives. */
import type { Layout, ScheduleId } from '../layout/types.js';
import type { ScheduleSimulation } from '../schedules/types.js';

export interface StepTime {
  /** Wall time of one optimizer step [s]. */
  readonly stepSeconds: number;
  /** Pipeline makespan: first forward to last backward of the slowest rank [s]. */
  readonly pipelineSeconds: number;
  /** Pure computation of the busiest pipeline rank over the step (recompute included) [s]. */
  readonly computeSeconds: number;
  /** Communication on the critical path, by parallelism [s]. */
  readonly exposed: {
    readonly tp: number;
    readonly ep: number;
    readonly cp: number;
    readonly dp: number;
    readonly pp: number;
  };
  /** Idle time of the busiest rank inside the pipeline makespan, p2p transfers excluded [s]. */
  readonly bubbleSeconds: number;
  readonly optimizerSeconds: number;
}

export interface StepThroughput {
  readonly tokensPerStep: number;
  readonly tokensPerSecond: number;
  readonly tokensPerSecondPerGpu: number;
  /** Model FLOPs per token (fwd + bwd, causal attention, output head; no recompute). */
  readonly modelFlopsPerToken: number;
  /** Model FLOPs per token plus recomputed FLOPs. */
  readonly hardwareFlopsPerToken: number;
  /** Achieved model FLOP/s per GPU. */
  readonly modelFlopsPerSecondPerGpu: number;
  /** Model FLOP/s over the dense peak at the run's GEMM precision. */
  readonly mfu: number;
  /** Model FLOP/s over the dense BF16 peak (DeepSeek and Llama 3 quote this one). */
  readonly mfuBf16: number;
  /** Hardware FLOP/s (recompute counted) over the dense peak at the run's precision. */
  readonly hfu: number;
}

export interface StageReport {
  readonly rank: number;
  readonly layers: number;
  readonly busySeconds: number;
  readonly bubbleFraction: number;
  readonly peakInFlight: number;
}

export interface StepReport {
  readonly layout: Layout;
  readonly time: StepTime;
  readonly throughput: StepThroughput;
  readonly schedule: {
    readonly id: ScheduleId;
    readonly microBatches: number;
    readonly bubbleFraction: number;
    readonly perStage: readonly StageReport[];
  };
  /** The pipeline simulation; `ops` is filled only when `options.recordOps` (Chrome traces). */
  readonly simulation: ScheduleSimulation;
}

export const MFU_CONVENTION =
  'MFU = achieved model FLOP/s per GPU / dense peak at the GEMM precision; model FLOPs = forward + backward (3x forward) of the main model, causal attention halved, output head included, embedding lookup and recomputation excluded (PaLM App. B, causal as DeepSeek-V3). HFU adds recomputed FLOPs.';
