import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunsFile } from '../runs/index.js';
import { validateRuns } from './validate-report.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));

describe('validateRuns on data/runs-dev.json (the accuracy targets)', () => {
  const report = validateRuns(RECORDS);

  it('models more than 100 runs and names a reason for every skipped record', () => {
    expect(report.summary.modeled).toBeGreaterThan(100);
    expect(report.summary.modeled + report.skipped.length).toBe(RECORDS.length);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(0);
  });

  // In-sample (the calibration saw these runs); the honest figure is the cross-validated one
  // (`scaleplan validate --cross-validate family`, README "Accuracy"). Bound = the measured state.
  it('throughput: in-sample mean absolute error ≤ 7% over all modelable runs (measured 6.3%)', () => {
    console.log(`validate: ${report.summary.modeled} runs, MAE ${report.summary.meanAbsPctError.toFixed(2)}%`);
    expect(report.summary.meanAbsPctError).toBeLessThanOrEqual(7);
  });

  it('throughput: no accelerator group of two or more runs above 14% (A100 measured 9.3%)', () => {
    // A one-run group is a single measurement, not a group: DEEPSEEK-001 (h800) is reported by
    // `scaleplan validate` and discussed in the README's accuracy section. The A100 group holds
    // fine-tuning runs (torchtune, ms-swift) whose software features (compile, chunked loss, MoE in
    // Megatron SFT) the step model does not see: the bound is the measured state, to be tightened.
    for (const [accelerator, s] of Object.entries(report.summary.byAccelerator)) {
      if (s.modeled < 2) continue;
      expect({ accelerator, mae: s.meanAbsPctError }).toSatisfy(() => s.meanAbsPctError <= 14);
    }
  });

  // 18%: predicted too fast; the MoE costs beyond the op inventory are not yet priced (README, known limits).
  it('DeepSeek-V3 production record (2048 H800, DualPipe, node-limited routing): within 18% of its measured throughput', () => {
    const run = report.runs.find((r) => r.id === 'DEEPSEEK-001');
    expect(run).toBeDefined();
    expect(Math.abs(run?.errorPct ?? 100)).toBeLessThanOrEqual(18);
  });

  it('peak memory: every record with a measured peak is modelled or skipped with a reason', () => {
    const measured = RECORDS.filter((r) => r.measured.peakMemGiB !== null && !r.flags.analyticalNotMeasured).map((r) => r.id).sort();
    const modelled = report.memory.runs.filter((r) => !r.analytical).map((r) => r.id);
    const skipped = report.memory.skipped.map((s) => s.id);
    expect([...modelled, ...skipped].sort()).toEqual(measured);
    for (const s of report.memory.skipped) expect(s.reason.length).toBeGreaterThan(0);
    expect(modelled.length).toBeGreaterThanOrEqual(42);
  });

  // Measured: see README, Accuracy: three above 15% (DSGIST-007, DSGIST-002, and DSGIST-004, whose 75.7
  // is below the 80 GiB of its A800 and so a byte count); two device-full readings (MSSWIFT-002/005)
  // are bounds and both hold.
  it('peak memory: mean absolute error ≤ 8% over every compared measured peak, at most three runs above 15%; device-full bounds hold', () => {
    expect(report.memory.summary.meanAbsPctError).toBeLessThanOrEqual(8);
    const compared = report.memory.runs.filter((r) => !r.analytical && r.bound === null);
    expect(compared.length).toBe(report.memory.summary.modeled);
    expect(compared.filter((r) => Math.abs(r.errorPct) > 15).length).toBeLessThanOrEqual(3);
    expect(report.memory.deviceFullBounds.met).toBe(report.memory.deviceFullBounds.runs);
  });

  it('predictions never read the measured block: changing it leaves the prediction unchanged', () => {
    const record = RECORDS.find((r) => r.id === 'MBRIDGE-039');
    if (record === undefined) throw new Error('MBRIDGE-039 missing');
    const altered = { ...record, measured: { ...record.measured, tokensPerSecPerGpu: 1 } };
    const a = validateRuns([record]).runs[0];
    const b = validateRuns([altered]).runs[0];
    expect(b?.predicted).toBe(a?.predicted);
  });
});
