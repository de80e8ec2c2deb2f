/**
 * `estimateStep` warm: the same scenario priced again with the caches a caller keeps (one
 * StepContext, what the planner, what-if and compare do). Target (issue 9): ≤ 0.3 ms. The first
 * call in a fresh process is measured by `process.ts`.
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

export const cases: BenchCase[] = ['deepseek-v3-h800', 'llama3-405b-h100', 'gpt3-175b-a100', 'mixtral-8x7b-h100'].map(warmCase);
