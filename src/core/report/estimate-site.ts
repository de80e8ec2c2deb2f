/**
 * The building a scenario needs: data-center sizing (systems, racks, blocks, power, fabric), the
 * modeled PUE beside a traditional build's, capex and opex, the run's facility energy, cost and
 * carbon, and the deployment timeline with pay-as-you-grow when the scenario gives a growth
 * schedule. Composition of src/core/datacenter and src/core/run; no formulas of its own.
 */
import type { CoolingId } from '../datacenter/cooling/types.js';
import { estimateCapex, estimateOpex, estimateRunEnergy, type CapexBreakdown, type OpexBreakdown, type RunEnergy } from '../datacenter/cost.js';
import { PUE_PRESETS, estimatePue, type PueBreakdown } from '../datacenter/pue.js';
import type { Sourced } from '../datacenter/sourced.js';
import { defaultServerUsdPerGpu } from '../datacenter/system-prices.js';
import { estimateItWattsPerGpu, type DatacenterSizing } from '../datacenter/size.js';
import { estimateDeployment } from '../datacenter/deployment.js';
import { planGrowth, type GrowthPlan } from '../datacenter/timeline.js';
import { inUserTerms, type UserField } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import type { ScenarioEstimate } from './estimate-scenario.js';
import { scenarioPueInput } from './scenario-pue.js';
import { requireWithinSitePower, sizeScenarioSite } from './site-sizing.js';

export interface SiteEstimate {
  readonly cooling: CoolingId;
  readonly sizing: DatacenterSizing;
  /** PUE of this design and of a traditional air-cooled, legacy-AC build of the same IT load in the same climate. */
  readonly pue: { readonly design: PueBreakdown; readonly traditional: PueBreakdown };
  /** Server price per GPU used for capex, with its source (per system, system-prices.ts). */
  readonly serverPrice: Sourced;
  readonly capex: CapexBreakdown;
  readonly opex: OpexBreakdown;
  /** The training run's energy at the facility (IT × PUE), energy cost and carbon. */
  readonly runEnergy: RunEnergy;
  /** Critical paths of a modular and a traditional build of this site (datacenter.site readiness). */
  readonly deployment: ReturnType<typeof estimateDeployment>;
  readonly growth: GrowthPlan | null;
}

/**
 * The sizing inputs as the scenario names them: `datacenter.blockMw` in MW, the growth schedule's
 * steps, the GPU count.
 */
const SITE_FIELDS: Readonly<Record<string, UserField>> = {
  blockItWatts: { field: 'datacenter.blockMw', toUserUnit: (watts) => watts / 1e6 },
  gpus: { field: 'cluster.gpus' },
  'schedule*': { field: 'datacenter.growth' },
};

/** Sizes the site of `scenario`; `estimate` gives the run's IT energy and average power. */
export function estimateSite(scenario: Scenario, estimate: ScenarioEstimate): SiteEstimate {
  return inUserTerms(SITE_FIELDS, () => siteOf(scenario, estimate));
}

function siteOf(scenario: Scenario, estimate: ScenarioEstimate): SiteEstimate {
  const dc = scenario.datacenter;
  const { cooling, climate } = scenarioPueInput(scenario);
  // Average over nameplate IT power per GPU (host and network share included on both sides).
  const averagePowerFraction = Math.min(1, estimate.run.energy.avgWattsPerGpu / estimateItWattsPerGpu(scenario.cluster.accelerator));
  const sizing = sizeScenarioSite(scenario, averagePowerFraction);
  requireWithinSitePower(dc.sitePowerMw, sizing.facility.designWatts);
  // The traditional baseline stands on the same site: the design's climate, air and a legacy AC chain.
  const traditional = estimatePue({ ...PUE_PRESETS.traditional, climate });
  const given = scenario.economics.capexUsdPerGpu;
  const serverPrice: Sourced = given === undefined ? defaultServerUsdPerGpu(scenario.cluster.accelerator) : { value: given, unit: 'USD per GPU', confidence: 'primary', source: 'economics.capexUsdPerGpu' };
  const capex = estimateCapex({ sizing, serverUsdPerGpu: serverPrice.value });
  const electricity = scenario.economics.electricityUsdPerKwh;
  const opex = estimateOpex({ sizing, capex, ...(electricity === undefined ? {} : { electricityUsdPerKwh: electricity }) });
  const runEnergy = estimateRunEnergy({
    itEnergyJoules: estimate.run.energy.itJoules,
    pue: sizing.pue.pue,
    ...(electricity === undefined ? {} : { electricityUsdPerKwh: electricity }),
    ...(scenario.economics.gridGramsCo2ePerKwh === undefined ? {} : { gridGramsCo2ePerKwh: scenario.economics.gridGramsCo2ePerKwh }),
  });
  const deployment = estimateDeployment({ facilityWatts: sizing.facility.designWatts, blocks: sizing.blocks.count, site: dc.site ?? {} });
  const growth = dc.growth === undefined ? null : planGrowth({
    schedule: dc.growth,
    itWattsPerGpu: sizing.power.itWattsPerGpu,
    gpusPerBlock: sizing.blocks.racksPerBlock * sizing.racks.unitsPerRack * sizing.systems.gpusPerUnit,
    ...(dc.growthHorizonMonth === undefined ? {} : { horizonMonth: dc.growthHorizonMonth }),
    ...(dc.blockMw === undefined ? {} : { blockItWatts: dc.blockMw * 1e6 }),
  });
  return { cooling, sizing, pue: { design: sizing.pue, traditional }, serverPrice, capex, opex, runEnergy, deployment, growth };
}
