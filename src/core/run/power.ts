/**
 * Average IT power per GPU at a modeled utilisation, and the IT energy of a run.
 *
 *   GPU   [W] = P_idle + (TDP − P_idle) · activity,  P_idle = idle fraction · TDP
 *               (linear idle→TDP model; activity ∈ [0, 1] comes from the step model — e.g. the
 *               fraction of the step the GPU computes, or MFU / achievable MFU — or defaults to 1)
 *   host  [W] = (system max power − GPUs per system · TDP) / GPUs per system · host load fraction
 *               (CPUs, NICs, fans, PSU losses; DGX H100: (10.2 kW − 8 · 700 W) / 8 = 575 W, §2.1;
 *               measured under training the whole server peaks at 8.4 kW, so the host draws
 *               2.8 of its 4.6 kW: load fraction 0.61, Latif et al. 2025 — defaults.ts POWER)
 *   fabric[W] = support IT fraction · system max power / GPUs per system
 *               (network, storage, management: 0.25 W per compute W, GB200 RA 1.2 MW per 8-rack SU,
 *               datacenter SIZING.supportItFraction — hardware-facts.md has no switch power figure;
 *               switches draw about the same power idle or busy, so this term does not scale)
 *   IT energy [J] = (GPU + host + fabric) · GPUs · seconds;  facility = IT · PUE (default 1)
 *
 * At activity 1 and host load 1 the per-GPU IT power equals the data-center model's nameplate
 * `estimateItWattsPerGpu`, so the two folders agree on what a GPU can draw; the measured host load
 * brings a busy DGX H100 to 76–82 % of nameplate (Newkirk et al. 2025; Latif et al. 2025).
 */
import { InputError } from '../errors.js';
import type { Accelerator } from '../hardware/types.js';
import { JOULES_PER_KWH } from '../datacenter/cost.js';
import { SIZING } from '../datacenter/defaults.js';
import { requireFraction, requireNonNegative, requirePositive, requirePositiveInteger } from '../datacenter/validate.js';
import { POWER } from './defaults.js';

export const JOULES_PER_MWH = JOULES_PER_KWH * 1000;

export interface PowerOptions {
  /** GPU activity in [0, 1] (default 1: TDP). */
  readonly gpuActivity?: number;
  /** Idle power as a fraction of TDP (default 0.1, assumption). */
  readonly gpuIdleFractionOfTdp?: number;
  /** Fraction of the host share of system max power drawn (default 1). */
  readonly hostLoadFraction?: number;
  /** Network/storage/management W per compute W (default datacenter SIZING.supportItFraction 0.25). */
  readonly supportItFraction?: number;
}

export interface GpuPower {
  readonly gpuWatts: number;
  readonly hostWatts: number;
  readonly fabricWatts: number;
  /** IT power per GPU: GPU + host + fabric [W]. */
  readonly totalWatts: number;
  readonly gpuActivity: number;
}

/** Average IT power per GPU (its own draw plus its share of the node and the fabric). */
export function estimateGpuPower(accelerator: Accelerator, options: PowerOptions = {}): GpuPower {
  const tdp = requirePositive('accelerator.tdpWatts', accelerator.tdpWatts);
  const systemWatts = requirePositive('accelerator.system.powerWatts', accelerator.system.powerWatts);
  const perSystem = requirePositiveInteger('accelerator.system.gpus', accelerator.system.gpus);
  const activity = requireFraction('power.gpuActivity', options.gpuActivity ?? POWER.gpuActivity.value);
  const idleFraction = requireFraction('power.gpuIdleFractionOfTdp', options.gpuIdleFractionOfTdp ?? POWER.gpuIdleFractionOfTdp.value);
  const hostLoad = requireFraction('power.hostLoadFraction', options.hostLoadFraction ?? POWER.hostLoadFraction.value);
  const support = requireNonNegative('power.supportItFraction', options.supportItFraction ?? SIZING.supportItFraction.value, 1);
  const hostShare = systemWatts - perSystem * tdp;
  if (hostShare < 0) {
    throw new InputError('accelerator.system.powerWatts', systemWatts, `must be at least system.gpus · tdpWatts = ${perSystem} · ${tdp} W`);
  }
  const idle = idleFraction * tdp;
  const gpuWatts = idle + (tdp - idle) * activity;
  const hostWatts = (hostShare / perSystem) * hostLoad;
  const fabricWatts = (support * systemWatts) / perSystem;
  return { gpuWatts, hostWatts, fabricWatts, totalWatts: gpuWatts + hostWatts + fabricWatts, gpuActivity: activity };
}

export interface ItEnergyInput {
  readonly wattsPerGpu: number;
  readonly gpus: number;
  readonly seconds: number;
  /** Facility / IT energy (default 1: IT only; the data-center model gives a real PUE). */
  readonly pue?: number;
}

export interface ItEnergy {
  readonly itJoules: number;
  readonly itMwh: number;
  readonly facilityJoules: number;
  readonly facilityMwh: number;
  readonly pue: number;
}

/** IT and facility energy of `gpus` GPUs drawing `wattsPerGpu` for `seconds`. */
export function estimateItEnergy(input: ItEnergyInput): ItEnergy {
  const watts = requireNonNegative('wattsPerGpu', input.wattsPerGpu);
  const gpus = requirePositiveInteger('gpus', input.gpus);
  const seconds = requireNonNegative('seconds', input.seconds);
  const pue = requirePositive('pue', input.pue ?? 1, 10);
  if (pue < 1) throw new InputError('pue', pue, 'must be ≥ 1 (facility energy includes IT energy)');
  const itJoules = watts * gpus * seconds;
  const facilityJoules = itJoules * pue;
  return { itJoules, itMwh: itJoules / JOULES_PER_MWH, facilityJoules, facilityMwh: facilityJoules / JOULES_PER_MWH, pue };
}
