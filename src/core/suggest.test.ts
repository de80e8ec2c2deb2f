import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from './suggest.js';

describe('editDistance', () => {
  it('editDistance("kitten", "sitting") is 3 (two substitutions, one insertion)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is 0 for equal strings, ignoring case, and |b| against an empty string', () => {
    expect(editDistance('H100-SXM', 'h100-sxm')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('is symmetric', () => {
    expect(editDistance('deepseek-v3', 'dpsk-v3')).toBe(editDistance('dpsk-v3', 'deepseek-v3'));
  });
});

describe('nearest', () => {
  const ids = ['llama3-8b', 'llama3-70b', 'llama3-405b', 'deepseek-v2', 'deepseek-v3', 'h100-sxm', 'h800'];

  it('nearest("lama3-70b", ids) suggests "llama3-70b" (one deletion)', () => {
    expect(nearest('lama3-70b', ids)).toBe('llama3-70b');
  });

  it('nearest("deepseek-v4", ids) suggests the first of two equally close ids', () => {
    expect(nearest('deepseek-v4', ids)).toBe('deepseek-v2');
  });

  it('nearest("h100", ids) prefers the id it is a prefix of', () => {
    expect(nearest('h100', ids)).toBe('h100-sxm');
  });

  it('returns an exact match unchanged and null for no candidates', () => {
    expect(nearest('h800', ids)).toBe('h800');
    expect(nearest('h800', [])).toBeNull();
  });
});
