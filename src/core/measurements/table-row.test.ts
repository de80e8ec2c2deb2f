import { describe, expect, it } from 'vitest';
import { isRunCase } from '../runs/parse-run.js';
import { readTableRow } from './table-row.js';
import { logCase, tableRowCase } from './measurement-case.js';
import { parseScenario } from '../scenario/parse.js';

const ROW = {
  id: 'r1', model: 'llama3-8b', accelerator: 'h100-sxm', gpus: '8', seqLen: '8192', globalBatch: '32', precision: 'bf16',
  tp: '1', pp: '1', zero: '3', recompute: 'full', microBatch: '1', stepTimeS: '', tokensPerSecPerGpu: '7,000', mfu: '0.41', peakMemGiB: '',
};

describe('readTableRow', () => {
  it('a flat CSV row: numbers from their text, empty cells not given, totalTokens = one step', () => {
    const row = readTableRow({ ...ROW, tokensPerSecPerGpu: '7000' }, 'table line 2');
    expect(row.id).toBe('r1');
    expect(row.measured).toEqual({ tokensPerSecPerGpu: 7000, mfu: 0.41 });
    expect(row.scenario).toMatchObject({ model: 'llama3-8b', cluster: { accelerator: 'h100-sxm', gpus: 8 }, training: { seqLen: 8192, globalBatch: 32, totalTokens: 8192 * 32 } });
  });

  it('a nested YAML row: the scenario as written plus measured', () => {
    const row = readTableRow({ model: 'llama3-8b', cluster: { accelerator: 'h100-sxm', gpus: 8 }, training: { seqLen: 8192, globalBatch: 32 }, measured: { stepTimeS: 4.2 } }, 'table row 1');
    expect(row.measured).toEqual({ stepTimeS: 4.2 });
    expect(row.scenario).toMatchObject({ training: { totalTokens: 8192 * 32 } });
  });

  it('refuses a row without any measured figure, naming the row', () => {
    expect(() => readTableRow({ model: 'llama3-8b' }, 'table line 4')).toThrow(/^table line 4 = .*needs at least one of stepTimeS/);
  });

  it('refuses an MFU written as a percentage', () => {
    expect(() => readTableRow({ ...ROW, tokensPerSecPerGpu: '', mfu: '41' }, 'table line 3')).toThrow(/^table line 3.mfu = .*fraction below 1/);
  });

  it('refuses an unknown column with the known ones listed', () => {
    expect(() => readTableRow({ ...ROW, tokenz: '1' }, 'table line 2')).toThrow(/^table line 2.tokenz = .*unknown column/);
  });
});

describe('tableRowCase', () => {
  it('a valid row becomes a case with the scenario resolved and the measurement kept', () => {
    const c = tableRowCase(readTableRow({ ...ROW, tokensPerSecPerGpu: '7000' }, 'table line 2'), 'my-table.csv');
    expect(isRunCase(c)).toBe(true);
    if (isRunCase(c)) {
      expect(c.scenario.cluster.gpus).toBe(8);
      expect(c.measured.tokensPerSecPerGpu).toBe(7000);
      expect(c.tags.accelerator).toBe('h100-sxm');
    }
  });

  it('a row whose layout breaks a rule is listed with its reason, not thrown', () => {
    const c = tableRowCase(readTableRow({ ...ROW, tokensPerSecPerGpu: '7000', tp: '3' }, 'table line 2'), 'my-table.csv');
    expect(isRunCase(c)).toBe(false);
    if (!isRunCase(c)) expect(c.skipReason).toMatch(/tp/);
  });
});

describe('logCase', () => {
  const scenario = parseScenario({ model: 'llama3-8b', cluster: { accelerator: 'h100-sxm', gpus: 8 }, training: { seqLen: 8192, globalBatch: 32, totalTokens: 262144 } });
  it("refuses a log whose printed global batch is not the scenario's", () => {
    expect(() => logCase('x', 'run.log', scenario, { format: 'megatron', iterationLines: 3, stepTimeS: 2, globalBatch: 64 })).toThrow(/^log = "global batch size 64": differs/);
  });
  it('keeps the log figures as the measurement', () => {
    const c = logCase('x', 'run.log', scenario, { format: 'torchtitan', iterationLines: 3, tokensPerSecPerGpu: 6795, peakMemGiB: 61.25, memoryStatistic: 'max-reserved' });
    expect(c.measured).toEqual({ tokensPerSecPerGpu: 6795, peakMemGiB: 61.25 });
  });
});
