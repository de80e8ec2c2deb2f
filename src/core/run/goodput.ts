/**
 * Goodput under failures: failure rate, checkpoint cost, the optimal checkpoint interval and the
 * effective run time.
 *
 * 1. Failure rate per GPU-hour, calibrated on Llama 3 (§3.3.4: 419 unexpected interruptions in
 *    54 days on 16,384 GPUs): λ = 419 / (54 · 24 · 16,384) = 1.97e-5 per GPU-hour. Failures of
 *    independent GPUs/hosts add, so a job on N GPUs fails at λ·N: MTBF M = 1 / (λ·N)
 *    (16,384 GPUs → 54 · 24 / 419 = 3.09 h).
 * 2. Checkpoint: bytes = params · bytes per param (14: BF16 weights + FP32 master + Adam m, v);
 *    write time δ = bytes / B, B = min(nodes · per-node storage bandwidth, storage system
 *    bandwidth). Restart R = restart overhead + checkpoint load (bytes / B, reads assumed as fast).
 * 3. Wall-time budget, first order in δ/τ, τ/M, R/M (Young 1974, "A first order approximation to
 *    the optimum checkpoint interval", CACM 17(9); Daly 2006, "A higher order estimate of the
 *    optimum checkpoint interval for restart dumps", FGCS 22(3), §3): writing a checkpoint after
 *    every τ of work costs δ/τ of the time; failures arrive every M on average and each loses the
 *    work since the last checkpoint, τ/2 on average, plus R. The useful fraction of wall time is
 *        g(τ) = 1 − δ/τ − (τ/2 + R)/M,   effective time = ideal / g(τ).
 *    dg/dτ = δ/τ² − 1/(2M) = 0 → τ* = √(2δM) (Young/Daly). Daly's higher-order optimum and his
 *    exponential-failure wall time are below for checks.
 */
import { InputError } from '../errors.js';
import { requireNonNegative, requirePositive, requirePositiveInteger } from '../datacenter/validate.js';
import type { InterruptionStats } from './defaults.js';
import { LLAMA3_INTERRUPTIONS, RELIABILITY } from './defaults.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from './run-time.js';

/** Failures per GPU-hour from interruption statistics (default: Llama 3) [1/GPU-h]. */
export function estimateFailureRate(stats: InterruptionStats = LLAMA3_INTERRUPTIONS.value): number {
  const interruptions = requireNonNegative('interruptions', stats.interruptions);
  const gpuHours = requirePositive('days', stats.days) * 24 * requirePositiveInteger('gpus', stats.gpus);
  return interruptions / gpuHours;
}

/** Job MTBF on `gpus` GPUs: 1 / (λ·N) [s]. Infinite when λ = 0. */
export function estimateMtbfSeconds(gpus: number, failuresPerGpuHour: number = estimateFailureRate()): number {
  const n = requirePositiveInteger('gpus', gpus);
  const rate = requireNonNegative('goodput.failuresPerGpuHour', failuresPerGpuHour, 1);
  return rate === 0 ? Number.POSITIVE_INFINITY : SECONDS_PER_HOUR / (rate * n);
}

/** Young/Daly first-order optimum τ = √(2δM) [s] (Young 1974; Daly 2006 eq. for the first-order model). */
export function youngDalyIntervalSeconds(writeSeconds: number, mtbfSeconds: number): number {
  return Math.sqrt(2 * writeSeconds * mtbfSeconds);
}

/**
 * Daly 2006 higher-order optimum for exponential failures:
 * τ = √(2δM)·[1 + ⅓·√(δ/(2M)) + ⅑·(δ/(2M))] − δ for δ < 2M, else τ = M [s].
 */
export function dalyIntervalSeconds(writeSeconds: number, mtbfSeconds: number): number {
  if (writeSeconds >= 2 * mtbfSeconds) return mtbfSeconds;
  const x = writeSeconds / (2 * mtbfSeconds);
  return Math.sqrt(2 * writeSeconds * mtbfSeconds) * (1 + Math.sqrt(x) / 3 + x / 9) - writeSeconds;
}

export interface OverheadInput {
  readonly intervalSeconds: number;
  readonly writeSeconds: number;
  readonly restartSeconds: number;
  readonly mtbfSeconds: number;
}

/** First-order lost fraction of wall time: δ/τ + (τ/2 + R)/M (module comment, step 3). */
export function checkpointOverheadFraction(input: OverheadInput): number {
  const { intervalSeconds: tau, writeSeconds, restartSeconds, mtbfSeconds } = input;
  return writeSeconds / tau + (tau / 2 + restartSeconds) / mtbfSeconds;
}

/**
 * Daly 2006 expected wall time for `workSeconds` of work under exponential failures (mean M),
 * checkpoints of δ every τ of work and restarts of R: T = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·W/τ [s].
 */
export function dalyExpectedWallSeconds(workSeconds: number, input: OverheadInput): number {
  const { intervalSeconds: tau, writeSeconds, restartSeconds, mtbfSeconds: m } = input;
  return m * Math.exp(restartSeconds / m) * Math.expm1((tau + writeSeconds) / m) * (workSeconds / tau);
}

