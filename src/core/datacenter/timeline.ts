/**
 * Pay-as-you-grow over time. Lead times come from the deployment critical path (deployment.ts), the
 * one owner of build durations:
 *  modular, first block = ⌈modular path of one block at the site's readiness⌉ (grid and permits if
 *           not in hand); later blocks = ⌈the same path on a site that now has power and permits⌉
 *  up front = ⌈traditional path of the whole site (all blocks) at the site's readiness⌉
 *
 * planGrowth, on a monthly grid (month 0 = today, nothing can be ordered earlier):
 *  demand d(m) [W] = GPUs of the last schedule step at or before m · IT watts per GPU
 *  blocks(m) = ⌈GPUs(m) / GPUs per block⌉ by rack packing (size.ts), or ⌈d/B⌉ by power alone
 *  modular: block i (0-based) is needed at the first month with blocks(m) > i; ordered at
 *           max(0, needed − lead); online at order + lead; capex paid at order
 *  up front: all blocks ordered at max(0, first need − lead), online lead months later
 *  shared site cost = shared fraction · $/W · all blocks' W (substation, grid connection, site work;
 *           C&W "site" 10 %), paid at the first order in both strategies; each block pays the rest
 *  stranded [W·month] = Σ_m max(0, built(m) − d(m));  unmet [W·month] = Σ_m max(0, d(m) − built(m))
 * Both strategies build the same blocks, so when neither is late, stranded(modular) ≤ stranded(up front).
 */
import { InputError } from '../errors.js';
import { COSTS, SIZING } from './defaults.js';
import { SITE_COSTS } from './defaults-site.js';
import { planModularDeployment, planTraditionalDeployment, type SiteReadiness } from './deployment.js';
import { MAX_GPUS, MAX_WATTS, requireNonNegative, requireNonNegativeInteger, requirePositive, requirePositiveInteger } from './validate.js';

/** Longest plan accepted [months]: 100 years. */
export const MAX_MONTHS = 1200;

export interface BuildStyle {
  /** Months from order to IT-ready (default: the deployment critical path, header). */
  readonly leadMonths: number;
  /** Facility capex per IT watt, shared site part included [USD/W]. */
  readonly facilityUsdPerItWatt: number;
}

/** Facility prices of the two strategies when the caller gives none (COSTS, §4.4). */
export const BUILD_PRICES = {
  modular: COSTS.modularFacilityUsdPerItWatt.value,
  traditional: COSTS.traditionalFacilityUsdPerItWatt.value,
} as const;

/** A site that already has its grid connection and permits. */
const READY_SITE: SiteReadiness = { powerAvailable: true, permitted: true };

export interface GrowthStep {
  readonly month: number;
  /** GPUs that must be online from this month on. */
  readonly gpus: number;
}

export interface GrowthInput {
  readonly schedule: readonly GrowthStep[];
  /** IT nameplate per GPU, support share included [W] (size.ts estimateItWattsPerGpu). */
  readonly itWattsPerGpu: number;
  readonly blockItWatts?: number;
  readonly modular?: Partial<BuildStyle>;
  /** The build-everything-first strategy (default: a traditional build). */
  readonly upFront?: Partial<BuildStyle>;
  /**
   * GPUs one block holds by rack packing (racks per block · systems per rack · GPUs per system, as
   * size.ts packs them). Default: by power alone, block W / W per GPU.
   */
  readonly gpusPerBlock?: number;
  /** First month not counted (default: last schedule month + 1). */
  readonly horizonMonth?: number;
  /** Readiness of the site for the first block and the up-front build (default: ready). */
  readonly site?: SiteReadiness;
  /** Design-day PUE: block facility W = block IT W · PUE, for the deployment durations (default 1). */
  readonly designPue?: number;
  /** Share of facility capex shared by all blocks, paid at the first order (default SITE_COSTS, 10 %). */
  readonly sharedSiteFraction?: number;
}

export interface BlockOrder {
  readonly index: number;
  readonly neededMonth: number;
  readonly orderMonth: number;
  readonly onlineMonth: number;
  /** Months the block comes online after it was needed (0 when on time). */
  readonly delayMonths: number;
  readonly capexUsd: number;
}

export interface CapexPoint {
  readonly month: number;
  readonly capexUsd: number;
  readonly cumulativeUsd: number;
}

export interface StrategySummary {
  readonly blocks: number;
  /** Months from order to online: of the first block, and of each later one. */
  readonly firstLeadMonths: number;
  readonly leadMonths: number;
  /** Substation, grid connection and site work, paid once at the first order [USD]. */
  readonly sharedSiteUsd: number;
  readonly firstOnlineMonth: number;
  readonly capexByMonth: readonly CapexPoint[];
  readonly totalCapexUsd: number;
  /** Built but unused IT capacity summed over months [W·month]. */
  readonly strandedItWattMonths: number;
  /** Demand not yet served summed over months [W·month]. */
  readonly unmetItWattMonths: number;
}

