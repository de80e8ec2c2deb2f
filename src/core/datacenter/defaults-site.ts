/**
 * Site defaults beyond sizing: redundancy, cooling capex and liquid share, water, small blocks and
 * the shared site cost, and the existing hall a retrofit would use. Same `Sourced` pattern as
 * defaults.ts; `assumption` rows have no figure in the stored data and say so.
 */
import type { Sourced } from './sourced.js';

/**
 * Redundancy of the power and cooling plant (redundancy.ts). Uptime Institute Tier Standard:
 * Tier I basic capacity (N), Tier II redundant components (N+1), Tier III concurrently maintainable
 * (N+1 with a second distribution path), Tier IV fault tolerant (2N). The GB200 SuperPOD RA asks for a
 * site that "should meet or exceed Uptime Institute Tier 3" (hardware-facts.md §2.3).
 */
export const REDUNDANCY = {
  nPlusOneModules: {
    value: 4,
    unit: 'active modules (UPS, generator, chiller) per redundant one under N+1',
    confidence: 'assumption',
    source:
      'no module count in the data: 4 active + 1 spare (installed = 5/4 of the load), like the DGX H100 4+2 PSUs (§2.1); the tiers themselves are the Uptime Tier Standard (N, N+1, 2N), not in the stored data',
  },
  criticalCapacityCostShare: {
    value: 0.53,
    unit: 'fraction of facility capex',
    confidence: 'primary',
    source: '§4.4 Cushman & Wakefield DC Development Cost Guide 2025: critical capacity (power and cooling plant) 53 % of the cost, shell 21 %, site 10 %, white space 10 %',
  },
  powerShareOfCriticalCapacity: {
    value: 0.6,
    unit: 'fraction of the critical-capacity cost that is electrical (the rest mechanical)',
    confidence: 'assumption',
    source: 'no electrical/mechanical split in the data (§4.4 gives critical capacity as one 53 % line); 60/40 as a named assumption',
  },
  baselineRedundancy: {
    value: 'N+1',
    unit: 'redundancy the facility $/W figures include',
    confidence: 'assumption',
    source:
      '§4.4 C&W 2025 prices colocation-grade builds; §2.3 GB200 RA asks for Tier 3 (N+1, concurrently maintainable): the $/W defaults are read as N+1 for power and cooling',
  },
} as const satisfies Record<string, Sourced<number | string>>;

/**
 * Cooling-plant capex above an air-cooled hall of the same build style [USD per IT W] (facility-price.ts).
 * The data has no $/W per cooling option: each is a named assumption, small against the $10–11.7/W
 * facility figures (§4.4) whose critical capacity (53 %) already holds an air plant.
 */
export const COOLING_CAPEX = {
  air: { value: 0, unit: 'USD per IT W above air', confidence: 'assumption', source: 'the reference: §4.4 C&W and modular $/W figures are for air-cooled plant' },
  rearDoor: {
    value: 0.3,
    unit: 'USD per IT W above air',
    confidence: 'assumption',
    source: 'no figure in the data: one liquid-cooled door per rack (§4.1 HPE/Motivair families) plus a chilled-water loop to every rack; less than a CDU system',
  },
  directToChip: {
    value: 0.6,
    unit: 'USD per IT W above air',
    confidence: 'assumption',
    source: 'no figure in the data: CDUs, a secondary fluid network and manifolds to every rack (cold plates ship with the servers); larger than a door, partly offset by smaller air handling',
  },
  immersion: {
    value: 0.9,
    unit: 'USD per IT W above air',
    confidence: 'assumption',
    source: 'no figure in the data: tanks, dielectric fluid and CDUs; the costliest plant per watt of the four (§4.1: immersion figures UNVERIFIED)',
  },
} as const satisfies Record<string, Sourced>;

