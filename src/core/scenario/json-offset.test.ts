import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-offset.js';

describe('jsonErrorOffset', () => {
  it('points at the token that breaks the grammar', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('{"a": 1,, "b": 2}')).toBe(8);
    expect(jsonErrorOffset('[1, 2, tru]')).toBe(7);
    expect(jsonErrorOffset("{'a': 1}")).toBe(1);
  });
  it('points past the end when the text stops early', () => {
    expect(jsonErrorOffset('{"a": [1, 2')).toBe(11);
  });
  it('points at trailing garbage after a complete value', () => {
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});

describe('jsonErrorOffset: strings', () => {
  it('accepts escapes and rejects raw control characters and bad escapes', () => {
    expect(jsonErrorOffset('["a\\"b\\u00e9", "\\n"]')).toBe(20);
    expect(jsonErrorOffset('["a\tb"]')).toBe(3);
    expect(jsonErrorOffset('["a\\qb"]')).toBe(3);
  });
});
