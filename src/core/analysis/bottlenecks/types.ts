/**
 * The six bottleneck domains, the facts the rules read, the rule interface and the report.
 */
import type { Tier } from '../../comm/links.js';
import type { CoolingId } from '../../datacenter/cooling/types.js';
import type { Precision } from '../../hardware/types.js';
import type { TrafficFlow } from '../traffic.js';
import type { Evidence } from './evidence.js';

export type { Evidence, EvidenceUnit, EvidenceValue } from './evidence.js';

export type Domain = 'compute' | 'memory' | 'network' | 'power' | 'cooling' | 'storage-reliability';

export const DOMAINS: readonly Domain[] = ['compute', 'memory', 'network', 'power', 'cooling', 'storage-reliability'];

/** Everything the rules read, derived once from the estimates (`facts.ts`). SI units. */
export interface BottleneckFacts {
  readonly compute: {
    readonly stepSeconds: number;
    /** Pure computation of the busiest rank per step [s]. */
    readonly computeSeconds: number;
    /** computeSeconds / stepSeconds. */
    readonly computeShare: number;
    /** Compute not bounded by HBM, over the step: computeShare · (1 − memoryBoundShare). */
    readonly tensorCoreShare: number;
    readonly mfu: number;
    readonly mfuBf16: number;
    readonly hfu: number;
    /** Recomputed FLOPs over model FLOPs: hardwareFlopsPerToken / modelFlopsPerToken − 1. */
    readonly recomputeFlopFraction: number;
    /** Step share spent re-running forward work: tensorCoreShare · r / (1 + r). */
    readonly recomputeStepShare: number;
    readonly precision: Precision;
    /** The run's GEMMs are 16-bit. */
    readonly sixteenBit: boolean;
    /** Dense FP8 peak over the dense peak at the run's precision (1 when already ≤ 8 bit or no FP8). */
    readonly fp8PeakRatio: number;
    readonly bubbleSeconds: number;
    readonly bubbleShare: number;
  };
  readonly memory: {
    readonly peakBytesPerGpu: number;
    readonly capacityBytes: number;
    /** peak / capacity. */
    readonly usedFraction: number;
    /** (capacity − peak) / capacity; negative when it does not fit. */
    readonly headroomFraction: number;
    readonly fits: boolean;
    readonly overByBytes: number;
    /** Share of compute time in HBM-bound ops (`memory-wall.ts`). */
    readonly memoryBoundShare: number;
    /** Share of compute time infinite HBM bandwidth would remove. */
    readonly hbmStallShare: number;
    /** HBM-bound compute over the step: computeShare · memoryBoundShare. */
    readonly memoryBoundStepShare: number;
    readonly hbmBandwidthBytesPerSec: number;
    /** Stored activations over the peak rank's total. */
    readonly activationsShare: number;
    /** Weights + gradients + optimizer states over the peak rank's total. */
    readonly statesShare: number;
  };
  readonly network: {
    /** Exposed communication seconds by parallelism (step report). */
    readonly exposed: { readonly tp: number; readonly ep: number; readonly cp: number; readonly dp: number; readonly pp: number };
    /** Exposed seconds per second of compute, by the tier of each parallelism's group. */
    readonly exposedPerCompute: { readonly scaleUp: number; readonly scaleOut: number; readonly total: number };
    /** Wire seconds per step / compute seconds, per tier (≥ 1: cannot be hidden even with full overlap). */
    readonly utilization: { readonly scaleUp: number; readonly scaleOut: number };
    /** Bytes per step / compute seconds, per tier: the bandwidth needed to hide the traffic [bytes/s]. */
    readonly demandBytesPerSec: { readonly scaleUp: number; readonly scaleOut: number };
    /** Effective per-GPU bandwidth of each tier for collectives [bytes/s]. */
    readonly bandwidthBytesPerSec: { readonly scaleUp: number; readonly scaleOut: number };
    readonly tiers: { readonly tp: Tier; readonly ep: Tier; readonly cp: Tier; readonly dp: Tier; readonly pp: Tier };
    readonly tp: number;
    readonly ep: number;
    readonly scaleUpDomainGpus: number;
    readonly flows: readonly TrafficFlow[];
  };
  readonly power: {
    /** Power of one full compute rack at nameplate [W]. */
    readonly rackWatts: number;
    readonly itNameplateWatts: number;
    /** Design-day facility power (the utility feed) [W]. */
    readonly facilityDesignWatts: number;
    readonly blockItWatts: number;
    readonly blocks: number;
    readonly itWattsPerGpu: number;
    readonly powerChainLossWattsPerItWatt: number;
    readonly hvdc: boolean;
    /** Most power the power chain practically feeds one rack [W] (datacenter POWER_CHAINS). */
    readonly rackFeedWatts: number;
    /** Utility feed available at the site [W] (datacenter.sitePowerMw), null when not given. */
    readonly sitePowerWatts: number | null;
  };
  readonly cooling: {
    readonly cooling: CoolingId;
    readonly maxRackWatts: number;
    readonly rackWatts: number;
    /** The reference design's rack (reference units per rack at unit power) [W]. */
    readonly referenceRackWatts: number;
    readonly unitsPerRack: number;
    readonly referenceUnitsPerRack: number;
    readonly limitedByCooling: boolean;
    readonly coolingWattsPerItWatt: number;
    readonly pue: number;
    /** Free-cooling share of the year at the site's climate [fraction]. */
    readonly freeCoolingFraction: number;
  };
  readonly reliability: {
    readonly mtbfHours: number;
    readonly checkpointBytes: number;
    readonly storageBandwidthBytesPerSec: number;
    readonly checkpointWriteSeconds: number;
    readonly checkpointIntervalSeconds: number;
    readonly restartSeconds: number;
    /** δ/τ: share of time spent writing checkpoints. */
    readonly checkpointShare: number;
    /** (τ/2 + R)/M: share lost to rework and restarts. */
    readonly failureShare: number;
    readonly lostFraction: number;
    readonly expectedFailures: number;
  };
}


