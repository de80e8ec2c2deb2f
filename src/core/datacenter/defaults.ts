/**
 * Every facility default of the data-center model, each with its unit and its source in
 * data/hardware-facts.md (section numbers refer to that file). Values tagged `assumption` have no
 * figure in the data: they are named, explained, and overridable by the caller.
 */
import type { Sourced } from './sourced.js';

/** Rack-density limits per cooling technology [W per rack]. hardware-facts.md §4.1, §2.2. */
export const RACK_LIMITS = {
  air: {
    value: 40_800,
    unit: 'W per rack',
    confidence: 'derived',
    source:
      '§2.2: NVIDIA recommends 4 × DGX H100 per air-cooled rack = 4 × 10.2 kW = 40.8 kW; §4.1 planner band "air ≤ ~35–40 kW with containment/4×DGX H100 designs"; Schneider blog 2021: "below 35kW per rack … standard air-cooled designs"',
  },
  rearDoor: {
    value: 75_000,
    unit: 'W per rack',
    confidence: 'secondary',
    source:
      '§4.1: HPE/Motivair liquid-cooled rear-door families "14–35 kW, 35–55 kW, and 55–75 kW" (coolnetpower citing HPE QuickSpecs); active RDHx up to ~60 kW (yobitel)',
  },
  directToChip: {
    value: 140_000,
    unit: 'W per rack',
    confidence: 'secondary',
    source:
      '§4.1 planner band "DLC 50–140 kW (NVL72 class)"; §2.1 GB200 NVL72 ~120 kW (ServeTheHome), GB300 NVL72 120–140 kW (Supermicro, Microsoft via ai-infrastructure.net)',
  },
  immersion: {
    value: 100_000,
    unit: 'W per rack (tank)',
    confidence: 'assumption',
    source: '§4.1: immersion density UNVERIFIED — only "100+ kW/tank" (exam-prep page); 100 kW is that floor, not a measured cap',
  },
  typicalExistingAir: {
    value: 20_000,
    unit: 'W per rack',
    confidence: 'primary',
    source: '§4.1: Uptime 2023 "Most operators do not have any racks beyond 20 kW"; The Register on Schneider WP 110 "most datacenters can manage at 10-20kW per rack"',
  },
} as const satisfies Record<string, Sourced>;

/**
 * Cooling energy per watt of heat removed [W/W], by heat path and mode. The data (§4.2) gives PUE
 * outcomes, not component powers, so these four numbers are calibrated so that the traditional
 * preset lands on the Uptime industry average (1.54–1.58) and the liquid presets in the hyperscale
 * band (Google 1.09–1.10, "1.1–1.2"); see pue.test.ts for the checks.
 */
export const COOLING_ENERGY = {
  airMechanical: {
    value: 0.55,
    unit: 'W of cooling per W of heat',
    confidence: 'assumption',
    source: 'calibrated: chillers + CRAH fans + pumps when the compressor runs; with §4.2 Uptime 1.54–1.58 as the traditional anchor',
  },
  airEconomizer: {
    value: 0.15,
    unit: 'W of cooling per W of heat',
    confidence: 'assumption',
    source: 'calibrated: CRAH fans + pumps + towers during free-cooling hours; same anchor',
  },
  liquidMechanical: {
    value: 0.2,
    unit: 'W of cooling per W of heat',
    confidence: 'assumption',
    source: 'calibrated: chiller trim of a warm-water loop; with §4.2 Google 1.09–1.10 / hyperscale 1.1–1.2 as the liquid anchor',
  },
  liquidEconomizer: {
    value: 0.04,
    unit: 'W of cooling per W of heat',
    confidence: 'assumption',
    source: 'calibrated: CDU pumps + dry-cooler fans only; same anchor',
  },
  miscTraditional: {
    value: 0.03,
    unit: 'W per IT W',
    confidence: 'assumption',
    source: 'lighting, security, offices of a stick-built site (no figure in the data)',
  },
  miscModular: {
    value: 0.01,
    unit: 'W per IT W',
    confidence: 'assumption',
    source: 'lighting and controls of a prefabricated block without office space (no figure in the data)',
  },
} as const satisfies Record<string, Sourced>;

