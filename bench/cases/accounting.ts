/** Benchmarks of the foundation, memory and step-time models. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLayout } from '../../src/core/layout/create-layout.js';
import { estimateMemory } from '../../src/core/memory/estimate-memory.js';
import { countParams } from '../../src/core/model/params.js';
import { flopsPerToken } from '../../src/core/model/flops.js';
import { findModel } from '../../src/core/model/find-model.js';
import { parseScenarioText } from '../../src/core/scenario/parse.js';
import { estimateStep } from '../../src/core/step/estimate-step.js';
import type { BenchCase } from '../harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scenario = (name: string) => parseScenarioText(readFileSync(join(root, 'examples', `${name}.yaml`), 'utf8'), 'yaml');
const deepseek = scenario('deepseek-v3-h800');
const deepseekLayout = createLayout(deepseek);
const llama = scenario('llama3-405b-h100');
const llamaLayout = createLayout(llama);
const v3 = findModel('deepseek-v3');

export const cases: BenchCase[] = [
  { name: 'countParams(DeepSeek-V3)', run: () => void countParams(v3) },
  { name: 'flopsPerToken(DeepSeek-V3, 4096)', run: () => void flopsPerToken(v3, 4096) },
  { name: 'estimateMemory(DeepSeek-V3, 2048 H800)', run: () => void estimateMemory(deepseek, deepseekLayout) },
  { name: 'estimateMemory(Llama 3 405B, 16384 H100, no micro-batch search)', run: () => void estimateMemory(llama, llamaLayout, { searchMicroBatch: false }) },
  // One cold estimate: no caches shared between calls (what `scaleplan estimate` does once).
  { name: 'estimateStep(DeepSeek-V3, 2048 H800), cold', target: '< 5 ms', targetSeconds: 5e-3, run: () => void estimateStep(deepseek, deepseekLayout) },
  { name: 'estimateStep(Llama 3 405B, 16384 H100), cold', run: () => void estimateStep(llama, llamaLayout) },
];
