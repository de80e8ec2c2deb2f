/**
 * Whole-run economics in one record: steps → time → goodput → energy → cost → carbon.
 *
 *  1. planSteps: phases of the batch ramp and the steady batch (steps.ts)
 *  2. estimateRunTime: failure-free wall time and GPU-hours from the step time (run-time.ts)
 *  3. estimateGoodput: MTBF, checkpointing, effective time (goodput.ts)
 *  4. estimateGpuPower, estimateItEnergy: IT and facility energy over the effective time — the
 *     cluster stays powered through checkpoints, rework and restarts (power.ts)
 *  5. rental or owned cost over the effective GPU-hours, carbon of the facility energy (cost.ts)
 */
import type { Cluster } from '../hardware/types.js';
import type { Training } from '../training/types.js';
import type { Pricing, RunCarbon, RunCost } from './cost.js';
import { estimateCarbon, estimateOwnedCost, estimateRentalCost } from './cost.js';
import type { Goodput, GoodputOptions } from './goodput.js';
import { estimateGoodput } from './goodput.js';
import type { PowerOptions } from './power.js';
import { estimateGpuPower, estimateItEnergy } from './power.js';
import type { RunTime, StepSeconds, TimedPhase } from './run-time.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, estimateRunTime } from './run-time.js';
import { planSteps, type StepPlan } from './steps.js';

export interface RunInput {
  readonly training: Training;
  readonly cluster: Cluster;
  /** Parameters saved in a checkpoint (e.g. countParams(model).totalWithMtp). */
  readonly params: number;
  /** Step time: the step model's `time.stepSeconds`, or a function of the global batch for ramps. */
  readonly stepSeconds: StepSeconds;
  /** Ramp batch quantum [sequences]; pass layout dp · microBatch (default gcd of start and steady batch). */
  readonly batchQuantum?: number;
  readonly power?: PowerOptions;
  /** Facility / IT energy (default 1; the data-center model gives a real PUE). */
  readonly pue?: number;
  /** Default: rental at the accelerator's §4.6 price. */
  readonly pricing?: Pricing;
  /** Grid intensity [g CO2e/kWh] (default 458, §4.7). */
  readonly gridGramsCo2ePerKwh?: number;
  readonly goodput?: GoodputOptions;
}

export interface RunEnergyRecord {
  readonly itJoules: number;
  readonly itMwh: number;
  readonly facilityJoules: number;
  readonly facilityMwh: number;
  readonly pue: number;
  /** IT power per GPU: GPU + host share + fabric share [W]. */
  readonly avgWattsPerGpu: number;
  readonly gpuWatts: number;
  readonly hostWatts: number;
  readonly fabricWatts: number;
  /** Duration the energy is counted over: the effective (failure-inclusive) run time [s]. */
  readonly seconds: number;
}

export interface RunEstimate {
  readonly steps: number;
  readonly tokens: number;
  readonly phases: readonly TimedPhase[];
  /** Failure-free wall time [s] and its conversions. */
  readonly wallSeconds: number;
  readonly days: number;
  readonly gpuHours: number;
  readonly gpus: number;
  readonly energy: RunEnergyRecord;
  readonly cost: RunCost;
  readonly carbon: RunCarbon;
  readonly goodput: Goodput & { readonly effectiveGpuHours: number };
}

function estimateCost(input: RunInput, effectiveSeconds: number, gpuHours: number, facilityJoules: number): RunCost {
  const pricing = input.pricing ?? { basis: 'rental' };
  if (pricing.basis === 'rental') {
    return estimateRentalCost({ acceleratorId: input.cluster.accelerator.id, gpuHours, usdPerGpuHour: pricing.usdPerGpuHour });
  }
  return estimateOwnedCost({ ...pricing, accelerator: input.cluster.accelerator, gpus: input.cluster.gpus, seconds: effectiveSeconds, facilityJoules });
}

/** Steps, time, goodput, energy, cost and carbon of a training run. SI inside; MWh/days as named. */
export function estimateRun(input: RunInput): RunEstimate {
  return priceRun(input, runTimeline(input));
}

/**
 * `estimateRun` of `input` under each power setting of `powers` (`input.power` ignored): the steps,
 * time and goodput do not read the power, so they are computed once for all (a batch ramp has a
 * phase per level, thousands with a small batch quantum).
 */
export function estimateRunPowers(input: RunInput, powers: readonly (PowerOptions | undefined)[]): RunEstimate[] {
  const timeline = runTimeline(input);
  return powers.map((power) => priceRun({ ...input, power }, timeline));
}

/** What a run's time reads of its input: the step plan, the failure-free time and the goodput. */
interface RunTimeline {
  readonly plan: StepPlan;
  readonly time: RunTime;
  readonly goodput: Goodput;
}

function runTimeline(input: RunInput): RunTimeline {
  const { cluster } = input;
  const plan = planSteps(input.training, { batchQuantum: input.batchQuantum });
  const time = estimateRunTime({ phases: plan.phases, stepSecondsForBatch: input.stepSeconds, gpus: cluster.gpus });
  const goodput = estimateGoodput({ ...input.goodput, idealSeconds: time.wallSeconds, gpus: cluster.gpus, gpusPerNode: cluster.gpusPerNode, params: input.params });
  return { plan, time, goodput };
}

/** Energy, cost and carbon of `input`'s power and prices over its timeline. */
function priceRun(input: RunInput, { plan, time, goodput }: RunTimeline): RunEstimate {
  const { cluster } = input;
  const effectiveGpuHours = (goodput.effectiveSeconds * cluster.gpus) / SECONDS_PER_HOUR;
  const power = estimateGpuPower(cluster.accelerator, input.power);
  const energy = estimateItEnergy({ wattsPerGpu: power.totalWatts, gpus: cluster.gpus, seconds: goodput.effectiveSeconds, pue: input.pue });
  return {
    steps: plan.steps,
    tokens: plan.tokens,
    phases: time.phases,
    wallSeconds: time.wallSeconds,
    days: time.wallSeconds / SECONDS_PER_DAY,
    gpuHours: time.gpuHours,
    gpus: cluster.gpus,
    energy: {
      ...energy,
      avgWattsPerGpu: power.totalWatts,
      gpuWatts: power.gpuWatts,
      hostWatts: power.hostWatts,
      fabricWatts: power.fabricWatts,
      seconds: goodput.effectiveSeconds,
    },
    cost: estimateCost(input, goodput.effectiveSeconds, effectiveGpuHours, energy.facilityJoules),
    carbon: estimateCarbon({ facilityJoules: energy.facilityJoules, gridGramsCo2ePerKwh: input.gridGramsCo2ePerKwh }),
    goodput: { ...goodput, effectiveGpuHours },
  };
}