export interface GoodputOptions {
  /** Failures per GPU-hour (default: Llama 3 calibration, 1.97e-5). */
  readonly failuresPerGpuHour?: number;
  /** Checkpoint size [bytes] (e.g. the memory model's weights + optimizer totals); overrides bytesPerParam. */
  readonly checkpointBytes?: number;
  /** Bytes saved per parameter (default 14). */
  readonly bytesPerParam?: number;
  /** Aggregate checkpoint write bandwidth [bytes/s] (default min(nodes · 50 GB/s, 2 TB/s)). */
  readonly storageBandwidthBytesPerSec?: number;
  /** Restart overhead per failure, checkpoint load excluded [s] (default 600). */
  readonly restartOverheadSeconds?: number;
  /** Fixed checkpoint interval [s of work] (default: the Young/Daly optimum). */
  readonly checkpointIntervalSeconds?: number;
}

export interface GoodputInput extends GoodputOptions {
  /** Failure-free run time [s]. */
  readonly idealSeconds: number;
  readonly gpus: number;
  readonly gpusPerNode: number;
  /** Parameters in a checkpoint. */
  readonly params: number;
}

export interface Goodput {
  readonly failuresPerGpuHour: number;
  readonly mtbfSeconds: number;
  readonly mtbfHours: number;
  readonly checkpointBytes: number;
  readonly storageBandwidthBytesPerSec: number;
  readonly checkpointWriteSeconds: number;
  /** Restart overhead + checkpoint load [s]. */
  readonly restartSeconds: number;
  readonly checkpointIntervalSeconds: number;
  /** Share of the effective run time lost to checkpoints, rework and restarts. */
  readonly lostFraction: number;
  readonly goodputFraction: number;
  readonly effectiveSeconds: number;
  readonly effectiveDays: number;
  readonly lostSeconds: number;
  readonly expectedFailures: number;
}

function storageBandwidth(input: GoodputInput): number {
  if (input.storageBandwidthBytesPerSec !== undefined) {
    return requirePositive('goodput.storageBandwidthBytesPerSec', input.storageBandwidthBytesPerSec);
  }
  const nodes = Math.ceil(input.gpus / requirePositiveInteger('cluster.gpusPerNode', input.gpusPerNode));
  return Math.min(nodes * RELIABILITY.storageBytesPerSecPerNode.value, RELIABILITY.storageSystemBytesPerSec.value);
}

function checkpointBytes(input: GoodputInput): number {
  if (input.checkpointBytes !== undefined) return requirePositive('goodput.checkpointBytes', input.checkpointBytes);
  const perParam = requirePositive('goodput.bytesPerParam', input.bytesPerParam ?? RELIABILITY.checkpointBytesPerParam.value, 1000);
  return requirePositive('params', input.params) * perParam;
}

/** Effective run time and lost fraction under failures with optimal (or given) checkpointing. */
export function estimateGoodput(input: GoodputInput): Goodput {
  const idealSeconds = requireNonNegative('idealSeconds', input.idealSeconds);
  const failuresPerGpuHour = requireNonNegative('goodput.failuresPerGpuHour', input.failuresPerGpuHour ?? estimateFailureRate(), 1);
  const mtbfSeconds = estimateMtbfSeconds(input.gpus, failuresPerGpuHour);
  const bytes = checkpointBytes(input);
  const bandwidth = storageBandwidth(input);
  const writeSeconds = bytes / bandwidth;
  const restartSeconds = requireNonNegative('goodput.restartOverheadSeconds', input.restartOverheadSeconds ?? RELIABILITY.restartOverheadSeconds.value) + writeSeconds;
  const interval =
    input.checkpointIntervalSeconds === undefined
      ? youngDalyIntervalSeconds(writeSeconds, mtbfSeconds)
      : requirePositive('goodput.checkpointIntervalSeconds', input.checkpointIntervalSeconds);
  // no failures (λ = 0): never checkpoint for resilience, nothing lost
  const lostFraction = Number.isFinite(mtbfSeconds) ? checkpointOverheadFraction({ intervalSeconds: interval, writeSeconds, restartSeconds, mtbfSeconds }) : 0;
  if (lostFraction >= 1) {
    const rule = `MTBF ${(mtbfSeconds / SECONDS_PER_HOUR).toPrecision(3)} h is too short for checkpoint write ${writeSeconds.toPrecision(3)} s and restart ${restartSeconds.toPrecision(3)} s: the run makes no progress (lost fraction ${lostFraction.toPrecision(3)} ≥ 1)`;
    throw new InputError('cluster.gpus', input.gpus, rule);
  }
  const effectiveSeconds = idealSeconds / (1 - lostFraction);
  return {
    failuresPerGpuHour,
    mtbfSeconds,
    mtbfHours: mtbfSeconds / SECONDS_PER_HOUR,
    checkpointBytes: bytes,
    storageBandwidthBytesPerSec: bandwidth,
    checkpointWriteSeconds: writeSeconds,
    restartSeconds,
    checkpointIntervalSeconds: Number.isFinite(interval) ? interval : idealSeconds,
    lostFraction,
    goodputFraction: 1 - lostFraction,
    effectiveSeconds,
    effectiveDays: effectiveSeconds / SECONDS_PER_DAY,
    lostSeconds: effectiveSeconds - idealSeconds,
    expectedFailures: Number.isFinite(mtbfSeconds) ? effectiveSeconds / mtbfSeconds : 0,
  };
}