/** Power-chain stage efficiencies [fraction]. The data has no UPS/transformer figures (assumptions). */
export const POWER_CHAIN = {
  legacyTransformer: { value: 0.98, unit: 'fraction', confidence: 'assumption', source: 'MV/LV transformer at partial load (no figure in the data)' },
  legacyUps: { value: 0.92, unit: 'fraction', confidence: 'assumption', source: 'legacy double-conversion UPS at partial load (no figure in the data)' },
  legacyDistribution: { value: 0.97, unit: 'fraction', confidence: 'assumption', source: '208 V PDUs and cabling (no figure in the data)' },
  modernTransformer: { value: 0.985, unit: 'fraction', confidence: 'assumption', source: 'high-efficiency transformer (no figure in the data)' },
  modernUps: { value: 0.97, unit: 'fraction', confidence: 'assumption', source: 'modern UPS in high-efficiency mode (no figure in the data)' },
  modernDistribution: {
    value: 0.98,
    unit: 'fraction',
    confidence: 'assumption',
    source: '415 V (240/415 V) distribution as recommended by Schneider WP 110 (§4.8, §4.9); efficiency itself not in the data',
  },
  legacyRackFeedWatts: {
    value: 20_000,
    unit: 'W per rack',
    confidence: 'secondary',
    source: '§4.1: "most datacenters can manage at 10-20kW per rack" (The Register on Schneider WP 110); Uptime 2023 "Most operators do not have any racks beyond 20 kW" — the feed of 208 V PDU rows',
  },
  acRackFeedWatts: {
    value: 120_000,
    unit: 'W per rack',
    confidence: 'secondary',
    source: '§4.8: "The requirement to deliver 120 kW at 48V requires currents exceeding 2.5 kA" (The Register, 2026) — the ceiling of AC-fed 48–54 V in-rack busbars',
  },
  hvdcRackFeedWatts: {
    value: 1_000_000,
    unit: 'W per rack',
    confidence: 'secondary',
    source: '§4.8: NVIDIA 800 VDC architecture targets ~1 MW racks around 2027 (Crucible Capital summary); 800 V cuts current ~15× against 54 V',
  },
  hvdcGain: {
    value: 0.05,
    unit: 'relative end-to-end efficiency gain',
    confidence: 'secondary',
    source: '§4.8: NVIDIA 800 VDC "can improve end-to-end efficiency by up to 5%" (sector-signals quoting the NVIDIA technical blog) — the optimistic end',
  },
} as const satisfies Record<string, Sourced>;

/** Fractions of the year with free (economizer) cooling at conventional supply temperatures. */
export const CLIMATE_FREE_COOLING = {
  cold: { value: 0.8, unit: 'fraction of the year', confidence: 'assumption', source: 'Nordic-type site (no climate data in hardware-facts.md)' },
  temperate: { value: 0.4, unit: 'fraction of the year', confidence: 'assumption', source: 'mid-latitude site (no climate data in hardware-facts.md)' },
  hot: { value: 0.1, unit: 'fraction of the year', confidence: 'assumption', source: 'hot/humid site (no climate data in hardware-facts.md)' },
} as const satisfies Record<string, Sourced>;

/** Sizing defaults. */
export const SIZING = {
  blockItWatts: {
    value: 2_000_000,
    unit: 'W of IT per block',
    confidence: 'secondary',
    source: '§4.3: modular "IT capacity: 200 kW to 2 MW per module" (datacentres.com) — upper end, for AI density; NVIDIA GB200 SU = 1.2 MW TDP (§2.3) fits in one block',
  },
  supportItFraction: {
    value: 0.25,
    unit: 'W of network/storage/management per W of compute',
    confidence: 'derived',
    source: '§2.3 GB200 RA "Each SU requires a TDP of 1.2 MW" for 8 racks; §2.1 ~120 kW per NVL72 rack → 1.2 MW / (8 × 120 kW) − 1 = 0.25 (0.14 with the 132 kW figure)',
  },
  supportRacksPerGpu: {
    value: 6 / 1024,
    unit: 'racks of network/storage/management per GPU',
    confidence: 'derived',
    source: '§2.3 H100 RA Table 7: the 127-node / 4-SU build uses 38 racks; 127 DGX at 4 per rack = 32 compute racks → 6 support racks for 4 SUs of 256 GPU positions = 6 / 1,024 per GPU',
  },
  whiteSpaceM2PerRack: {
    value: 2,
    unit: 'm² of white space per rack',
    confidence: 'assumption',
    source:
      'no floor area in the data: a 0.6 × 1.2 m rack with half of a 1.2 m cold aisle and half of a 1.2 m hot aisle on each side = 0.6 × 2.4 = 1.44 m², plus ~40 % for row ends, PDUs and CDUs',
  },
  averagePowerFraction: {
    value: 0.76,
    unit: 'average / nameplate IT power',
    confidence: 'secondary',
    source:
      'datacenter-references.md Power per system: 8-GPU H100 servers average about 76 % of their 10.2 kW nameplate while training (Newkirk et al., arXiv 2506.14551); peak ~8.4 kW = 82 % (Latif et al., arXiv 2412.08602). Used when no run estimate gives the average',
  },
} as const satisfies Record<string, Sourced>;

