/**
 * Cooling rules: whether the cooling technology holds the rack, air on dense racks, and the cooling
 * energy per IT watt (the cooling term of PUE). Most specific first; the last always applies.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckRule } from './types.js';
import { count, plain, watts, wattsPerWatt } from './evidence.js';


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

export const coolingEnergy: BottleneckRule = {
  id: 'cooling-energy',
  domain: 'cooling',
  describe: 'cooling power per watt of IT (the cooling term of PUE)',
  formula: 'score = ramp(coolingWattsPerItWatt, 0.05, 0.55)',
  applies: () => true,
  score: (f) => ramp(f.cooling.coolingWattsPerItWatt, ANCHORS.coolingLow, ANCHORS.coolingHigh),
  evidence: (f) => ({ cooling: wattsPerWatt(f.cooling.coolingWattsPerItWatt), pue: plain(f.cooling.pue), rack: watts(f.cooling.rackWatts) }),
  remedies: [
    'Liquid cooling (direct-to-chip) with warm water: free cooling most of the year, PUE ≈ 1.1–1.3',
    'A colder site (more free-cooling hours)',
  ],
};

export const COOLING_RULES: readonly BottleneckRule[] = [coolingDensityLimited, coolingAirDenseRacks, coolingEnergy];
