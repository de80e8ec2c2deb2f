import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { parseScenario } from '../scenario/parse.js';
import { estimateScenario } from './estimate-scenario.js';
import { estimateSite } from './estimate-site.js';

function scenario(gpus: number, datacenter: Record<string, unknown> = {}) {
  return parseScenario({
    model: 'llama3-8b',
    cluster: { accelerator: 'h100-sxm', gpus },
    training: { seqLen: 4096, globalBatch: gpus, totalTokens: '1T' },
    layout: { tp: 8, pp: 1 },
    datacenter,
  });
}

describe('estimateSite: errors in the scenario\'s terms', () => {
  it('a block too small for one rack names datacenter.blockMw in MW, not the internal watts', () => {
    const s = scenario(64, { blockMw: 0.001 });
    const error = inputErrorOf(() => estimateSite(s, estimateScenario(s)));
    expect(error.field).toBe('datacenter.blockMw');
    expect(error.value).toBeCloseTo(0.001, 9);
  });
  it('131,072 H100 get a site with a fabric', () => {
    const s = scenario(131_072);
    expect(estimateSite(s, estimateScenario(s)).sizing.fabric.tiers).toBeGreaterThanOrEqual(3);
  });
});