/** Share of a system's heat its cold plates carry under direct-to-chip cooling (liquid-share.ts). */
export const LIQUID_SHARE = {
  serverDirectToChip: {
    value: 0.75,
    unit: 'fraction of system heat to liquid',
    confidence: 'secondary',
    source: '§4.1 direct-to-chip still needs supplemental air for "20-30% of remaining components" (imdcontrols summarizing DCD) → 75 % to liquid for an 8-GPU server (midpoint)',
  },
  rackScaleDirectToChip: {
    value: 0.85,
    unit: 'fraction of system heat to liquid',
    confidence: 'assumption',
    source:
      '§2.1/§4.1 DGX GB200 user guide: compute trays (GPUs and Grace CPUs) cooled by liquid through cold plates, networking and storage air-cooled (hybrid); NVL72 has "no air-cooled option"; the share itself is not in the data — 85 %, the low end of NVL72 racks being almost all liquid',
  },
} as const satisfies Record<string, Sourced>;

/**
 * Site water (water.ts). WUE (The Green Grid) = site water [L] / IT energy [kWh]. Evaporative heat
 * rejection loses the latent heat of water; a dry cooler loses none.
 */
export const WATER = {
  litresEvaporatedPerKwh: {
    value: 3.6 / 2.43,
    unit: 'L of water evaporated per kWh of heat rejected',
    confidence: 'derived',
    source:
      'physics: 1 kWh = 3.6 MJ over the latent heat of water at ~30 °C tower temperature, 2.43 MJ/kg → 1.48 L/kWh; checked against the industry WUE ≈ 1.8 L/kWh (datacenter-references.md Efficiency)',
  },
  towerCyclesOfConcentration: {
    value: 4,
    unit: 'cycles (make-up = evaporation · C / (C − 1))',
    confidence: 'assumption',
    source: 'no figure in the data: cooling towers blow down to keep dissolved solids in check; 4 cycles of concentration adds a third to evaporation',
  },
  airEconomizerWetFraction: {
    value: 0.78,
    unit: 'fraction of free-cooling heat still rejected by evaporation on the air path',
    confidence: 'assumption',
    source:
      'calibrated: an air-cooled hall with towers in a temperate climate lands on the industry WUE ≈ 1.8 L/kWh (datacenter-references.md Efficiency); waterside economizers still run the towers',
  },
} as const satisfies Record<string, Sourced>;

/** Small blocks and the cost shared by every block of a site (facility-price.ts, timeline.ts). */
export const SITE_COSTS = {
  sharedSiteFraction: {
    value: 0.1,
    unit: 'fraction of facility capex shared by all blocks (site work, utility connection)',
    confidence: 'primary',
    source: '§4.4 Cushman & Wakefield DC Development Cost Guide 2025 cost breakdown: site 10 % (critical capacity 53 %, shell 21 %, white space 10 %, back-of-house 4 %, office 2 %)',
  },
  edgeBlockMaxItWatts: {
    value: 1_000_000,
    unit: 'W of IT: blocks up to this size are priced as edge blocks',
    confidence: 'secondary',
    source: '§4.3 datacentres.com: modular "IT capacity: 200 kW to 2 MW per module" — the lower half (100 kW to 1 MW) serves edge sites',
  },
  edgeBlockUsdPerItWatt: {
    value: 15,
    unit: 'USD per W of IT (edge block, 100 kW to 1 MW)',
    confidence: 'assumption',
    source:
      'no small-block price in the data: the top of the §4.4 C&W US range ($9.3–15.0 M/MW) for the lost economies of scale of a sub-MW block (§4.3 Schneider WP 218 finds no prefab premium at 440 kW against a traditional build of that size)',
  },
} as const satisfies Record<string, Sourced>;

/** An existing hall a retrofit would reuse (retrofit.ts). */
export const RETROFIT = {
  hallRackWatts: {
    value: 10_000,
    unit: 'W per rack (air, existing hall)',
    confidence: 'secondary',
    source:
      '§4.1 Schneider 2021 "normal rack deployments rarely exceed 10kW per rack"; Uptime 2024 average rack density "below 8-10 kW" — the top of the 5–10 kW band of traditional halls',
  },
  hallRacks: {
    value: 100,
    unit: 'racks per existing hall',
    confidence: 'assumption',
    source: 'no hall size in the data: 100 racks at 10 kW = a 1 MW hall on ~200 m² of white space (SIZING.whiteSpaceM2PerRack)',
  },
} as const satisfies Record<string, Sourced>;
