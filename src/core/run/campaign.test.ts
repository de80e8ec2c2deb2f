import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { ACCELERATORS } from '../hardware/catalog.js';
import { createCluster } from '../hardware/create-cluster.js';
import type { Training } from '../training/types.js';
import { estimateCampaign } from './campaign.js';
import { estimateRun } from './estimate-run.js';

const cluster = createCluster(ACCELERATORS.h800, 2048);
const training = (totalTokens: number): Training => ({ seqLen: 4096, globalBatch: 1024, totalTokens, precision: 'bf16', batchRamp: null });
const run = (totalTokens: number, stepSeconds: number) => estimateRun({ training: training(totalTokens), cluster, params: 7e9, stepSeconds });

describe('estimateCampaign', () => {
  const phases = [
    { name: 'pre-training', run: run(1e12, 10) },
    { name: 'context extension', run: run(1e10, 40) },
    { name: 'post-training', run: run(1e9, 10) },
  ];

  it('each row is GPU-hours · price; the total is the sum of the rows', () => {
    const campaign = estimateCampaign(phases, 2);
    expect(campaign.rows.map((r) => r.name)).toEqual(['pre-training', 'context extension', 'post-training']);
    for (const [i, row] of campaign.rows.entries()) {
      expect(row.gpuHours).toBe(phases[i]?.run.goodput.effectiveGpuHours);
      expect(row.usd).toBeCloseTo(row.gpuHours * 2, 6);
    }
    expect(campaign.total.gpuHours).toBeCloseTo(campaign.rows.reduce((s, r) => s + r.gpuHours, 0), 6);
    expect(campaign.total.usd).toBeCloseTo(campaign.total.gpuHours * 2, 6);
  });

  it('basis "ideal" prices the failure-free GPU-hours, which are fewer', () => {
    const ideal = estimateCampaign(phases, 2, 'ideal');
    const effective = estimateCampaign(phases, 2);
    expect(ideal.rows[0]?.gpuHours).toBe(phases[0]?.run.gpuHours);
    expect(ideal.total.usd).toBeLessThan(effective.total.usd);
  });

  it('rejects a negative price', () => {
    expect(() => estimateCampaign(phases, -2)).toThrow(InputError);
  });
});