/** Compute fabric defaults. hardware-facts.md §2.3, §3.1; network.json. */
export const FABRIC = {
  reservedNodePositions: {
    value: 0,
    unit: 'node positions',
    confidence: 'primary',
    source:
      '§2.3 SuperPOD RA: compute, storage, in-band and out-of-band management are four separate fabrics, so management, storage and login nodes take no compute SU position (B200 RA: 2 SU = 64 nodes, 16 SU = 512 nodes); the H100 RA Table 4 build reserves 1 for UFM (31/63/95/127 nodes), set it to reproduce that table',
  },
  managementLinks: {
    value: 4,
    unit: 'links',
    confidence: 'derived',
    source: '§2.3 H100 RA Table 4: compute+UFM cables = nodes × 8 + 4 (252, 508, 764, 1020)',
  },
  portsPerOsfp: {
    value: 2,
    unit: 'logical ports per OSFP module',
    confidence: 'primary',
    source: '§3.1 QM97XX manual "Each OSFP port consists of 2 logical InfiniBand ports"; §2.1 DGX H100 8 × CX-7 400 Gb/s via 4 OSFP',
  },
} as const satisfies Record<string, Sourced>;

/** Cost defaults. hardware-facts.md §3.3, §4.4–§4.7. */
export const COSTS = {
  traditionalFacilityUsdPerItWatt: {
    value: 11.7,
    unit: 'USD per W of critical (IT) load',
    confidence: 'primary',
    source: '§4.4 Cushman & Wakefield DC Development Cost Guide 2025: US average $11.7 M/MW ($9.3–15.0 M), excludes land, soft costs, OFCI equipment',
  },
  modularFacilityUsdPerItWatt: {
    value: 10,
    unit: 'USD per W of critical (IT) load',
    confidence: 'secondary',
    source: '§4.4 datacentres.com: modular $8–12 M/MW (midpoint) vs traditional $11.3 M/MW; §4.3 Schneider WP 218: "prefabrication does not come at a capex premium"',
  },
  serverUsdPerGpu: {
    value: 52_560,
    unit: 'USD per GPU (server share included)',
    confidence: 'assumption',
    source: 'fallback for an accelerator without a system price in SYSTEM_PRICES (system-prices.ts): §4.6 DeepSeek-V3 $2 per GPU-hour × 8,760 h × 3 years, assuming a rental price roughly recovers the server over a 3-year life — override with a quote',
  },
  electricityUsdPerKwh: {
    value: 0.0806,
    unit: 'USD per kWh',
    confidence: 'secondary',
    source: '§4.5: US industrial average 2023, 8.06 ¢/kWh (EIA via Statista)',
  },
  gridGramsCo2ePerKwh: {
    value: 458,
    unit: 'g CO2e per kWh',
    confidence: 'secondary',
    source: '§4.7: global average 2025, 458 gCO2e/kWh (Ember Global Electricity Review 2026)',
  },
  facilityMaintenanceFractionPerYear: {
    value: 0.03,
    unit: 'fraction of facility capex per year',
    confidence: 'assumption',
    source: 'no maintenance figure in the data (§4.8 only: 800 VDC "reduce maintenance cost by up to 70%", relative)',
  },
} as const satisfies Record<string, Sourced>;

/** Build-time ranges as the sources state them [months]. hardware-facts.md §4.3. */
export interface MonthRange {
  readonly lowMonths: number;
  readonly highMonths: number;
}

export const BUILD_TIME_RANGES = {
  modular: {
    value: { lowMonths: 6, highMonths: 10 },
    unit: 'months',
    confidence: 'secondary',
    source: '§4.3 datacentres.com: modular components 12–20 weeks, total project 6–10 months',
  },
  traditional: {
    value: { lowMonths: 18, highMonths: 30 },
    unit: 'months',
    confidence: 'secondary',
    source: '§4.3 datacentres.com: traditional 18–30 months; EC&M 18–24; Schneider 12–24',
  },
  aiInfrastructure: {
    value: { lowMonths: 24, highMonths: 36 },
    unit: 'months',
    confidence: 'secondary',
    source: '§4.3 Vertiv (DCD AI Week): "GPUs in six to nine months, but the infrastructure—power, cooling, and networking—still takes 24 to 36 months"',
  },
} as const satisfies Record<string, Sourced<MonthRange>>;

