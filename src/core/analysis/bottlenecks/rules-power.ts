/**
 * Power rules: the rack's draw against what the power chain can feed one rack, the design against the
 * site's utility feed, power-chain losses, and the size of the feed the cluster needs. Most specific
 * first; the last always applies.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckRule } from './types.js';
import { count, fraction, watts, wattsPerWatt } from './evidence.js';

export const powerRackFeed: BottleneckRule = {
  id: 'power-rack-feed',
  domain: 'power',
  describe: 'compute racks draw close to what the power chain feeds one rack (208 V rows 20 kW, AC-fed 54 V busbars 120 kW, 800 V DC ~1 MW)',
  formula: 'applies above half the feed; score = ramp(rackWatts / rackFeedWatts, 0.5, 1)',
  applies: (f) => f.power.rackWatts > ANCHORS.feedUseLow * f.power.rackFeedWatts,
  score: (f) => ramp(f.power.rackWatts / f.power.rackFeedWatts, ANCHORS.feedUseLow, ANCHORS.feedUseHigh),
  evidence: (f) => ({ rack: watts(f.power.rackWatts), rackFeed: watts(f.power.rackFeedWatts) }),
  remedies: [
    'HVDC (800 V DC) rack power: ~15× less current than 54 V for the same power, racks toward 1 MW',
    '415 V AC distribution and busway to the rack',
    'Modular blocks built for the rack density (power pre-integrated)',
  ],
};

export const powerSiteCap: BottleneckRule = {
  id: 'power-site-cap',
  domain: 'power',
  describe: 'design-day facility power close to the utility feed available at the site',
  formula: 'applies with datacenter.sitePowerMw; score = ramp(facilityDesignWatts / sitePowerWatts, 0.5, 1)',
  applies: (f) => f.power.sitePowerWatts !== null,
  score: (f) => (f.power.sitePowerWatts === null ? 0 : ramp(f.power.facilityDesignWatts / f.power.sitePowerWatts, ANCHORS.feedUseLow, ANCHORS.feedUseHigh)),
  evidence: (f) => ({ facilityDesign: watts(f.power.facilityDesignWatts), sitePower: watts(f.power.sitePowerWatts ?? 0), use: fraction(f.power.facilityDesignWatts / (f.power.sitePowerWatts ?? Infinity)) }),
  remedies: [
    'A lower-PUE design (liquid cooling, 800 V DC) to fit more IT under the same feed',
    'Higher-efficiency parts (more FLOP per watt) to do the same work on fewer MW',
    'A second site, or a larger grid connection requested early (interconnect queues run in years)',
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

export const POWER_RULES: readonly BottleneckRule[] = [powerRackFeed, powerSiteCap, powerChainLosses, powerSiteScale];
