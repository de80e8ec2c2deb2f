/**
 * The two records a search keeps: the N best layouts by score (a bounded list sorted ascending;
 * equal scores — shardings that leave the step unchanged — rank the smaller memory peak first,
 * then by arrival, so the result is deterministic) and the Pareto front of two axes to minimise
 * (time vs cost, or time vs GPU count when GPU counts are searched).
 */
import type { ObjectivePoint } from './objective.js';

export type ParetoAxes = 'time-cost' | 'time-gpus';

/** The N lowest-score entries seen. `offer` is O(N); the planner keeps N small. */
export interface TopList<T extends Ranked> {
  readonly entries: readonly T[];
  readonly capacity: number;
  /** The N-th best score, or Infinity while fewer than N entries are kept. */
  threshold(): number;
  offer(entry: T): boolean;
}

/** Ranked entries: a score and the memory peak that breaks ties. */
export interface Ranked {
  readonly point: ObjectivePoint;
  readonly peakBytes: number;
}

/** Negative when `a` ranks before `b`. */
function rankOrder(a: Ranked, b: Ranked): number {
  return a.point.score - b.point.score || a.peakBytes - b.peakBytes;
}

export function createTopList<T extends Ranked>(capacity: number): TopList<T> {
  const entries: T[] = [];
  return {
    entries,
    capacity,
    threshold: () => (entries.length < capacity ? Infinity : entries[entries.length - 1]?.point.score ?? Infinity),
    offer(entry) {
      const last = entries[entries.length - 1];
      if (entries.length >= capacity && last !== undefined && rankOrder(entry, last) >= 0) return false;
      let i = entries.length;
      while (i > 0) {
        const before = entries[i - 1];
        if (before === undefined || rankOrder(before, entry) <= 0) break;
        i -= 1;
      }
      entries.splice(i, 0, entry);
      if (entries.length > capacity) entries.pop();
      return true;
    },
  };
}

function secondAxis(axes: ParetoAxes, p: ObjectivePoint): number {
  return axes === 'time-cost' ? p.usd : p.gpus;
}

/** Non-dominated entries: none is at least as good on both axes as another and better on one. */
export interface ParetoFront<T extends { readonly point: ObjectivePoint }> {
  readonly axes: ParetoAxes;
  /** Entries sorted by time, ascending. */
  entries(): readonly T[];
  /** True when some entry is at least as good as `point` on both axes. */
  dominates(point: ObjectivePoint): boolean;
  offer(entry: T): boolean;
}

export function createParetoFront<T extends { readonly point: ObjectivePoint }>(axes: ParetoAxes): ParetoFront<T> {
  let kept: T[] = [];
  const covers = (a: ObjectivePoint, b: ObjectivePoint): boolean => a.days <= b.days && secondAxis(axes, a) <= secondAxis(axes, b);
  return {
    axes,
    entries: () => [...kept].sort((a, b) => a.point.days - b.point.days),
    dominates: (point) => kept.some((e) => covers(e.point, point)),
    offer(entry) {
      if (kept.some((e) => covers(e.point, entry.point))) return false;
      kept = kept.filter((e) => !covers(entry.point, e.point));
      kept.push(entry);
      return true;
    },
  };
}
