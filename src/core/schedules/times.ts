/**
 * Durations of ops from per-stage times, and a helper for equal times.
 */
import type { PairInputs, Placement, ScheduleTimes, StageOpTimes, UniformOpTimes } from './types.js';

/**
 * Default F&B of an overlapped pair (seconds): the two chunks' compute runs one after the other
 * on the SMs left to compute, and each chunk's communication hides under the other's compute
 * (DeepSeek-V3 TR §3.2.1 Fig. 4; notes §3.6: "F&B ~ F + B_full"). The pair is never shorter than
 * its communication.
 */
export function defaultPairSeconds(pair: PairInputs): number {
  return Math.max(pair.forwardSeconds + pair.backwardSeconds, pair.forwardCommSeconds + pair.backwardCommSeconds);
}

/** Standalone forward: compute plus its exposed communication (seconds). */
export function forwardOpSeconds(t: StageOpTimes): number {
  return t.forwardSeconds + (t.forwardCommSeconds ?? 0);
}

/** Full backward B = I + W plus its exposed communication (seconds). */
export function fullBackwardOpSeconds(t: StageOpTimes): number {
  return t.backwardInputSeconds + t.backwardWeightSeconds + (t.backwardCommSeconds ?? 0);
}

/** Backward for inputs plus its exposed communication (seconds); W has none. */
export function inputBackwardOpSeconds(t: StageOpTimes): number {
  return t.backwardInputSeconds + (t.backwardCommSeconds ?? 0);
}

/** F&B of forward stage `f` paired with the full backward of stage `b` (seconds). */
export function pairOpSeconds(times: ScheduleTimes, f: StageOpTimes, b: StageOpTimes): number {
  const pair: PairInputs = {
    forwardSeconds: f.forwardSeconds,
    backwardSeconds: b.backwardInputSeconds + b.backwardWeightSeconds,
    forwardCommSeconds: f.forwardCommSeconds ?? 0,
    backwardCommSeconds: b.backwardCommSeconds ?? 0,
  };
  return (times.overlappedPairSeconds ?? defaultPairSeconds)(pair);
}

/**
 * Times with every model stage equal (the closed-form setting). A given `overlappedPairSeconds`
 * becomes a constant pair time.
 */
export function createUniformTimes(placement: Placement, t: UniformOpTimes, p2pSeconds = 0): ScheduleTimes {
  const stage: StageOpTimes = {
    forwardSeconds: t.forwardSeconds,
    backwardInputSeconds: t.backwardInputSeconds,
    backwardWeightSeconds: t.backwardWeightSeconds,
  };
  const pairSeconds = t.overlappedPairSeconds;
  return {
    stages: new Array<StageOpTimes>(placement.modelStages).fill(stage),
    p2pSeconds,
    ...(pairSeconds === undefined ? {} : { overlappedPairSeconds: () => pairSeconds }),
  };
}

/** F&B of equal times: the given pair time, or F + B by default. */
export function uniformPairSeconds(t: UniformOpTimes): number {
  return t.overlappedPairSeconds ?? t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds;
}
