import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { parseScenarioText } from './parse.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);

function example(file: string) {
  return parseScenarioText(readFileSync(new URL(file, EXAMPLES), 'utf8'), 'yaml');
}

describe('examples/', () => {
  it.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml')))('%s parses and creates a layout', (file) => {
    const scenario = example(file);
    const layout = createLayout(scenario);
    expect(layout.tp * layout.cp * layout.pp * layout.dp).toBe(scenario.cluster.gpus);
  });

  it('deepseek-v3-h800: PP16 × EP64 over DP128, 120 DualPipe micro-batches, 14.8T tokens with a 469B-token ramp', () => {
    const scenario = example('deepseek-v3-h800.yaml');
    expect(createLayout(scenario)).toMatchObject({ tp: 1, pp: 16, ep: 64, dp: 128, edp: 2, zero: 1, schedule: 'dualpipe', microBatches: 120 });
    expect(scenario.training).toEqual({
      seqLen: 4096,
      globalBatch: 15360,
      totalTokens: 14.8e12,
      precision: 'fp8-block',
      batchRamp: { startGlobalBatch: 3072, rampTokens: 469e9 },
    });
  });

  it('llama3-405b-h100: TP8 CP1 PP16 DP128 with FSDP over DP, 16 micro-batches of 8K sequences', () => {
    expect(createLayout(example('llama3-405b-h100.yaml'))).toMatchObject({ tp: 8, cp: 1, pp: 16, dp: 128, zero: 3, fsdpShardSize: 128, microBatches: 16 });
  });

  it('gpt3-175b-a100: TP8 PP16 DP8 on 1024 GPUs, 192 micro-batches', () => {
    expect(createLayout(example('gpt3-175b-a100.yaml'))).toMatchObject({ tp: 8, pp: 16, dp: 8, microBatches: 192, recompute: 'full' });
  });

  it('mixtral-8x7b-h100: PP4 × vp8 interleaved, EP8 folded into DP16', () => {
    expect(createLayout(example('mixtral-8x7b-h100.yaml'))).toMatchObject({ pp: 4, vp: 8, ep: 8, dp: 16, edp: 2, schedule: 'interleaved', microBatches: 16 });
  });
});
