import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { MAX_NESTING_DEPTH, nestingDepth, parseJsonText, parseYamlText } from './document.js';

describe('parseYamlText: syntax errors name the real line and column and quote the line', () => {
  it('a tab used as indentation on line 3 is reported at line 3, quoting that line', () => {
    const error = inputErrorOf(() => parseYamlText('model: llama3-8b\ncluster:\n\taccelerator: h100\n', 'scenario'));
    expect(error.rule).toMatch(/^malformed YAML at line 3, column \d+: /);
    expect(error.value).toBe('accelerator: h100');
  });
  it('an unclosed flow list is reported on the last line with content, not on the blank end of the file', () => {
    const error = inputErrorOf(() => parseYamlText('model: llama3-8b\ntraining:\n  seqLen: 4096\n  globalBatch: [1\n\n', 'scenario'));
    expect(error.rule).toMatch(/^malformed YAML at line 4, column 18: /);
    expect(error.value).toBe('globalBatch: [1');
  });
  it('a duplicate key on line 2 is reported at line 2, column 1', () => {
    const error = inputErrorOf(() => parseYamlText('model: a\nmodel: b\n', 'scenario'));
    expect(error.rule).toMatch(/^malformed YAML at line 2, column 1: Map keys must be unique/);
  });
});

describe('parseYamlText / parseJsonText: hostile documents are bad input', () => {
  it('a YAML alias bomb (9 levels of 9 aliases) is refused as one InputError', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i += 1) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
    const error = inputErrorOf(() => parseYamlText(lines.join('\n'), 'scenario'));
    expect(error.field).toBe('scenario');
    expect(error.rule).toMatch(/aliases expand too far/);
  });
  it('an alias to an undefined anchor is refused as one InputError', () => {
    expect(inputErrorOf(() => parseYamlText('model: *nowhere\n', 'scenario')).field).toBe('scenario');
  });
  it(`JSON nested 5,000 deep is refused (at most ${MAX_NESTING_DEPTH} levels)`, () => {
    const error = inputErrorOf(() => parseJsonText(`{"model": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'scenario'));
    expect(error.rule).toMatch(/more than 64 levels deep/);
  });
  it('YAML nested 200 deep is refused the same way', () => {
    const error = inputErrorOf(() => parseYamlText(`model: ${'['.repeat(200)}${']'.repeat(200)}\n`, 'scenario'));
    expect(error.rule).toMatch(/levels deep/);
  });
  it(`nesting of exactly ${MAX_NESTING_DEPTH} levels is accepted`, () => {
    const text = `${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}`;
    expect(nestingDepth(parseJsonText(text, 'scenario'))).toBe(MAX_NESTING_DEPTH);
  });
});