export interface MonthState {
  readonly month: number;
  readonly demandItWatts: number;
  readonly modularItWatts: number;
  readonly upFrontItWatts: number;
}

export interface GrowthPlan {
  readonly blockItWatts: number;
  readonly horizonMonth: number;
  readonly blockOrders: readonly BlockOrder[];
  readonly months: readonly MonthState[];
  readonly modular: StrategySummary;
  readonly upFront: StrategySummary;
}

function validateSchedule(schedule: readonly GrowthStep[]): void {
  if (schedule.length === 0) throw new InputError('schedule', schedule, 'must list at least one {month, gpus} step');
  schedule.forEach((step, i) => {
    requireNonNegativeInteger(`schedule[${i}].month`, step.month, MAX_MONTHS);
    requireNonNegativeInteger(`schedule[${i}].gpus`, step.gpus, MAX_GPUS);
    const prev = schedule[i - 1];
    if (prev && step.month <= prev.month) throw new InputError(`schedule[${i}].month`, step.month, `must be after the previous step's month ${prev.month}`);
    if (prev && step.gpus < prev.gpus) throw new InputError(`schedule[${i}].gpus`, step.gpus, `must not fall below the previous step's ${prev.gpus} (blocks are never retired)`);
  });
  if (schedule.every((s) => s.gpus === 0)) throw new InputError('schedule', schedule, 'must ask for at least one GPU');
}

/** Lead times from the deployment critical path (header), unless the caller gives one. */
interface Leads {
  readonly first: number;
  readonly later: number;
}

function modularLeads(given: number | undefined, blockFacilityWatts: number, site: SiteReadiness): Leads {
  if (given !== undefined) {
    const lead = requireNonNegativeInteger('modular.leadMonths', given, MAX_MONTHS);
    return { first: lead, later: lead };
  }
  const months = (readiness: SiteReadiness): number => Math.ceil(planModularDeployment({ facilityWatts: blockFacilityWatts, blocks: 1, site: readiness }).months - 1e-9);
  return { first: months(site), later: months(READY_SITE) };
}

function upFrontLead(given: number | undefined, blocks: number, blockFacilityWatts: number, site: SiteReadiness): number {
  if (given !== undefined) return requireNonNegativeInteger('upFront.leadMonths', given, MAX_MONTHS);
  return Math.ceil(planTraditionalDeployment({ facilityWatts: blocks * blockFacilityWatts, blocks, site }).months - 1e-9);
}

function price(field: string, given: number | undefined, fallback: number): number {
  return requireNonNegative(`${field}.facilityUsdPerItWatt`, given ?? fallback, 1000);
}

/** Demand per month [W] on [0, horizon). */
function demandByMonth(schedule: readonly GrowthStep[], wattsPerGpu: number, horizon: number): number[] {
  const out: number[] = [];
  let gpus = 0;
  let next = 0;
  for (let m = 0; m < horizon; m += 1) {
    while (next < schedule.length && (schedule[next]?.month ?? Infinity) <= m) gpus = schedule[next++]?.gpus ?? gpus;
    out.push(gpus * wattsPerGpu);
  }
  return out;
}

function orderModularBlocks(demand: readonly number[], blocksFor: (watts: number) => number, blockUsd: number, leads: Leads): BlockOrder[] {
  const orders: BlockOrder[] = [];
  demand.forEach((d, month) => {
    for (let i = orders.length; i < blocksFor(d); i += 1) {
      const lead = i === 0 ? leads.first : leads.later;
      const orderMonth = Math.max(0, month - lead);
      const onlineMonth = orderMonth + lead;
      orders.push({ index: i, neededMonth: month, orderMonth, onlineMonth, delayMonths: onlineMonth - month, capexUsd: blockUsd });
    }
  });
  return orders;
}

function summarize(orders: readonly BlockOrder[], built: readonly number[], demand: readonly number[], leads: Leads, sharedSiteUsd: number): StrategySummary {
  const byMonth = new Map<number, number>();
  const firstOrder = orders.reduce((m, o) => Math.min(m, o.orderMonth), Infinity);
  byMonth.set(firstOrder, sharedSiteUsd);
  for (const o of orders) byMonth.set(o.orderMonth, (byMonth.get(o.orderMonth) ?? 0) + o.capexUsd);
  let cumulativeUsd = 0;
  const capexByMonth = [...byMonth.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, capexUsd]) => ({ month, capexUsd, cumulativeUsd: (cumulativeUsd += capexUsd) }));
  let stranded = 0;
  let unmet = 0;
  built.forEach((b, m) => {
    const d = demand[m] ?? 0;
    stranded += Math.max(0, b - d);
    unmet += Math.max(0, d - b);
  });
  const firstOnlineMonth = orders.reduce((m, o) => Math.min(m, o.onlineMonth), Infinity);
  return { blocks: orders.length, firstLeadMonths: leads.first, leadMonths: leads.later, sharedSiteUsd, firstOnlineMonth, capexByMonth, totalCapexUsd: cumulativeUsd, strandedItWattMonths: stranded, unmetItWattMonths: unmet };
}