/** One typed rule of the ordered decision list (`rules.ts`). */
export interface BottleneckRule {
  readonly id: string;
  readonly domain: Domain;
  /** One sentence: what the rule detects. */
  readonly describe: string;
  /** The score formula in words and symbols (README table). */
  readonly formula: string;
  applies(facts: BottleneckFacts): boolean;
  /** Severity in [0, 100] (clamped by the evaluator). */
  score(facts: BottleneckFacts): number;
  evidence(facts: BottleneckFacts): Evidence;
  readonly remedies: readonly string[];
}

/** A rule that fired, with its score and evidence. */
export interface Finding {
  readonly rule: string;
  readonly describe: string;
  readonly score: number;
  readonly evidence: Evidence;
  readonly remedies: readonly string[];
}

export interface DomainScore {
  readonly domain: Domain;
  /** max over the domain's applicable rules, in [0, 100]; 0 when none applies. */
  readonly score: number;
  /** The rule that set the score (the earliest in the list on a tie), or null. */
  readonly rule: string | null;
  readonly describe: string;
  readonly evidence: Evidence;
  /** Remedies of every fired rule, highest score first, without repeats. */
  readonly remedies: readonly string[];
  /** Every fired rule of the domain, in list order. */
  readonly findings: readonly Finding[];
}

export interface BottleneckReport {
  /** One entry per domain, in DOMAINS order. */
  readonly domains: readonly DomainScore[];
  /** The domain with the highest score (the first in DOMAINS order on a tie). */
  readonly worst: Domain;
  readonly stepSeconds: number;
  readonly mfu: number;
  readonly tokensPerSecondPerGpu: number;
  readonly memoryFits: boolean;
  readonly facts: BottleneckFacts;
}
