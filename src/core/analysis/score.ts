/**
 * Scoring helpers: every bottleneck score is a linear ramp of one measured quantity between two
 * documented anchors, in [0, 100].
 */

/** 100 · clamp((x − low) / (high − low), 0, 1): 0 at or below `low`, 100 at or above `high`. */
export function ramp(x: number, low: number, high: number): number {
  if (!(high > low)) throw new Error(`ramp needs high > low (got ${low}, ${high})`);
  if (Number.isNaN(x)) return 0;
  return 100 * Math.min(1, Math.max(0, (x - low) / (high - low)));
}

/** Clamps a score into [0, 100] (NaN → 0). */
export function clampScore(score: number): number {
  if (Number.isNaN(score)) return 0;
  return Math.min(100, Math.max(0, score));
}

/** a / b, 0 when b is 0 (a share of nothing). */
export function share(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}
