import { describe, expect, it } from 'vitest';
import { parseQuantity, parseSequenceLength } from './quantity.js';

describe('parseQuantity', () => {
  it('parseQuantity("14.8T") is 14.8e12 tokens', () => {
    expect(parseQuantity('14.8T')).toBe(14_800_000_000_000);
  });
  it('parseQuantity("469B") is 469e9, with or without a space and in lower case', () => {
    expect(parseQuantity('469B')).toBe(469e9);
    expect(parseQuantity('469 b')).toBe(469e9);
    expect(parseQuantity('2.5M')).toBe(2.5e6);
    expect(parseQuantity('300k')).toBe(300e3);
  });
  it('plain numbers and exponents pass through', () => {
    expect(parseQuantity(1e12)).toBe(1e12);
    expect(parseQuantity('1.5e9')).toBe(1.5e9);
  });
  it('text that is not a quantity gives null', () => {
    expect(parseQuantity('14.8 trillion')).toBeNull();
    expect(parseQuantity('-3T')).toBeNull();
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity(Number.NaN)).toBeNull();
  });
});

describe('parseSequenceLength', () => {
  it('"8k" is 8192 and "1M" is 1,048,576 (context sizes count in powers of two)', () => {
    expect(parseSequenceLength('8k')).toBe(8192);
    expect(parseSequenceLength('128K')).toBe(131_072);
    expect(parseSequenceLength('1M')).toBe(1_048_576);
    expect(parseSequenceLength('1.5k')).toBe(1536);
  });
  it('numbers pass through; other text is not a sequence length', () => {
    expect(parseSequenceLength(4096)).toBe(4096);
    expect(parseSequenceLength('8T')).toBeNull();
    expect(parseSequenceLength('k')).toBeNull();
  });
});
