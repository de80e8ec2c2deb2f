/**
 * Small numbers standing for tuples of numbers — the same tuple, the same number — so that the
 * step pricer's memo tables are keyed by numbers rather than by strings built for every lookup
 * (the planner looks prices up hundreds of thousands of times per search; hashing a freshly
 * concatenated string key cost more than the lookup it served).
 *
 * A trie of maps: the id of (t₁, …, tₙ, v) is the child `v` of the id of (t₁, …, tₙ); the empty
 * tuple is `EMPTY_TUPLE`. Distinct tuples get distinct ids, whatever their lengths. The table lives
 * in the pricer that owns it (no module state).
 */

export interface TupleIds {
  /** Children of each tuple id, by the appended value. */
  readonly children: Map<number, Map<number, number>>;
  /** Ids handed out so far. */
  count: number;
}

/** The id of the empty tuple. */
export const EMPTY_TUPLE = 0;

export function createTupleIds(): TupleIds {
  return { children: new Map(), count: 0 };
}

/** Id of the tuple `parent` extended by `value` (numbers compare as Map keys do: SameValueZero). */
export function extendTuple(ids: TupleIds, parent: number, value: number): number {
  let row = ids.children.get(parent);
  if (row === undefined) {
    row = new Map();
    ids.children.set(parent, row);
  }
  let id = row.get(value);
  if (id === undefined) {
    ids.count += 1;
    id = ids.count;
    row.set(value, id);
  }
  return id;
}
