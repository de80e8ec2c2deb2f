/**
 * Price of a switched fabric from DeepSeek's topology cost table (ISCA '25, arXiv 2505.09343, §5.1
 * Table 3; hardware-facts.md §3.3; 64-port 400G IB switches). The table prices a topology as
 * switches + switch-to-switch links. Solving its FT2 and FT3 rows for the two unit prices,
 *
 *   96 · s  +   2,048 · l =   9 M$        (FT2)
 *   5,120 · s + 131,072 · l = 491 M$      (FT3)
 *   → s ≈ 83,008 $ per switch, l ≈ 503.5 $ per link
 *
 * reproduces MPFT exactly (72 M$) and Slim Fly within 0.6 % (146.7 vs 146 M$), Dragonfly within 2 %.
 */

/** One row of DeepSeek ISCA '25 Table 3. */
export interface TopologyCostRow {
  readonly switches: number;
  readonly links: number;
  readonly costUsd: number;
}

export interface FabricUnitPrices {
  /** Price of one 64-port 400G switch, its share of optics included [USD]. */
  readonly usdPerSwitch: number;
  /** Price of one switch-to-switch link (cable/optics) [USD]. */
  readonly usdPerLink: number;
  readonly source: string;
}

/** FT2 and FT3 rows of DeepSeek ISCA '25 Table 3 (network.json ids "ft2", "ft3"). */
export const DEEPSEEK_TABLE3 = {
  ft2: { switches: 96, links: 2048, costUsd: 9e6 },
  mpft: { switches: 768, links: 16_384, costUsd: 72e6 },
  ft3: { switches: 5120, links: 131_072, costUsd: 491e6 },
  slimFly: { switches: 1568, links: 32_928, costUsd: 146e6 },
} as const satisfies Record<string, TopologyCostRow>;

/** Solve two table rows for the per-switch and per-link prices (Cramer's rule, 2 × 2). */
export function fitFabricUnitPrices(a: TopologyCostRow, b: TopologyCostRow): FabricUnitPrices {
  const det = a.switches * b.links - b.switches * a.links;
  return {
    usdPerSwitch: (a.costUsd * b.links - b.costUsd * a.links) / det,
    usdPerLink: (a.switches * b.costUsd - b.switches * a.costUsd) / det,
    source: 'derived: DeepSeek ISCA \'25 §5.1 Table 3 FT2 and FT3 rows solved for switch and link prices (hardware-facts.md §3.3)',
  };
}

/** Default unit prices, fitted once from the data (a constant, not state). */
export const FABRIC_UNIT_PRICES: FabricUnitPrices = fitFabricUnitPrices(DEEPSEEK_TABLE3.ft2, DEEPSEEK_TABLE3.ft3);

/** Price of a topology row under given unit prices [USD]. */
export function topologyCost(row: Omit<TopologyCostRow, 'costUsd'>, prices: FabricUnitPrices): number {
  return row.switches * prices.usdPerSwitch + row.links * prices.usdPerLink;
}
