/**
 * Best-first visiting of sibling nodes whose bound is costly, computed only when needed (the
 * "lazy evaluation" of A* search): each node starts with a cheap bound `cheap ≤ refine()`, and
 *
 *   the node with the least (bound, position) is taken next;
 *   a cheap bound that the verdict drops drops the node unrefined (its refined bound, at least
 *   as large, would be dropped too: the threshold and the Pareto front only improve);
 *   otherwise the node is refined and put back by its refined bound; a refined node taken next
 *   is dropped by the verdict or visited.
 *
 * Refined nodes are so visited or dropped in the order of sorting every refined bound first (by
 * bound, then position), with the same threshold at each, and decided the same way: only the
 * number of refinements changes. The budget and deadline verdicts record the cheapest and fastest
 * rejected bound (for the diagnosis), so with a budget or a deadline every node is refined.
 */
import type { ObjectivePoint } from './objective.js';
import { decide, stopHere, verdict, verdictsFree, type Decision, type SearchState } from './search-state.js';

/** The search's decisions, as the visit asks them (search-state.ts). */
export interface Judge {
  /** Why a node with this bound is dropped, or null. */
  verdict(floor: ObjectivePoint): Decision | null;
  decide(decision: Decision, leaves: number): void;
  /** True (and the leaves booked) once the search is told to stop. */
  stop(leaves: number): boolean;
  /** False when a verdict has side effects on a cheap bound (budget, deadline): every node is refined. */
  readonly lazy: boolean;
}

/** The judge of a search. */
export function judgeOf(state: SearchState): Judge {
  return {
    verdict: (floor) => verdict(state, floor),
    decide: (decision, leaves) => decide(state, decision, leaves),
    stop: (leaves) => stopHere(state, leaves),
    lazy: verdictsFree(state),
  };
}

export interface LazyNode<T> {
  readonly item: T;
  /** A lower bound of `refine(item)` on every axis of the objective point. */
  readonly cheap: ObjectivePoint;
  /** Valid layouts beneath the node. */
  readonly leaves: number;
}

interface Entry<T> {
  readonly node: LazyNode<T>;
  readonly position: number;
  readonly floor: ObjectivePoint;
  readonly refined: boolean;
}

/** True when `a` comes after `b` (by score, then position). */
function after<T>(a: Entry<T>, b: Entry<T>): boolean {
  return a.floor.score > b.floor.score || (a.floor.score === b.floor.score && a.position > b.position);
}

/** Inserts into `queue`, kept sorted last-first (the next entry at the end). */
function insert<T>(queue: Entry<T>[], entry: Entry<T>): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = queue[mid];
    if (other !== undefined && after(other, entry)) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, entry);
}

/** Visits `nodes` best bound first, refining a node's bound only when its cheap bound cannot drop it. */
export function visitBestFirst<T>(
  judge: Judge, nodes: readonly LazyNode<T>[], refine: (item: T) => ObjectivePoint, visit: (item: T) => void,
): void {
  const queue: Entry<T>[] = [];
  nodes.forEach((node, position) => insert(queue, { node, position, floor: node.cheap, refined: false }));
  for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) {
    const { node } = entry;
    if (judge.stop(node.leaves)) continue;
    if (!entry.refined) {
      const cheap = judge.lazy ? judge.verdict(entry.floor) : null;
      if (cheap !== null) judge.decide(cheap, node.leaves);
      else insert(queue, { ...entry, floor: refine(node.item), refined: true });
      continue;
    }
    const v = judge.verdict(entry.floor);
    if (v !== null) judge.decide(v, node.leaves);
    else visit(node.item);
  }
}