/**
 * Durations of the deployment tasks (deployment.ts) [months]. Each task is a base plus a term that
 * grows with MW or blocks; the sums are checked against the published totals in deployment.test.ts
 * (modular 3–6 months and traditional 18–24 on a ready site; grid queues of years).
 */
export const DEPLOYMENT = {
  permitsMonths: {
    value: 6,
    unit: 'months (building and environmental permits, when not in hand)',
    confidence: 'assumption',
    source: 'no permitting time in the data; half a year as a named assumption, skipped when datacenter.site.permitted',
  },
  gridInterconnectMonths: {
    value: 36,
    unit: 'months (utility queue, substation and feed, when power is not available)',
    confidence: 'secondary',
    source: 'datacenter-references.md Time: grid interconnection queues of 3–7 years in many markets (utility and trade reports) — the low end; skipped when datacenter.site.powerAvailable',
  },
  modularDesignMonths: {
    value: 1,
    unit: 'months (configure a catalogue block design, sign-off)',
    confidence: 'assumption',
    source: 'no figure in the data: Schneider counts its 12–24 weeks "from design sign-off" (§4.3), so design precedes it; one month for a catalogue design',
  },
  sitePrepMonths: {
    value: 1,
    unit: 'months (pads, trenches, on-site utilities) at 0 MW',
    confidence: 'assumption',
    source: 'no figure in the data; runs in parallel with the factory build, so it is rarely critical',
  },
  sitePrepMonthsPerMw: {
    value: 0.02,
    unit: 'months per MW of facility power',
    confidence: 'assumption',
    source: 'no figure in the data: +1 month per 50 MW of pads and trenches',
  },
  factoryMonths: {
    value: 16 / 4.345,
    unit: 'months (order to delivery of the first module)',
    confidence: 'secondary',
    source: '§4.3: modular components 12–20 weeks (datacentres.com), "12 to 24 weeks to deploy" (Schneider) — 16 weeks midpoint',
  },
  factoryBlocksPerMonth: {
    value: 10,
    unit: 'blocks a factory delivers per month after the first',
    confidence: 'assumption',
    source: 'no factory throughput in the data: modules build in parallel, ten 2 MW blocks (20 MW) a month',
  },
  installMonths: {
    value: 1,
    unit: 'months (set, connect and commission the first block)',
    confidence: 'assumption',
    source: 'no figure in the data; with design and the 16-week factory build it lands a small modular site at ~6 months, the top of the 3–6 month claim and inside the 6–10 month total of §4.3 (datacentres.com)',
  },
  installMonthsPerBlock: {
    value: 0.05,
    unit: 'months per further block',
    confidence: 'assumption',
    source: 'no figure in the data: parallel crews, 20 blocks (40 MW) add a month',
  },
  traditionalDesignMonths: {
    value: 4,
    unit: 'months (engineering design of a bespoke hall)',
    confidence: 'assumption',
    source: 'no figure in the data; with the long-lead equipment it lands a small hall at ~21 months, inside §4.3 18–24 (EC&M) and 12–24 (Schneider)',
  },
  longLeadEquipmentMonths: {
    value: 11,
    unit: 'months (switchgear, generators, chillers: order to delivery)',
    confidence: 'primary',
    source: '§4.3 Cushman & Wakefield DC Development Cost Guide 2025: switchgear 46–48 weeks; generators and chillers >30 weeks (up to 110)',
  },
  shellMonths: {
    value: 8,
    unit: 'months (shell and core construction) at 0 MW',
    confidence: 'assumption',
    source: 'no figure in the data: runs in parallel with the long-lead equipment',
  },
  shellMonthsPerMw: {
    value: 0.05,
    unit: 'months per MW of facility power',
    confidence: 'assumption',
    source: 'no figure in the data: +1 month per 20 MW of hall; with the fit-out term an 80 MW AI hall lands at ~25 months, inside §4.3 Vertiv 24–36',
  },
  fitOutMonths: {
    value: 4,
    unit: 'months (mechanical and electrical fit-out) at 0 MW',
    confidence: 'assumption',
    source: 'no figure in the data',
  },
  fitOutMonthsPerMw: {
    value: 0.03,
    unit: 'months per MW of facility power',
    confidence: 'assumption',
    source: 'no figure in the data: +1 month per ~33 MW',
  },
  commissioningMonths: {
    value: 2,
    unit: 'months (integrated systems testing)',
    confidence: 'assumption',
    source: 'no figure in the data',
  },
} as const satisfies Record<string, Sourced>;
