/**
 * Data-center sizing: GPUs → systems → racks → modular blocks → site; cooling, PUE, fabric, cost,
 * carbon and growth over time. Public manifest of src/core/datacenter.
 */
export type { Confidence, Sourced } from './sourced.js';
export {
  BUILD_TIME_RANGES,
  CLIMATE_FREE_COOLING,
  COOLING_ENERGY,
  COSTS,
  DEPLOYMENT,
  FABRIC,
  POWER_CHAIN,
  RACK_LIMITS,
  SIZING,
} from './defaults.js';
export type { MonthRange } from './defaults.js';
export { CLIMATES, createClimate } from './climate.js';
export type { Climate, ClimateId } from './climate.js';
export type { CoolingId, CoolingOverhead, CoolingTechnology } from './cooling/types.js';
export { COOLING, COOLING_IDS, isCoolingId } from './cooling/registry.js';
export { AIR_PATH, LIQUID_PATH, createCoolingTechnology, estimateCoolingOverhead } from './cooling/overhead.js';
export type { CoolingParams, PathEnergy } from './cooling/overhead.js';
export { POWER_CHAINS, estimatePowerChainLoss } from './power-chain.js';
export type { Distribution, PowerChain, PowerChainLoss } from './power-chain.js';
export { PUE_BANDS, PUE_PRESETS, estimateDesignPue, estimatePue } from './pue.js';
export type { PueBreakdown, PueInput, PuePresetId } from './pue.js';
export { compatibleCooling, planRacks } from './racks.js';
export type { FeasibleRackPlan, InfeasibleRackPlan, RackPlan } from './racks.js';
export { planFabric } from './network.js';
export type { FabricCost, FabricInput, FabricPlan } from './network.js';
export { DEEPSEEK_TABLE3, FABRIC_UNIT_PRICES, fitFabricUnitPrices, topologyCost } from './network-cost.js';
export type { FabricUnitPrices, TopologyCostRow } from './network-cost.js';
export { estimateItWattsPerGpu, racksPerBlock, sizeDatacenter } from './size.js';
export type { DatacenterInput, DatacenterSizing } from './size.js';
export { HOURS_PER_YEAR, JOULES_PER_KWH, estimateCapex, estimateOpex, estimateRunEnergy } from './cost.js';
export type { CapexBreakdown, CapexInput, OpexBreakdown, OpexInput, RunEnergy, RunEnergyInput, RunItEnergy } from './cost.js';
export { BUILD_PRICES, MAX_MONTHS, planGrowth } from './timeline.js';
export { COOLING_CAPEX, LIQUID_SHARE, REDUNDANCY, RETROFIT, SITE_COSTS, WATER } from './defaults-site.js';
export { DEFAULT_REDUNDANCY, REDUNDANCY_LEVELS, planRedundancy, redundancyFactor } from './redundancy.js';
export type { Redundancy, RedundancyLevel, RedundancyPlan } from './redundancy.js';
export { estimateFacilityPrice } from './facility-price.js';
export type { BuildStyleId, FacilityPrice, FacilityPriceInput } from './facility-price.js';
export { estimateWaterUse, estimateWue } from './water.js';
export type { WaterUse } from './water.js';
export { planRetrofit } from './retrofit.js';
export { BLOCK_SIZE_OPTIONS_WATTS, MAX_COMPARED_BLOCKS, compareBlockSizes } from './block-sizes.js';
export type { BlockSizeInput, BlockSizeOption } from './block-sizes.js';
export type { RetrofitPlan, RetrofitRow } from './retrofit.js';
export { estimateDeployment, planModularDeployment, planTraditionalDeployment } from './deployment.js';
export type { DeploymentInput, DeploymentPlan, DeploymentTask, SiteReadiness } from './deployment.js';
export { SWITCHES, SWITCH_IDS, FABRIC_TYPES } from './switches.js';
export type { FabricType, SwitchId, SwitchModel } from './switches.js';
export { SYSTEM_PRICES, defaultServerUsdPerGpu } from './system-prices.js';
export type { BlockOrder, BuildStyle, CapexPoint, GrowthInput, GrowthPlan, GrowthStep, MonthState, StrategySummary } from './timeline.js';
export { MAX_GPUS, MAX_WATTS } from './validate.js';
