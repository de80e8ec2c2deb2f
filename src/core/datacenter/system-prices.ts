/**
 * Purchase price of one reference system unit (8-GPU server or NVL72 rack) per accelerator, each
 * with its source and date. Planning values, not quotes. Only the H100 figures ($270K DGX, $317K HGX
 * quote) are in the stored references (datacenter-references.md "Prices", which asks for a sourced
 * figure per system); every other price names its outside source and says it is UNVERIFIED there.
 * Accelerators without a published system price carry a named assumption beside the nearest priced
 * system; an accelerator missing here falls back to COSTS.serverUsdPerGpu (rental-derived).
 *
 *   server USD per GPU = system price / GPUs per system
 */
import type { AcceleratorId } from '../hardware/catalog.js';
import type { Accelerator } from '../hardware/types.js';
import { COSTS } from './defaults.js';
import type { Sourced } from './sourced.js';

const DGX_A100: Sourced = {
  value: 199_000,
  unit: 'USD per 8-GPU system',
  confidence: 'secondary',
  source: 'DGX A100 launch price $199,000 (NVIDIA GTC press release, May 2020); not in datacenter-references.md or hardware-facts.md — UNVERIFIED in the stored data',
};

const DGX_H100: Sourced = {
  value: 270_000,
  unit: 'USD per 8-GPU system',
  confidence: 'secondary',
  source: 'datacenter-references.md Prices: DGX H100 ≈ $270K (SemiAnalysis, as used in Epoch AI training-cost-trends, 2023); HGX H100 server quote $317K (Thinkmate, Aug 2024)',
};

const DGX_B200: Sourced = {
  value: 515_410,
  unit: 'USD per 8-GPU system',
  confidence: 'secondary',
  source: 'DGX B200 list $515,410 (reseller list price in the trade press, 2024); not in datacenter-references.md or hardware-facts.md — UNVERIFIED in the stored data',
};

export const SYSTEM_PRICES = {
  'a100-80gb': DGX_A100,
  'a100-40gb': { ...DGX_A100, confidence: 'assumption', source: `the 80 GB system's price: ${DGX_A100.source} (the 40 GB DGX A100 launched at the same price)` },
  'h100-sxm': DGX_H100,
  'h100-96gb-500w': { ...DGX_H100, confidence: 'assumption', source: `no Grand Teton price published: the DGX H100 figure, ${DGX_H100.source}` },
  h800: { ...DGX_H100, confidence: 'assumption', source: `no HGX H800 price in the references: the same HGX board as H100, ${DGX_H100.source}` },
  h200: {
    value: 317_000,
    unit: 'USD per 8-GPU system',
    confidence: 'assumption',
    source: 'no H200 system price in the references: the HGX H100 server quote $317K (Thinkmate, Aug 2024), the same chassis, as a floor',
  },
  b200: DGX_B200,
  b300: { ...DGX_B200, confidence: 'assumption', source: `no B300 system price in the references: the DGX B200 list as a floor, ${DGX_B200.source}` },
  gb200: {
    value: 3_000_000,
    unit: 'USD per NVL72 rack',
    confidence: 'secondary',
    source: 'GB200 NVL72 ≈ $3.0M per rack (HSBC and Morgan Stanley estimates in the trade press, 2024); not in datacenter-references.md or hardware-facts.md — UNVERIFIED in the stored data',
  },
  gb300: {
    value: 3_700_000,
    unit: 'USD per NVL72 rack',
    confidence: 'assumption',
    source: 'GB300 NVL72 ≈ $3.7M per rack (analyst estimates in the trade press, 2025); not in datacenter-references.md or hardware-facts.md and no single analyst named — UNVERIFIED',
  },
  mi300x: {
    value: 200_000,
    unit: 'USD per 8-GPU system',
    confidence: 'assumption',
    source: 'no MI300X system price in the references: 8 × $15K per GPU (upper end of analyst estimates, 2024) + $80K host, chassis and NICs',
  },
} as const satisfies Record<AcceleratorId, Sourced>;

function isPriced(id: string): id is keyof typeof SYSTEM_PRICES {
  return Object.hasOwn(SYSTEM_PRICES, id);
}

/** Server price per GPU [USD] with its source: system price / GPUs per system, or the fallback. */
export function defaultServerUsdPerGpu(accelerator: Pick<Accelerator, 'id' | 'system'>): Sourced {
  if (!isPriced(accelerator.id)) return COSTS.serverUsdPerGpu;
  const price = SYSTEM_PRICES[accelerator.id];
  return { value: price.value / accelerator.system.gpus, unit: 'USD per GPU (server share included)', confidence: price.confidence, source: price.source };
}
