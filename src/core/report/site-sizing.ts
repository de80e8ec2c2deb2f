/**
 * The scenario's site sized from its `datacenter` section, and the site power cap
 * (`datacenter.sitePowerMw`) that `datacenter` enforces and `plan` filters GPU counts by.
 */
import { DEFAULT_REDUNDANCY } from '../datacenter/redundancy.js';
import { sizeDatacenter, type DatacenterInput, type DatacenterSizing } from '../datacenter/size.js';
import { InputError } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { scenarioPueInput } from './scenario-pue.js';

/** The scenario's fabric section in the names of `planFabric`. */
function fabricInput(f: NonNullable<Scenario['datacenter']['fabric']>): NonNullable<DatacenterInput['fabric']> {
  return {
    ...(f.type === undefined ? {} : { type: f.type }),
    ...(f.switch === undefined ? {} : { switchModel: f.switch }),
    ...(f.switchPorts === undefined ? {} : { switchPorts: f.switchPorts }),
    ...(f.rails === undefined ? {} : { railsPerNode: f.rails }),
    ...(f.planes === undefined ? {} : { planes: f.planes }),
    ...(f.oversubscription === undefined ? {} : { oversubscription: f.oversubscription }),
  };
}

/** Sizes the scenario's site; `averagePowerFraction` is the run's average over nameplate IT power. */
export function sizeScenarioSite(scenario: Scenario, averagePowerFraction?: number): DatacenterSizing {
  const dc = scenario.datacenter;
  const { cooling, climate, powerChain } = scenarioPueInput(scenario);
  return sizeDatacenter({
    accelerator: scenario.cluster.accelerator,
    gpus: scenario.cluster.gpus,
    cooling,
    climate,
    powerChain,
    ...(dc.blockMw === undefined ? {} : { blockItWatts: dc.blockMw * 1e6 }),
    ...(averagePowerFraction === undefined ? {} : { averagePowerFraction }),
    ...(dc.redundancy === undefined ? {} : { redundancy: { ...DEFAULT_REDUNDANCY, ...dc.redundancy } }),
    ...(dc.fabric === undefined ? {} : { fabric: fabricInput(dc.fabric) }),
  });
}

/** Refuses a design whose design-day facility power exceeds the site's utility feed. */
export function requireWithinSitePower(sitePowerMw: number | undefined, designWatts: number): void {
  if (sitePowerMw === undefined || designWatts <= sitePowerMw * 1e6) return;
  throw new InputError('datacenter.sitePowerMw', sitePowerMw, `the design needs ${(designWatts / 1e6).toFixed(2)} MW of facility power on a design day, above the ${sitePowerMw} MW site feed`);
}

/**
 * The GPU counts whose site fits `datacenter.sitePowerMw` (all of them without a cap); none fitting is
 * an InputError naming the cap and the smallest design's MW.
 */
export function gpuCountsWithinSitePower(scenario: Scenario, counts: readonly number[]): number[] {
  const cap = scenario.datacenter.sitePowerMw;
  if (cap === undefined) return [...counts];
  const design = (gpus: number): number => sizeScenarioSite({ ...scenario, cluster: { ...scenario.cluster, gpus } }).facility.designWatts;
  const fitting = counts.filter((g) => design(g) <= cap * 1e6);
  if (fitting.length > 0) return fitting;
  const smallest = Math.min(...counts);
  throw new InputError('datacenter.sitePowerMw', cap, `no GPU count searched fits: the smallest, ${smallest} GPUs, needs ${(design(smallest) / 1e6).toFixed(2)} MW of facility power on a design day, above the ${cap} MW site feed`);
}
