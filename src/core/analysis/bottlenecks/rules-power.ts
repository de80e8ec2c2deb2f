/**
 * Power rules: rack power density against what sites can feed, power-chain losses, and the size of
 * the utility feed the cluster needs. Most specific first; the last always applies.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckRule } from './types.js';
import { count, watts, wattsPerWatt } from './evidence.js';


export const powerRackDensity: BottleneckRule = {
  id: 'power-rack-density',
  domain: 'power',
  describe: 'compute racks draw more than a typical site feeds per rack (20 kW)',
  formula: 'score = ramp(rackWatts, 20 kW, 120 kW)',
  applies: (f) => f.power.rackWatts > ANCHORS.typicalRackWatts,
  score: (f) => ramp(f.power.rackWatts, ANCHORS.typicalRackWatts, ANCHORS.denseRackWatts),
  evidence: (f) => ({ rack: watts(f.power.rackWatts), typicalRack: watts(ANCHORS.typicalRackWatts), itPerGpu: watts(f.power.itWattsPerGpu) }),
  remedies: [
    'HVDC (800 V DC) rack power: ~15× less current than 54 V for the same power, up to 5 % end-to-end efficiency',
    '415 V AC distribution and busway to the rack',
    'Modular blocks built for the rack density (power pre-integrated)',
  ],
};

export const powerChainLosses: BottleneckRule = {
  id: 'power-chain-losses',
  domain: 'power',
  describe: 'transformer, UPS and distribution losses per IT watt',
  formula: 'applies on AC chains; score = ramp(1/η_chain − 1, 0.02, 0.2)',
  applies: (f) => !f.power.hvdc && f.power.powerChainLossWattsPerItWatt > 0,
  score: (f) => ramp(f.power.powerChainLossWattsPerItWatt, ANCHORS.chainLossLow, ANCHORS.chainLossHigh),
  evidence: (f) => ({ chainLoss: wattsPerWatt(f.power.powerChainLossWattsPerItWatt), chainLossPower: watts(f.power.powerChainLossWattsPerItWatt * f.power.itNameplateWatts) }),
  remedies: ['HVDC (800 V DC) distribution', 'High-efficiency UPS mode and 415 V distribution'],
};

export const powerSiteScale: BottleneckRule = {
  id: 'power-site-scale',
  domain: 'power',
  describe: 'facility power the utility must deliver on a design day, against one modular block',
  formula: 'score = ramp(log10 facilityDesignWatts, log10 2 MW, log10 200 MW)',
  applies: () => true,
  score: (f) => ramp(Math.log10(Math.max(1, f.power.facilityDesignWatts)), Math.log10(ANCHORS.siteWattsLow), Math.log10(ANCHORS.siteWattsHigh)),
  evidence: (f) => ({
    itNameplate: watts(f.power.itNameplateWatts),
    facilityDesign: watts(f.power.facilityDesignWatts),
    blocks: count(f.power.blocks),
    blockIt: watts(f.power.blockItWatts),
    itPerGpu: watts(f.power.itWattsPerGpu),
  }),
  remedies: [
    'Modular blocks added as power arrives (pay-as-you-grow)',
    'A site with utility capacity secured ahead of the GPUs (power takes longer than GPUs to arrive)',
    'Higher-efficiency parts (more FLOP per watt) to do the same work on fewer MW',
  ],
};

export const POWER_RULES: readonly BottleneckRule[] = [powerRackDensity, powerChainLosses, powerSiteScale];
