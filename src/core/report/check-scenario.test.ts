import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { parseScenario } from '../scenario/parse.js';
import { checkScenario } from './check-scenario.js';

function scenario(gpus: number, training: Record<string, unknown> = {}, datacenter: Record<string, unknown> = {}) {
  return parseScenario({
    model: 'llama3-8b',
    cluster: { accelerator: 'h100-sxm', gpus },
    training: { seqLen: 4096, globalBatch: 1024, totalTokens: '1T', ...training },
    layout: { tp: 8 },
    datacenter,
  });
}

describe('checkScenario refuses what any estimate refuses', () => {
  it('a batch ramp whose span is not whole dp·microBatch steps names layout.microBatch', () => {
    const error = inputErrorOf(() => checkScenario(scenario(64, { batchRamp: { startGlobalBatch: 100, rampTokens: '10B' } })));
    expect(error.field).toBe('layout.microBatch');
    expect(error.rule).toMatch(/batch ramp's span/);
  });
  it('a run too large to make progress between failures is refused as estimate refuses it', () => {
    expect(inputErrorOf(() => checkScenario(scenario(1_048_576, { globalBatch: 131_072 }))).field).toBe('cluster.gpus');
  });
  it('a cooling that cannot hold the rack is refused as datacenter refuses it', () => {
    const s = parseScenario({ model: 'llama3-8b', cluster: { accelerator: 'gb200', gpus: 72 }, training: { seqLen: 4096, globalBatch: 72, totalTokens: '1T' }, datacenter: { cooling: 'air' } });
    expect(inputErrorOf(() => checkScenario(s)).field).toBe('datacenter.cooling');
  });
  it('returns the layout of a valid scenario', () => {
    expect(checkScenario(scenario(64)).dp).toBe(8);
  });
});
