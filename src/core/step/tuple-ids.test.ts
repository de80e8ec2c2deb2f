import { describe, expect, it } from 'vitest';
import { createTupleIds, EMPTY_TUPLE, extendTuple, reserveTuples, type TupleIds } from './tuple-ids.js';

const idOf = (ids: TupleIds, tuple: readonly number[]): number => tuple.reduce((key, v) => extendTuple(ids, key, v), EMPTY_TUPLE);

describe('tuple ids', () => {
  it('give the same tuple the same id and distinct tuples distinct ids, small and large values alike', () => {
    const ids = createTupleIds();
    const values = [0, 1, 2, 2047, 2048, 4096, 1.5, -1, 1e12, 123456789.25];
    const tuples: number[][] = [[]];
    for (const a of values) {
      tuples.push([a]);
      for (const b of values) tuples.push([a, b], [b, a, a]);
    }
    const seen = new Map<number, string>();
    for (const t of tuples) {
      const key = JSON.stringify(t);
      const id = idOf(ids, t);
      expect(idOf(ids, t)).toBe(id);
      const before = seen.get(id);
      if (before !== undefined) expect(before).toBe(key);
      seen.set(id, key);
    }
    expect(new Set(seen.values()).size).toBe(new Set(tuples.map((t) => JSON.stringify(t))).size);
  });

  it('keep every id while the table grows, mixing whole, negative, fractional and large values', () => {
    const ids = createTupleIds();
    const tuples: number[][] = [];
    for (let a = 0; a < 120; a += 1) {
      for (let b = -20; b < 100; b += 1) tuples.push([a, b], [a * 1_000_003, b, a], [a + 0.5, b]);
    }
    const first = tuples.map((t) => idOf(ids, t));
    expect(new Set(first).size).toBe(tuples.length);
    expect(tuples.map((t) => idOf(ids, t))).toEqual(first);
    expect(idOf(ids, [-0, 3])).toBe(idOf(ids, [0, 3]));
  });

  it('give the same ids after room is reserved, before or between keys', () => {
    const tuples: number[][] = [];
    for (let a = 0; a < 60; a += 1) for (let b = -5; b < 60; b += 1) tuples.push([a, b], [a + 0.25, b, 7]);
    const plain = createTupleIds();
    const expected = tuples.map((t) => idOf(plain, t));
    const reserved = createTupleIds();
    reserveTuples(reserved, 5_000);
    const half = tuples.length / 2;
    const first = tuples.slice(0, half).map((t) => idOf(reserved, t));
    reserveTuples(reserved, 20_000);
    expect([...first, ...tuples.slice(half).map((t) => idOf(reserved, t))]).toEqual(expected);
    expect(tuples.map((t) => idOf(reserved, t))).toEqual(expected);
  });
});
