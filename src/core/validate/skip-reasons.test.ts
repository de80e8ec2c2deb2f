import { describe, expect, it } from 'vitest';
import { groupSkipReasons } from './skip-reasons.js';

describe('groupSkipReasons', () => {
  it('groups reasons that differ only in their numbers, most frequent first, first seen first on a tie', () => {
    expect(groupSkipReasons([
      { id: 'a', reason: 'precision not given' },
      { id: 'b', reason: 'layout.tp: 3 must divide 64' },
      { id: 'c', reason: 'layout.tp: 6 must divide 1,048' },
      { id: 'd', reason: 'no layout' },
    ])).toEqual([
      { reason: 'layout.tp: N must divide N', count: 2 },
      { reason: 'precision not given', count: 1 },
      { reason: 'no layout', count: 1 },
    ]);
  });
});
