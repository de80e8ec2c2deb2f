/**
 * The library as its users get it: a Node process imports the built package by its name
 * (`import('scaleplan')` resolves through package.json `exports`, here by self-reference), and its
 * export list is snapshotted, so that adding or removing a public name is a reviewed change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../run-node.js';

const LIST_EXPORTS = `
const api = await import('scaleplan');
const kinds = Object.fromEntries(Object.keys(api).sort().map((name) => [name, typeof api[name]]));
process.stdout.write(JSON.stringify(kinds));
`;

let kinds: Record<string, string> = {};

beforeAll(async () => {
  const r = await runNode(['--input-type=module', '-e', LIST_EXPORTS]);
  if (r.status !== 0) throw new Error(`import('scaleplan') failed:\n${r.stderr}`);
  kinds = JSON.parse(r.stdout);
});

describe("import('scaleplan')", () => {
  it('exposes the public API: scenario parsing, estimates, planner, data center, bottlenecks, what-if, compare, validate', () => {
    const api = ['parseScenarioText', 'estimateMemory', 'estimateStep', 'estimateScenario', 'planLayouts', 'planRequest', 'estimateSite',
      'analyzeBottlenecks', 'runWhatIf', 'compareTpPp', 'compareDpEp', 'validateRuns'];
    for (const name of api) expect(kinds[name], name).toBe('function');
  });

  it('exports exactly the names of the snapshot (sorted, with their kind)', () => {
    expect(kinds).toMatchSnapshot();
  });
});
