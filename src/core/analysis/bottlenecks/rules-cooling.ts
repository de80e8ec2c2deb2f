/**
 * Cooling rules: whether the cooling technology holds the rack, air on dense racks, the rack's heat
 * against the option's limit, and the cooling energy per IT watt at the site's climate (the cooling
 * term of PUE). Most specific first; the last always applies.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckRule } from './types.js';
import { count, fraction, plain, watts, wattsPerWatt } from './evidence.js';

export const coolingDensityLimited: BottleneckRule = {
  id: 'cooling-density-limited',
  domain: 'cooling',
  describe: 'the cooling limit forces fewer systems per rack than the reference design',
  formula: 'score = 100 · (1 − unitsPerRack / referenceUnitsPerRack)',
  applies: (f) => f.cooling.limitedByCooling,
  score: (f) => 100 * (1 - f.cooling.unitsPerRack / f.cooling.referenceUnitsPerRack),
  evidence: (f) => ({
    unitsPerRack: count(f.cooling.unitsPerRack), referenceUnitsPerRack: count(f.cooling.referenceUnitsPerRack),
    referenceRack: watts(f.cooling.referenceRackWatts), maxRack: watts(f.cooling.maxRackWatts),
  }),
  remedies: ['Rear-door heat exchangers (to ~75 kW per rack)', 'Direct-to-chip liquid cooling (50–140 kW per rack)'],
};

export const coolingAirDenseRacks: BottleneckRule = {
  id: 'cooling-air-dense-racks',
  domain: 'cooling',
  describe: 'air cooling on racks above 35 kW (beyond standard air-cooled designs)',
  formula: 'applies on air above 35 kW; score = ramp(rackWatts, 35 kW, 50 kW)',
  applies: (f) => f.cooling.cooling === 'air' && f.cooling.rackWatts > ANCHORS.airComfortRackWatts,
  score: (f) => ramp(f.cooling.rackWatts, ANCHORS.airComfortRackWatts, ANCHORS.airCriticalRackWatts),
  evidence: (f) => ({ rack: watts(f.cooling.rackWatts), airLimit: watts(f.cooling.maxRackWatts), comfort: watts(ANCHORS.airComfortRackWatts) }),
  remedies: ['Direct-to-chip liquid cooling', 'Rear-door heat exchangers', 'Hot/cold aisle containment'],
};

export const coolingRackHeadroom: BottleneckRule = {
  id: 'cooling-rack-headroom',
  domain: 'cooling',
  describe: 'rack heat against the cooling option\'s rack limit (air 40.8 kW, rear door 75 kW, direct-to-chip 140 kW, immersion 100 kW)',
  formula: 'applies above half the limit; score = ramp(rackWatts / maxRackWatts, 0.5, 1)',
  applies: (f) => f.cooling.rackWatts > ANCHORS.feedUseLow * f.cooling.maxRackWatts,
  score: (f) => ramp(f.cooling.rackWatts / f.cooling.maxRackWatts, ANCHORS.feedUseLow, ANCHORS.feedUseHigh),
  evidence: (f) => ({ rack: watts(f.cooling.rackWatts), maxRack: watts(f.cooling.maxRackWatts), use: fraction(f.cooling.rackWatts / f.cooling.maxRackWatts) }),
  remedies: ['A cooling option with a higher rack limit (direct-to-chip 50–140 kW; next-generation 200 kW+ loops)', 'Fewer systems per rack (more floor, same heat)'],
};

export const coolingEnergy: BottleneckRule = {
  id: 'cooling-energy',
  domain: 'cooling',
  describe: 'cooling power per watt of IT (the cooling term of PUE)',
  formula: 'score = ramp(coolingWattsPerItWatt, 0.05, 0.55)',
  applies: () => true,
  score: (f) => ramp(f.cooling.coolingWattsPerItWatt, ANCHORS.coolingLow, ANCHORS.coolingHigh),
  evidence: (f) => ({ cooling: wattsPerWatt(f.cooling.coolingWattsPerItWatt), pue: plain(f.cooling.pue), freeCooling: fraction(f.cooling.freeCoolingFraction), rack: watts(f.cooling.rackWatts) }),
  remedies: [
    'Liquid cooling (direct-to-chip) with warm water: free cooling most of the year, PUE ≈ 1.1–1.3',
    'A colder site (more free-cooling hours)',
  ],
};

export const COOLING_RULES: readonly BottleneckRule[] = [coolingDensityLimited, coolingAirDenseRacks, coolingRackHeadroom, coolingEnergy];
