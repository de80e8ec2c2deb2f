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
  /** Children of small tuple ids by small appended values, keyed by parent · PACKED_VALUES + value (one lookup, a small integer key). */
  readonly packed: Map<number, number>;
  /** Children of the other tuple ids, or by other values, per parent. */
  readonly children: Map<number, Map<number, number>>;
  /** Ids handed out so far. */
  count: number;
}

/** The id of the empty tuple. */
export const EMPTY_TUPLE = 0;

export function createTupleIds(): TupleIds {
  return { packed: new Map(), children: new Map(), count: 0 };
}

/** Appended values below this (whole, not negative) and parents below PACKED_PARENTS pack into one key below 2³¹. */
const PACKED_VALUES = 2 ** 11;
const PACKED_PARENTS = 2 ** 20;

function newId(ids: TupleIds): number {
  ids.count += 1;
  return ids.count;
}

/** Id of the tuple `parent` extended by `value` (numbers compare as Map keys do: SameValueZero). */
export function extendTuple(ids: TupleIds, parent: number, value: number): number {
  // Whether a (parent, value) pair packs depends on the pair alone, so a tuple always takes one path.
  if (parent < PACKED_PARENTS && value >= 0 && value < PACKED_VALUES && Number.isInteger(value)) {
    const key = parent * PACKED_VALUES + value;
    let id = ids.packed.get(key);
    if (id === undefined) {
      id = newId(ids);
      ids.packed.set(key, id);
    }
    return id;
  }
  let row = ids.children.get(parent);
  if (row === undefined) {
    row = new Map();
    ids.children.set(parent, row);
  }
  let id = row.get(value);
  if (id === undefined) {
    id = newId(ids);
    row.set(value, id);
  }
  return id;
}
