/**
 * The analysis README's numbers table is the code's output: this test renders it from
 * analyzeBottlenecks on the DeepSeek-V3 example and fails when the README differs (paste the printed
 * table into the README after a deliberate model change).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioFromText } from '../test-fixtures.js';
import { analyzeBottlenecks } from './analyze.js';

const round3 = (x: number): string => String(Number(x.toPrecision(3)));

function renderNumbersTable(): string {
  const { scenario, layout } = scenarioFromText(readFileSync('examples/deepseek-v3-h800.yaml', 'utf8'));
  const report = analyzeBottlenecks(scenario, layout);
  const rows = report.domains.map((d) => {
    const evidence = Object.entries(d.evidence).map(([k, v]) => `${k} ${round3(v.value)} ${v.unit}`).join(', ');
    return `| ${d.domain} | ${Math.round(d.score)} | ${d.rule ?? '–'} | ${evidence} |`;
  });
  return ['| domain | score | rule | evidence (the rule\'s own record) |', '|---|---|---|---|', ...rows].join('\n');
}

describe('analysis README numbers', () => {
  it('the DeepSeek-V3 table in src/core/analysis/README.md is what analyzeBottlenecks returns', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = renderNumbersTable();
    expect(readme.includes(table), `README table differs; generated:\n${table}`).toBe(true);
  });
});
