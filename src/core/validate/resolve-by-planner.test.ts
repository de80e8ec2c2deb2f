import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIOR_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import { peakMemoryBytes, usableHbmBytes } from '../memory/estimate-memory.js';
import { isRunCase, parseRunRecord, parseRunsFile, type RunCase } from '../runs/index.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { resolveMicroBatchByPlanner } from './resolve-by-planner.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));

function parsed(id: string): RunCase {
  const result = parseRunRecord(RECORDS.find((r) => r.id === id));
  if (!isRunCase(result)) throw new Error(`${id} skipped`);
  return result;
}

describe('resolveMicroBatchByPlanner', () => {
  const before = parsed('MLM24-003');
  const after = resolveMicroBatchByPlanner(before);
  const perReplica = before.scenario.training.globalBatch / before.layout.dp;

  it('an unknown micro-batch becomes the fastest divisor of the per-replica batch that fits, marked planner', () => {
    expect(before.assumed.find((a) => a.field === 'microBatch')?.basis).toBe('unknown');
    const chosen = after.assumed.find((a) => a.field === 'microBatch');
    expect(chosen?.basis).toBe('planner');
    expect(after.layout.microBatch).toBe(chosen?.value);
    expect(after.layout.microBatches).toBe(perReplica / after.layout.microBatch);
    const options = { ...DEFAULT_STEP_OPTIONS, efficiency: PRIOR_EFFICIENCY_PARAMS };
    const capacity = usableHbmBytes(after.scenario.cluster.accelerator.hbmBytes);
    expect(peakMemoryBytes(after.scenario, after.layout)).toBeLessThanOrEqual(capacity);
    const chosenSeconds = estimateStep(after.scenario, after.layout, options).time.stepSeconds;
    const mb1 = { ...before.layout, microBatch: 1, microBatches: perReplica };
    expect(chosenSeconds).toBeLessThanOrEqual(estimateStep(before.scenario, mb1, options).time.stepSeconds);
  });

  it('a case whose micro-batch is given or resolved by convention is returned unchanged', () => {
    const given = parsed('TORCHTITAN-001');
    expect(resolveMicroBatchByPlanner(given)).toBe(given);
    const convention = parsed('TORCHTITAN-013');
    expect(resolveMicroBatchByPlanner(convention)).toBe(convention);
  });
});
