/**
 * A campaign: several runs (pre-training, context extension, post-training) priced at one rate,
 * as DeepSeek-V3 Table 1 prices its three stages at $2 per H800 GPU-hour (TR §1).
 *
 *   row USD = row GPU-hours · price;  total = Σ rows
 *
 * GPU-hours are the effective (failure-inclusive) ones by default — what the cluster is held
 * for — or the failure-free ones with basis 'ideal'.
 */
import { requireNonNegative } from '../datacenter/validate.js';
import type { RunEstimate } from './estimate-run.js';

export interface CampaignPhase {
  readonly name: string;
  readonly run: RunEstimate;
}

export interface CampaignRow {
  readonly name: string;
  readonly gpuHours: number;
  readonly days: number;
  readonly usd: number;
}

export interface Campaign {
  readonly rows: readonly CampaignRow[];
  readonly total: { readonly gpuHours: number; readonly days: number; readonly usd: number };
  readonly usdPerGpuHour: number;
  readonly basis: 'effective' | 'ideal';
}

/** Rows of GPU-hours and USD per phase, and their total, at `usdPerGpuHour`. */
export function estimateCampaign(phases: readonly CampaignPhase[], usdPerGpuHour: number, basis: 'effective' | 'ideal' = 'effective'): Campaign {
  const price = requireNonNegative('usdPerGpuHour', usdPerGpuHour, 1000);
  const rows = phases.map(({ name, run }) => {
    const gpuHours = basis === 'effective' ? run.goodput.effectiveGpuHours : run.gpuHours;
    const days = basis === 'effective' ? run.goodput.effectiveDays : run.days;
    return { name, gpuHours, days, usd: gpuHours * price };
  });
  const sum = (pick: (row: CampaignRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return { rows, total: { gpuHours: sum((r) => r.gpuHours), days: sum((r) => r.days), usd: sum((r) => r.usd) }, usdPerGpuHour: price, basis };
}
