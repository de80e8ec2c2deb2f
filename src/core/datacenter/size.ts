/**
 * GPUs → system units → racks → modular blocks → site, with IT and facility power and the fabric.
 *
 *  1. units = ⌈gpus / GPUs per unit⌉ (DGX: 8, NVL72 rack: 72); installed GPUs = units · GPUs per unit
 *  2. racks: units per rack under the cooling limit (racks.ts); compute racks = ⌈units / per rack⌉;
 *     support racks (network, storage, management) = ⌈GPUs · 6/1,024⌉ (H100 RA Table 7, defaults.ts)
 *  3. IT power [W]: compute = units · unit max power (§2.1 nameplate); support = compute · 0.25 (GB200
 *     RA 1.2 MW per 8-rack SU, defaults.ts); average = nameplate · average power fraction
 *  4. blocks: whole racks per block = ⌊block IT W / (rack W · (1 + support))⌋; blocks = ⌈racks / that⌉
 *     ("all packed in one block" — compute, power, cooling pre-integrated; site = more blocks)
 *  5. facility [W]: design = IT nameplate · design-day PUE (no free cooling); average = IT average · PUE;
 *     installed power and cooling = design W and IT heat · the redundancy factor (redundancy.ts)
 */
import { InputError } from '../errors.js';
import type { Accelerator } from '../hardware/types.js';
import type { Climate } from './climate.js';
import { CLIMATES } from './climate.js';
import { COOLING, COOLING_IDS } from './cooling/registry.js';
import type { CoolingId } from './cooling/types.js';
import { COOLING_ENERGY, SIZING } from './defaults.js';
import type { FabricInput, FabricPlan } from './network.js';
import { planFabric } from './network.js';
import type { PowerChain } from './power-chain.js';
import { POWER_CHAINS } from './power-chain.js';
import type { PueBreakdown, PueInput } from './pue.js';
import { estimateDesignPue, estimatePue } from './pue.js';
import type { FeasibleRackPlan } from './racks.js';
import { compatibleCooling, planRacks } from './racks.js';
import { DEFAULT_REDUNDANCY, planRedundancy, type Redundancy, type RedundancyPlan } from './redundancy.js';
import { MAX_GPUS, MAX_WATTS, requireFraction, requireNonNegative, requirePositive, requirePositiveInteger } from './validate.js';

export interface DatacenterInput {
  readonly accelerator: Accelerator;
  readonly gpus: number;
  readonly cooling: CoolingId;
  /** Default: temperate. */
  readonly climate?: Climate;
  /** Default: modern AC (a modular block's power skid). */
  readonly powerChain?: PowerChain;
  readonly miscWattsPerItWatt?: number;
  /** IT capacity of one modular block [W] (default 2 MW, §4.3). */
  readonly blockItWatts?: number;
  /** Average / nameplate IT power (default 1). */
  readonly averagePowerFraction?: number;
  /** Network/storage/management IT power per compute watt (default 0.25, GB200 RA). */
  readonly supportItFraction?: number;
  /** Network/storage/management racks per GPU (default 6/1,024, H100 RA Table 7). */
  readonly supportRacksPerGpu?: number;
  /** Power and cooling redundancy (default N+1 each, redundancy.ts). */
  readonly redundancy?: Redundancy;
  /** Fabric options; rails default to one per GPU of a node. */
  readonly fabric?: Omit<FabricInput, 'nodes' | 'railsPerNode'> & { readonly railsPerNode?: number };
}

export interface DatacenterSizing {
  readonly gpusRequested: number;
  readonly gpusInstalled: number;
  readonly systems: { readonly name: string; readonly gpusPerUnit: number; readonly unitWatts: number; readonly units: number };
  /** Fabric endpoints' nodes: ⌈installed GPUs / GPUs per node⌉. */
  readonly nodes: number;
  readonly racks: FeasibleRackPlan & {
    readonly computeRacks: number;
    readonly supportRacks: number;
    readonly totalRacks: number;
    /** White space the racks stand on: total racks · m² per rack (SIZING.whiteSpaceM2PerRack) [m²]. */
    readonly floorAreaM2: number;
  };
  readonly power: {
    readonly computeWatts: number;
    readonly supportWatts: number;
    readonly itNameplateWatts: number;
    readonly itAverageWatts: number;
    /** IT nameplate per installed GPU, support share included [W]. */
    readonly itWattsPerGpu: number;
  };
  readonly pue: PueBreakdown;
  readonly designPue: PueBreakdown;
  readonly facility: { readonly designWatts: number; readonly averageWatts: number };
  /** Installed power and cooling capacity under the redundancy choice. */
  readonly redundancy: RedundancyPlan;
  readonly blocks: {
    readonly blockItWatts: number;
    readonly racksPerBlock: number;
    readonly count: number;
    /** IT capacity built: count · block size [W]. */
    readonly builtItWatts: number;
    /** Design facility power of one block [W]. */
    readonly blockFacilityDesignWatts: number;
    /** Share of the built IT capacity the cluster uses at nameplate. */
    readonly fillFraction: number;
  };
  readonly fabric: FabricPlan;
}

function requireRackPlan(accelerator: Accelerator, cooling: CoolingId): FeasibleRackPlan {
  const plan = planRacks(accelerator, cooling);
  if (plan.feasible) return plan;
  const options = compatibleCooling(accelerator, COOLING_IDS).join(', ') || 'none';
  throw new InputError('cooling', cooling, `${plan.reason}; options that fit: ${options}`);
}

