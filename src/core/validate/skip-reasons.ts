/**
 * Why records could not be modeled, grouped: each reason with its numbers replaced by "N"
 * ("layout.tp: 3 must divide 64" and "…: 6 must divide 48" are one reason), counted, most
 * frequent first (first seen first on a tie).
 */
import type { SkippedRun } from './types.js';

export interface SkipReasonCount {
  readonly reason: string;
  readonly count: number;
}

export function groupSkipReasons(skipped: readonly SkippedRun[]): SkipReasonCount[] {
  const counts = new Map<string, number>();
  for (const k of skipped) {
    const reason = k.reason.replace(/\d[\d,.]*/g, 'N');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
