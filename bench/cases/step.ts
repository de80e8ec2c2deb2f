/**
 * `estimateStep` warm: the same layout priced again with the caches a caller keeps (one
 * StepContext: its prices and its pipeline simulation are found, not recomputed). Target (issue 9):
 * ≤ 0.3 ms. "New layout" keeps only the compute estimator and the compiled schedules, so each call
 * prices the communication and stages and simulates the pipeline again: what a layout no cache has
 * seen costs in a warm process. The first call in a fresh process is measured by `process.ts`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLayout, createStepContext, estimateStep, parseScenarioText } from '../../src/core/index.js';
import type { BenchCase } from '../harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function warmCase(example: string): BenchCase {
  const scenario = parseScenarioText(readFileSync(join(root, 'examples', `${example}.yaml`), 'utf8'), 'yaml');
  const layout = createLayout(scenario);
  const context = createStepContext(scenario);
  return {
    name: `estimateStep(${example}), warm`,
    target: '≤ 0.3 ms',
    targetSeconds: 0.3e-3,
    run: () => void estimateStep(scenario, layout, undefined, context),
  };
}

function newLayoutCase(example: string): BenchCase {
  const scenario = parseScenarioText(readFileSync(join(root, 'examples', `${example}.yaml`), 'utf8'), 'yaml');
  const layout = createLayout(scenario);
  const shared = createStepContext(scenario);
  return {
    name: `estimateStep(${example}), warm process, new layout`,
    run: () => void estimateStep(scenario, layout, undefined, { ...shared, pricers: new WeakMap() }),
  };
}

const EXAMPLES = ['deepseek-v3-h800', 'llama3-405b-h100', 'gpt3-175b-a100', 'mixtral-8x7b-h100'];
export const cases: BenchCase[] = [...EXAMPLES.map(warmCase), ...EXAMPLES.map(newLayoutCase)];
