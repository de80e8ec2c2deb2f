/**
 * The building a scenario needs: data-center sizing (systems, racks, blocks, power, fabric,
 * redundancy), the modeled PUE and water use beside a traditional build's, capex and opex, the run's
 * facility energy, cost, carbon and water, the deployment timeline, a retrofit of an existing hall,
 * and pay-as-you-grow when the scenario gives a growth schedule. Composition of src/core/datacenter
 * and src/core/run; no formulas of its own.
 */
import { compareBlockSizes, type BlockSizeOption } from '../datacenter/block-sizes.js';
import type { CoolingId } from '../datacenter/cooling/types.js';
import { estimateCapex, estimateOpex, estimateRunEnergy, type CapexBreakdown, type OpexBreakdown, type RunEnergy } from '../datacenter/cost.js';
import { estimateFacilityPrice, type FacilityPrice } from '../datacenter/facility-price.js';
import { PUE_PRESETS, estimatePue, type PueBreakdown } from '../datacenter/pue.js';
import { planRetrofit, type RetrofitPlan } from '../datacenter/retrofit.js';
import type { Sourced } from '../datacenter/sourced.js';
import { defaultServerUsdPerGpu } from '../datacenter/system-prices.js';
import { estimateItWattsPerGpu, type DatacenterSizing } from '../datacenter/size.js';
import { estimateDeployment } from '../datacenter/deployment.js';
import { planGrowth, type GrowthPlan } from '../datacenter/timeline.js';
import { estimateWaterUse, type WaterUse } from '../datacenter/water.js';
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
  /** Site water (WUE, per year, whole run) of this design and of the traditional build. */
  readonly water: { readonly design: WaterUse; readonly traditional: WaterUse };
  /** Server price per GPU used for capex, with its source (per system, system-prices.ts). */
  readonly serverPrice: Sourced;
  /** Facility $/W of this design (modular blocks) and of a traditional hall with the same cooling and redundancy. */
  readonly facilityPrice: { readonly design: FacilityPrice; readonly traditional: FacilityPrice };
  readonly capex: CapexBreakdown;
  readonly opex: OpexBreakdown;
  /** The training run's energy at the facility (IT × PUE), energy cost and carbon. */
  readonly runEnergy: RunEnergy;
  /** Critical paths of a modular and a traditional build of this site (datacenter.site readiness). */
  readonly deployment: ReturnType<typeof estimateDeployment>;
  /** The same systems in existing 10 kW (and 20 kW) air halls. */
  readonly retrofit: RetrofitPlan;
  readonly growth: GrowthPlan | null;
  /** Pay-as-you-grow at block sizes from 250 kW to 2 MW and the scenario's own (with a growth schedule). */
  readonly blockSizes: readonly BlockSizeOption[] | null;
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
  const itJoules = estimate.run.energy.itJoules;
  const water = {
    design: estimateWaterUse(sizing.pue, sizing.power.itAverageWatts, itJoules),
    traditional: estimateWaterUse(traditional, sizing.power.itAverageWatts, itJoules),
  };
  const given = scenario.economics.capexUsdPerGpu;
  const serverPrice: Sourced = given === undefined ? defaultServerUsdPerGpu(scenario.cluster.accelerator) : { value: given, unit: 'USD per GPU', confidence: 'primary', source: 'economics.capexUsdPerGpu' };
  const priceInput = { cooling, blockItWatts: sizing.blocks.blockItWatts, redundancy: sizing.redundancy };
  const facilityPrice = { design: estimateFacilityPrice({ ...priceInput, style: 'modular' }), traditional: estimateFacilityPrice({ ...priceInput, style: 'traditional' }) };
  const capex = estimateCapex({ sizing, serverUsdPerGpu: serverPrice.value, facilityUsdPerItWatt: facilityPrice.design.usdPerItWatt });
  const electricity = scenario.economics.electricityUsdPerKwh;
  const opex = estimateOpex({ sizing, capex, ...(electricity === undefined ? {} : { electricityUsdPerKwh: electricity }) });
  const runEnergy = estimateRunEnergy({
    itEnergyJoules: itJoules,
    pue: sizing.pue.pue,
    ...(electricity === undefined ? {} : { electricityUsdPerKwh: electricity }),
    ...(scenario.economics.gridGramsCo2ePerKwh === undefined ? {} : { gridGramsCo2ePerKwh: scenario.economics.gridGramsCo2ePerKwh }),
  });
  const site = dc.site ?? {};
  const deployment = estimateDeployment({ facilityWatts: sizing.facility.designWatts, blocks: sizing.blocks.count, site });
  const growthTiming = {
    site,
    designPue: sizing.designPue.pue,
    ...(dc.growthHorizonMonth === undefined ? {} : { horizonMonth: dc.growthHorizonMonth }),
  };
  const growth = dc.growth === undefined ? null : planGrowth({
    ...growthTiming,
    schedule: dc.growth,
    itWattsPerGpu: sizing.power.itWattsPerGpu,
    gpusPerBlock: sizing.blocks.racksPerBlock * sizing.racks.unitsPerRack * sizing.systems.gpusPerUnit,
    blockItWatts: sizing.blocks.blockItWatts,
    modular: { facilityUsdPerItWatt: facilityPrice.design.usdPerItWatt },
    upFront: { facilityUsdPerItWatt: facilityPrice.traditional.usdPerItWatt },
  });
  const blockSizes = dc.growth === undefined ? null : compareBlockSizes({ sizing, cooling, redundancy: sizing.redundancy, growth: { ...growthTiming, schedule: dc.growth } });
  return { cooling, sizing, pue: { design: sizing.pue, traditional }, water, serverPrice, facilityPrice, capex, opex, runEnergy, deployment, retrofit: planRetrofit(sizing), growth, blockSizes };
}
