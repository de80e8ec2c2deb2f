/**
 * `table` and `keyValues` draw a multi-line cell as one row per line: the text must be exactly what
 * cli-table3 draws for the multi-line cell itself.
 */
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { keyValues, table } from '../../src/cli/format.js';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function direct(rows: string[][], options: { head?: string[]; colAligns?: ('left' | 'right')[] }): string {
  const t = new Table({ ...options, chars: COMPACT, style: { head: [], border: [] } });
  for (const row of rows) t.push(row);
  return t.toString();
}

describe('tables with multi-line cells', () => {
  const rows = [
    ['compute', '88', '█████████░', 'compute-recompute', 'recompute flops 33.3%\nHFU 49.7%\nmemory headroom 64.0%'],
    ['power', '27', '███░░░░░░░', 'power-chain-losses\n(two lines)', 'chain loss 0.068 W per IT W'],
    ['memory', '2', '░░░░░░░░░░', '', ''],
    ['network', '18', '██░░░░░░░░', 'network-exposed', 'exposed TP 708.78 ms\n\nexposed DP 425.64 ms'],
  ];
  const head = ['domain', 'score', 'severity', 'rule', 'evidence'];

  it('table(head, rows) reads exactly as cli-table3 draws the multi-line cells', () => {
    const aligns: ('left' | 'right')[] = ['left', 'right', 'left', 'left', 'left'];
    expect(table(head, rows)).toBe(direct(rows, { head, colAligns: aligns }));
    expect(table(head, rows, 'Bottlenecks')).toBe(`Bottlenecks\n${direct(rows, { head, colAligns: aligns })}`);
  });

  it('keyValues(rows) reads exactly as cli-table3 draws the multi-line values', () => {
    const pairs: [string, string][] = [['layout', 'tp 8\npp 16\ndp 64'], ['step', '28.073 s'], ['notes\n(more)', 'one']];
    expect(keyValues(pairs)).toBe(direct(pairs, { colAligns: ['left', 'left'] }));
  });
});
