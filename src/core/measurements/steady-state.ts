/**
 * Steady state of a series of per-interval figures: drop the first logged interval (it carries
 * start-up: compilation, allocator warm-up, the first data loads) when more than one was logged,
 * then take the median, which a stray slow interval (checkpoint save, evaluation) does not move.
 */
export function steadyLines<T>(values: readonly T[]): readonly T[] {
  return values.length > 1 ? values.slice(1) : values;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  const lower = sorted[mid - 1];
  if (upper === undefined) return undefined;
  return sorted.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

/** Median of the steady-state values of a series, undefined when the series is empty. */
export function steadyMedian(values: readonly number[]): number | undefined {
  return median(steadyLines(values));
}
