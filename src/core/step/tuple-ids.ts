/**
 * Small numbers standing for tuples of numbers — the same tuple, the same number — so that the
 * step pricer's memo tables are keyed by numbers rather than by strings built for every lookup
 * (the planner looks prices up hundreds of thousands of times per search; hashing a freshly
 * concatenated string key cost more than the lookup it served).
 *
 * A trie: the id of (t₁, …, tₙ, v) is the child `v` of the id of (t₁, …, tₙ); the empty tuple is
 * `EMPTY_TUPLE`. Distinct tuples get distinct ids, whatever their lengths. The table lives
 * in the pricer that owns it (no module state).
 */

export interface TupleIds {
  /**
   * Children by whole values of 32 bits, open-addressed: slot i holds the parent at 2i, the value
   * at 2i + 1 and the child's id in `slotIds[i]` (0: empty). One probe or a few, no object per key:
   * a search keys hundreds of thousands of tuples (32K context extension: 568 k lookups, 120 k ids),
   * and a hash map of that size cost ~0.6 µs per lookup.
   */
  slotKeys: Int32Array;
  slotIds: Int32Array;
  /** Slots filled. */
  used: number;
  /** Children by other values (fractions, beyond 32 bits), per parent. */
  readonly children: Map<number, Map<number, number>>;
  /** Ids handed out so far. */
  count: number;
}

/** The id of the empty tuple. */
export const EMPTY_TUPLE = 0;

const FIRST_SLOTS = 1024;

export function createTupleIds(): TupleIds {
  return { slotKeys: new Int32Array(2 * FIRST_SLOTS), slotIds: new Int32Array(FIRST_SLOTS), used: 0, children: new Map(), count: 0 };
}

function newId(ids: TupleIds): number {
  ids.count += 1;
  return ids.count;
}

/** First slot to probe for (parent, value) in a table of `mask + 1` slots. */
function slotOf(parent: number, value: number, mask: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(value, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h & mask;
}

/** Places (parent, value) → id in the first empty slot of its probe sequence (the key is not in the table). */
function place(keys: Int32Array, slotIds: Int32Array, parent: number, value: number, id: number): void {
  const mask = slotIds.length - 1;
  let i = slotOf(parent, value, mask);
  while (slotIds[i] !== 0) i = (i + 1) & mask;
  keys[2 * i] = parent;
  keys[2 * i + 1] = value;
  slotIds[i] = id;
}

/** Doubles the table (kept at most half full). */
function grow(ids: TupleIds): void {
  resize(ids, 2 * ids.slotIds.length);
}

/** Moves the table's entries to a table of `slots` slots (a power of two, more than twice the entries). */
function resize(ids: TupleIds, slots: number): void {
  const { slotKeys, slotIds } = ids;
  const keys = new Int32Array(2 * slots);
  const next = new Int32Array(slots);
  for (let i = 0; i < slotIds.length; i += 1) {
    const id = slotIds[i] ?? 0;
    if (id !== 0) place(keys, next, slotKeys[2 * i] ?? 0, slotKeys[2 * i + 1] ?? 0, id);
  }
  ids.slotKeys = keys;
  ids.slotIds = next;
}

/**
 * Makes room for `tuples` more ids without growing the table step by step (each doubling moves
 * every entry): a caller that knows it keys many tuples (a plan search: 7–42 k) reserves them once.
 */
export function reserveTuples(ids: TupleIds, tuples: number): void {
  let slots = ids.slotIds.length;
  while (2 * (ids.used + tuples) > slots) slots *= 2;
  if (slots > ids.slotIds.length) resize(ids, slots);
}

/** Id of the tuple `parent` extended by `value` (numbers compare as Map keys do: SameValueZero). */
export function extendTuple(ids: TupleIds, parent: number, value: number): number {
  // Whether a value takes the table depends on the value alone, so a tuple always takes one path
  // (parents are ids: whole, and below 2³¹ while the table takes new ones). -0 | 0 is 0: the same
  // key, as SameValueZero has it.
  if ((value | 0) === value && ids.count < 0x7fffffff) {
    const { slotKeys, slotIds } = ids;
    const mask = slotIds.length - 1;
    let i = slotOf(parent, value, mask);
    for (;;) {
      const id = slotIds[i] ?? 0;
      if (id === 0) break;
      if (slotKeys[2 * i] === parent && slotKeys[2 * i + 1] === value) return id;
      i = (i + 1) & mask;
    }
    const id = newId(ids);
    slotKeys[2 * i] = parent;
    slotKeys[2 * i + 1] = value;
    slotIds[i] = id;
    ids.used += 1;
    if (2 * ids.used > slotIds.length) grow(ids);
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
