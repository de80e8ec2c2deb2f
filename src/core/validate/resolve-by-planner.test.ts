import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIOR_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import { createLayout } from '../layout/create-layout.js';
import { peakMemoryBytes, usableHbmBytes } from '../memory/estimate-memory.js';
import { isRunCase, parseRunRecord, parseRunsFile, type RunCase } from '../runs/index.js';
import { getSchedule } from '../schedules/catalog.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { resolveByPlanner } from './resolve-by-planner.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));
const OPTIONS = { ...DEFAULT_STEP_OPTIONS, efficiency: PRIOR_EFFICIENCY_PARAMS };

function parsed(id: string): RunCase {
  const result = parseRunRecord(RECORDS.find((r) => r.id === id));
  if (!isRunCase(result)) throw new Error(`${id} skipped`);
  return result;
}

function basisOf(c: RunCase, field: string): string | undefined {
  return c.assumed.find((a) => a.field === field)?.basis;
}

/** Step seconds of `c` with some layout fields replaced, or null when the rules or HBM reject it. */
function stepWith(c: RunCase, fields: Partial<RunCase['scenario']['layout']>): number | null {
  const scenario = { ...c.scenario, layout: { ...c.scenario.layout, ...fields } };
  let layout;
  try {
    layout = createLayout(scenario);
  } catch {
    return null;
  }
  if (peakMemoryBytes(scenario, layout) > usableHbmBytes(scenario.cluster.accelerator.hbmBytes)) return null;
  return estimateStep(scenario, layout, OPTIONS).time.stepSeconds;
}

describe('resolveByPlanner', () => {
  it('an unknown micro-batch becomes the fastest divisor of the per-replica batch that fits, marked planner', () => {
    const before = parsed('MLM24-003');
    const after = resolveByPlanner(before);
    const perReplica = before.scenario.training.globalBatch / before.layout.dp;
    expect(basisOf(before, 'microBatch')).toBe('unknown');
    const chosen = after.assumed.find((a) => a.field === 'microBatch');
    expect(chosen?.basis).toBe('planner');
    expect(after.layout.microBatch).toBe(chosen?.value);
    expect(after.layout.microBatches).toBe(perReplica / after.layout.microBatch);
    const chosenSeconds = stepWith(after, {});
    expect(chosenSeconds).not.toBeNull();
    for (const b of [1, 2, 8]) expect(chosenSeconds ?? Infinity).toBeLessThanOrEqual(stepWith(before, { microBatch: b }) ?? Infinity);
  });

  it('an unknown interleaving of a table that does not print VP becomes the planner\'s vp, with the schedule that takes it', () => {
    const before = parsed('MBRIDGE-167');
    expect(basisOf(before, 'vp')).toBe('unknown');
    const after = resolveByPlanner(before);
    expect(basisOf(after, 'vp')).toBe('planner');
    expect(after.layout.vp).toBeGreaterThan(1);
    expect(getSchedule(after.layout.schedule).virtualChunks).toBe(true);
    // The rest of the layout is the record's.
    expect(after.layout).toMatchObject({ tp: 1, pp: 4, dp: 16, microBatch: 2, recompute: 'none' });
    const priced = (c: RunCase): number => estimateStep(c.scenario, c.layout, OPTIONS).time.stepSeconds;
    expect(priced(after)).toBeLessThan(priced(before));
  });

  it('an unknown recomputation becomes the fastest mode that fits, marked planner', () => {
    const before = parsed('LLAMA3-001');
    expect(basisOf(before, 'recompute')).toBe('unknown');
    const after = resolveByPlanner(before);
    expect(basisOf(after, 'recompute')).toBe('planner');
    const chosen = stepWith(after, {});
    expect(chosen).not.toBeNull();
    for (const recompute of ['none', 'selective', 'full'] as const) expect(chosen ?? Infinity).toBeLessThanOrEqual(stepWith(after, { recompute }) ?? Infinity);
  });

  it('an unknown sequence parallelism (no convention of the stack) becomes the planner\'s: on with TP, marked planner', () => {
    const before = parsed('LLAMA3-001');
    expect(basisOf(before, 'sequenceParallel')).toBe('unknown');
    const after = resolveByPlanner(before);
    expect(basisOf(after, 'sequenceParallel')).toBe('planner');
    expect(after.layout.tp).toBeGreaterThan(1);
    expect(after.layout.sequenceParallel).toBe(true);
    expect(after.scenario.layout.sequenceParallel).toBe(true);
  });

  it('a field a record gives or a sourced convention fixes is left alone', () => {
    const given = parsed('TORCHTITAN-001');
    expect(resolveByPlanner(given)).toBe(given);
    const convention = parsed('TORCHTITAN-013');
    expect(resolveByPlanner(convention)).toBe(convention);
    // Launch flags quoted without a virtual-pipeline flag: Megatron-Core's default, no interleaving.
    const flags = parsed('MSSWIFT-004');
    expect(basisOf(flags, 'vp')).toBe('convention');
    expect(resolveByPlanner(flags)).toBe(flags);
  });
});