function builtByMonth(orders: readonly BlockOrder[], blockW: number, horizon: number): number[] {
  const onlineAt = new Array<number>(horizon).fill(0);
  for (const o of orders) if (o.onlineMonth < horizon) onlineAt[o.onlineMonth] = (onlineAt[o.onlineMonth] ?? 0) + 1;
  let online = 0;
  return onlineAt.map((n) => (online += n) * blockW);
}

/** Pay-as-you-grow vs build-it-all-up-front for a GPU growth schedule (formulas in the file header). */
export function planGrowth(input: GrowthInput): GrowthPlan {
  validateSchedule(input.schedule);
  const wattsPerGpu = requirePositive('itWattsPerGpu', input.itWattsPerGpu, 1e6);
  const blockW = requirePositive('blockItWatts', input.blockItWatts ?? SIZING.blockItWatts.value, MAX_WATTS);
  const blockFacilityW = blockW * requirePositive('designPue', input.designPue ?? 1, 10);
  const shared = requireNonNegative('sharedSiteFraction', input.sharedSiteFraction ?? SITE_COSTS.sharedSiteFraction.value, 1);
  const site = input.site ?? READY_SITE;
  const last = input.schedule[input.schedule.length - 1]?.month ?? 0;
  const horizon = requirePositiveInteger('horizonMonth', input.horizonMonth ?? last + 1, MAX_MONTHS + 1);
  if (horizon <= last) throw new InputError('horizonMonth', horizon, `must be after the last schedule month ${last}`);

  const demand = demandByMonth(input.schedule, wattsPerGpu, horizon);
  const gpusPerBlock = input.gpusPerBlock === undefined ? null : requirePositiveInteger('gpusPerBlock', input.gpusPerBlock, MAX_GPUS);
  // Round before the ceiling so float noise in watts / (W per GPU) cannot add a block.
  const blocksFor = (watts: number): number => (gpusPerBlock === null ? Math.ceil(watts / blockW) : Math.ceil(Number((watts / wattsPerGpu).toFixed(6)) / gpusPerBlock));
  const blocks = blocksFor(demand.reduce((m, d) => Math.max(m, d), 0));
  const modularUsdPerW = price('modular', input.modular?.facilityUsdPerItWatt, BUILD_PRICES.modular);
  const upFrontUsdPerW = price('upFront', input.upFront?.facilityUsdPerItWatt, BUILD_PRICES.traditional);
  const modularLead = modularLeads(input.modular?.leadMonths, blockFacilityW, site);
  const upFrontLeadMonths = upFrontLead(input.upFront?.leadMonths, blocks, blockFacilityW, site);
  const modularOrders = orderModularBlocks(demand, blocksFor, blockW * modularUsdPerW * (1 - shared), modularLead);
  const firstNeed = demand.findIndex((d) => d > 0);
  const upFrontOrder = Math.max(0, firstNeed - upFrontLeadMonths);
  const upFrontOrders = modularOrders.map((o) => ({
    ...o,
    neededMonth: firstNeed,
    orderMonth: upFrontOrder,
    onlineMonth: upFrontOrder + upFrontLeadMonths,
    delayMonths: upFrontOrder + upFrontLeadMonths - firstNeed,
    capexUsd: blockW * upFrontUsdPerW * (1 - shared),
  }));
  const modularBuilt = builtByMonth(modularOrders, blockW, horizon);
  const upFrontBuilt = builtByMonth(upFrontOrders, blockW, horizon);
  const siteW = blocks * blockW;
  return {
    blockItWatts: blockW,
    horizonMonth: horizon,
    blockOrders: modularOrders,
    months: demand.map((d, month) => ({ month, demandItWatts: d, modularItWatts: modularBuilt[month] ?? 0, upFrontItWatts: upFrontBuilt[month] ?? 0 })),
    modular: summarize(modularOrders, modularBuilt, demand, modularLead, siteW * modularUsdPerW * shared),
    upFront: summarize(upFrontOrders, upFrontBuilt, demand, { first: upFrontLeadMonths, later: upFrontLeadMonths }, siteW * upFrontUsdPerW * shared),
  };
}
