/**
 * Block size weighed for pay-as-you-grow: the same growth schedule planned with blocks from 250 kW
 * to 2 MW (§4.3 datacentres.com: "IT capacity: 200 kW to 2 MW per module") and the scenario's own.
 * Small blocks strand less capacity but cost more per watt (edge price ≤ 1 MW, SITE_COSTS) and cannot
 * defer the shared site cost (substation, grid connection); large blocks buy capacity early.
 *
 *   GPUs per block = racks per block (size.ts) · systems per rack · GPUs per system
 *   per size: planGrowth with that block, priced by estimateFacilityPrice
 * A size that holds no rack is left out, and so is one that would take more than 10,000 blocks (a
 * 2.5 GW site of 250 kW blocks is not a choice anyone weighs; it also keeps the plan fast).
 */
import type { CoolingId } from './cooling/types.js';
import { estimateFacilityPrice } from './facility-price.js';
import type { Redundancy } from './redundancy.js';
import { racksPerBlock, type DatacenterSizing } from './size.js';
import { planGrowth, type GrowthInput } from './timeline.js';

/** Block sizes compared [W of IT]. */
export const BLOCK_SIZE_OPTIONS_WATTS: readonly number[] = [250e3, 500e3, 1e6, 2e6];

/** Most blocks a compared size may take. */
export const MAX_COMPARED_BLOCKS = 10_000;

export interface BlockSizeOption {
  readonly blockItWatts: number;
  readonly edge: boolean;
  readonly facilityUsdPerItWatt: number;
  readonly blocks: number;
  readonly sharedSiteUsd: number;
  readonly totalCapexUsd: number;
  readonly strandedItWattMonths: number;
  readonly unmetItWattMonths: number;
}

export interface BlockSizeInput {
  readonly sizing: DatacenterSizing;
  readonly cooling: CoolingId;
  readonly redundancy: Redundancy;
  readonly growth: Pick<GrowthInput, 'schedule' | 'horizonMonth' | 'site' | 'designPue'>;
}

/** Pay-as-you-grow at each block size that holds a rack (header). */
export function compareBlockSizes(input: BlockSizeInput): BlockSizeOption[] {
  const { sizing } = input;
  const support = sizing.power.supportWatts / sizing.power.computeWatts;
  const sizes = [...new Set([...BLOCK_SIZE_OPTIONS_WATTS, sizing.blocks.blockItWatts])].sort((a, b) => a - b);
  return sizes.flatMap((blockItWatts) => {
    const racks = racksPerBlock(blockItWatts, sizing.racks.rackWatts, support);
    const gpusPerBlock = racks * sizing.racks.unitsPerRack * sizing.systems.gpusPerUnit;
    const peakGpus = input.growth.schedule.reduce((m, s) => Math.max(m, s.gpus), 0);
    if (racks < 1 || peakGpus / gpusPerBlock > MAX_COMPARED_BLOCKS) return [];
    const price = estimateFacilityPrice({ style: 'modular', cooling: input.cooling, blockItWatts, redundancy: input.redundancy });
    const plan = planGrowth({
      ...input.growth,
      itWattsPerGpu: sizing.power.itWattsPerGpu,
      blockItWatts,
      gpusPerBlock,
      modular: { facilityUsdPerItWatt: price.usdPerItWatt },
    });
    const m = plan.modular;
    return [{ blockItWatts, edge: price.edge, facilityUsdPerItWatt: price.usdPerItWatt, blocks: m.blocks, sharedSiteUsd: m.sharedSiteUsd, totalCapexUsd: m.totalCapexUsd, strandedItWattMonths: m.strandedItWattMonths, unmetItWattMonths: m.unmetItWattMonths }];
  });
}