interface BlockPlan {
  readonly racksPerBlock: number;
  readonly count: number;
}

/** Whole racks one block holds with their support share (step 4 of the header); may be 0. */
export function racksPerBlock(blockItWatts: number, rackWatts: number, supportItFraction: number): number {
  return Math.floor(blockItWatts / (rackWatts * (1 + supportItFraction)));
}

/** Whole racks per block, and blocks for the compute racks (step 4 of the header). */
function planBlocks(blockItWatts: number, rackWatts: number, support: number, computeRacks: number): BlockPlan {
  const perBlock = racksPerBlock(blockItWatts, rackWatts, support);
  if (perBlock < 1) {
    throw new InputError('blockItWatts', blockItWatts, `must hold at least one rack with its support share (${rackWatts * (1 + support)} W)`);
  }
  return { racksPerBlock: perBlock, count: Math.ceil(computeRacks / perBlock) };
}

function resolvePueInput(input: DatacenterInput): PueInput {
  return {
    cooling: input.cooling,
    climate: input.climate ?? CLIMATES.temperate,
    powerChain: input.powerChain ?? POWER_CHAINS.modernAc,
    miscWattsPerItWatt: input.miscWattsPerItWatt ?? COOLING_ENERGY.miscModular.value,
    liquidHeatFraction: COOLING[input.cooling].liquidHeatFractionFor(input.accelerator.system),
  };
}

/** Size the data center for a GPU count, a system type and a cooling technology. */
export function sizeDatacenter(input: DatacenterInput): DatacenterSizing {
  const { accelerator } = input;
  const gpus = requirePositiveInteger('gpus', input.gpus, MAX_GPUS);
  const gpusPerUnit = requirePositiveInteger('accelerator.system.gpus', accelerator.system.gpus, 4096);
  const gpusPerNode = requirePositiveInteger('accelerator.gpusPerNode', accelerator.gpusPerNode, 4096);
  const blockItWatts = requirePositive('blockItWatts', input.blockItWatts ?? SIZING.blockItWatts.value, MAX_WATTS);
  const averageFraction = requireFraction('averagePowerFraction', input.averagePowerFraction ?? SIZING.averagePowerFraction.value);
  const support = requireNonNegative('supportItFraction', input.supportItFraction ?? SIZING.supportItFraction.value, 1);
  const supportRacksPerGpu = requireNonNegative('supportRacksPerGpu', input.supportRacksPerGpu ?? SIZING.supportRacksPerGpu.value, 1);
  const rack = requireRackPlan(accelerator, input.cooling);

  const units = Math.ceil(gpus / gpusPerUnit);
  const gpusInstalled = units * gpusPerUnit;
  const nodes = Math.ceil(gpusInstalled / gpusPerNode);
  const fabric = planFabric({ ...input.fabric, nodes, railsPerNode: input.fabric?.railsPerNode ?? gpusPerNode });
  const computeRacks = Math.ceil(units / rack.unitsPerRack);
  // Round before the ceiling so 1,024 · 6/1,024 gives 6, not 7 from float noise.
  const supportRacks = Math.ceil(Number((gpusInstalled * supportRacksPerGpu).toFixed(9)));

  const computeWatts = units * accelerator.system.powerWatts;
  const itNameplateWatts = computeWatts * (1 + support);
  if (itNameplateWatts > MAX_WATTS) throw new InputError('gpus', gpus, `needs ${itNameplateWatts / 1e9} GW of IT, above the ${MAX_WATTS / 1e9} GW sanity limit`);
  const pue = estimatePue(resolvePueInput(input));
  const designPue = estimateDesignPue(resolvePueInput(input));
  const blocks = planBlocks(blockItWatts, rack.rackWatts, support, computeRacks);
  return {
    gpusRequested: gpus,
    gpusInstalled,
    systems: { name: accelerator.system.name, gpusPerUnit, unitWatts: accelerator.system.powerWatts, units },
    nodes,
    racks: { ...rack, computeRacks, supportRacks, totalRacks: computeRacks + supportRacks, floorAreaM2: (computeRacks + supportRacks) * SIZING.whiteSpaceM2PerRack.value },
    power: {
      computeWatts,
      supportWatts: computeWatts * support,
      itNameplateWatts,
      itAverageWatts: itNameplateWatts * averageFraction,
      itWattsPerGpu: itNameplateWatts / gpusInstalled,
    },
    pue,
    designPue,
    facility: { designWatts: itNameplateWatts * designPue.pue, averageWatts: itNameplateWatts * averageFraction * pue.pue },
    redundancy: planRedundancy(input.redundancy ?? DEFAULT_REDUNDANCY, itNameplateWatts * designPue.pue, itNameplateWatts),
    blocks: {
      blockItWatts,
      ...blocks,
      builtItWatts: blocks.count * blockItWatts,
      blockFacilityDesignWatts: blockItWatts * designPue.pue,
      fillFraction: itNameplateWatts / (blocks.count * blockItWatts),
    },
    fabric,
  };
}

/** IT nameplate power per GPU, support share included [W] — the unit of growth planning. */
export function estimateItWattsPerGpu(accelerator: Accelerator, supportItFraction: number = SIZING.supportItFraction.value): number {
  const unitWatts = requirePositive('accelerator.system.powerWatts', accelerator.system.powerWatts);
  const gpusPerUnit = requirePositiveInteger('accelerator.system.gpus', accelerator.system.gpus);
  return (unitWatts / gpusPerUnit) * (1 + requireNonNegative('supportItFraction', supportItFraction, 1));
}
