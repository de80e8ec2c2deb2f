/**
 * Options of the analysis: the assumptions of every model it runs (step, memory, data center,
 * goodput), all optional, defaults as each model documents them.
 */
import type { GoodputOptions } from '../run/goodput.js';
import type { Climate } from '../datacenter/climate.js';
import type { CoolingId } from '../datacenter/cooling/types.js';
import type { PowerChain } from '../datacenter/power-chain.js';
import type { EstimateMemoryOptions } from '../memory/types.js';
import type { StepOptions } from '../step/options.js';

/** The building the cluster runs in (the scenario does not say; these are the analysis' choices). */
export interface SiteOptions {
  /**
   * Cooling technology. Default: the first of air, rear-door, direct-to-chip, immersion that holds the
   * reference rack at full density, else the first that holds one unit (`defaultCooling`).
   */
  readonly cooling?: CoolingId;
  /** Default: temperate (datacenter CLIMATES). */
  readonly climate?: Climate;
  /** Default: modern AC (datacenter POWER_CHAINS.modernAc). */
  readonly powerChain?: PowerChain;
  /** IT capacity of one modular block [W]. Default 2 MW (datacenter SIZING). */
  readonly blockItWatts?: number;
}

export interface AnalysisOptions {
  /** Step-time assumptions. Default DEFAULT_STEP_OPTIONS. */
  readonly step?: StepOptions;
  /** Memory-model options. Default {} (the micro-batch search is always switched off here). */
  readonly memory?: EstimateMemoryOptions;
  readonly site?: SiteOptions;
  /** Failure rate, checkpoint bandwidth, restart. Default: run/goodput defaults (Llama 3 calibration). */
  readonly goodput?: GoodputOptions;
}
