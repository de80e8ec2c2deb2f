/**
 * Compute fabric: a rail-optimized, non-blocking fat tree built from scalable units (SUs), as in the
 * NVIDIA DGX SuperPOD reference architecture (hardware-facts.md §2.3).
 *
 * With k-port switches (k = 64, Quantum-2 QM9700, §3.1), u = k/2 uplinks and k/2 downlinks per leaf:
 *  1. SUs = ⌈(nodes + reserved positions) / nodes per SU⌉  (RA: 32-node SUs, one position for UFM)
 *  2. leaves L = SUs · rails · ⌈nodes per SU / (k/2)⌉      (one leaf per rail per SU: 8 for DGX H100)
 *  3. two tiers while L ≤ k: spines S = smallest divisor of u with S ≥ ⌈L·u/k⌉ (each leaf spreads its
 *     u uplinks evenly) — reproduces RA Table 4: 1–4 SUs → 4, 8, 16, 16 spines
 *  4. three tiers while L ≤ k²/2: spines = L (k/2 down, k/2 up), cores = ⌈L·(k/2)/k⌉
 *     — reproduces B200 RA 16 SU → 128 leaf / 128 spine / 64 core and FT3 k³/4 = 65,536 endpoints.
 * Links: node links = nodes · rails + management (RA: +4 UFM); leaf–spine = L·u; spine–core = L·k/2.
 * Optics: one transceiver per link end (2 per link); twin-port OSFP modules carry two ends.
 */
import { InputError } from '../errors.js';
import { FABRIC } from './defaults.js';
import type { FabricUnitPrices } from './network-cost.js';
import { FABRIC_UNIT_PRICES } from './network-cost.js';
import { requireNonNegativeInteger, requirePositiveInteger } from './validate.js';

export interface FabricInput {
  readonly nodes: number;
  /** Compute NICs per node, one rail each (one per GPU in a DGX: 8). */
  readonly railsPerNode: number;
  /** Switch radix k (default 64, Quantum-2 QM9700). */
  readonly switchPorts?: number;
  readonly nodesPerScalableUnit?: number;
  /** Node positions taken by management (default 1: UFM, RA Table 4). */
  readonly reservedNodePositions?: number;
  readonly managementLinks?: number;
  readonly prices?: FabricUnitPrices;
}

export interface FabricCost {
  readonly switchesUsd: number;
  readonly switchLinksUsd: number;
  /** Node-to-leaf links priced like switch links (DeepSeek's table leaves them out). */
  readonly nodeLinksUsd: number;
  readonly totalUsd: number;
}

export interface FabricPlan {
  readonly scalableUnits: number;
  readonly tiers: 2 | 3;
  readonly switchPorts: number;
  readonly leafSwitches: number;
  readonly spineSwitches: number;
  readonly coreSwitches: number;
  readonly switches: number;
  readonly nodeLinks: number;
  readonly leafSpineLinks: number;
  readonly spineCoreLinks: number;
  readonly transceivers: number;
  readonly osfpModules: number;
  readonly cost: FabricCost;
}

/** Smallest divisor of `n` that is ≥ `atLeast` (n itself at worst). */
function smallestDivisorAtLeast(n: number, atLeast: number): number {
  for (let d = Math.max(1, atLeast); d < n; d += 1) if (n % d === 0) return d;
  return n;
}

interface Tiers {
  readonly tiers: 2 | 3;
  readonly spines: number;
  readonly cores: number;
  readonly leafSpineLinks: number;
  readonly spineCoreLinks: number;
}

function planTiers(leaves: number, k: number, nodes: number): Tiers {
  const up = k / 2;
  if (leaves <= k) {
    const spines = smallestDivisorAtLeast(up, Math.ceil((leaves * up) / k));
    return { tiers: 2, spines, cores: 0, leafSpineLinks: leaves * up, spineCoreLinks: 0 };
  }
  if (leaves > (k * k) / 2) {
    throw new InputError('network.nodes', nodes, `needs ${leaves} leaf switches, more than the ${(k * k) / 2} of a 3-tier fat tree of ${k}-port switches; use higher-radix switches`);
  }
  const cores = Math.ceil((leaves * up) / k);
  return { tiers: 3, spines: leaves, cores, leafSpineLinks: leaves * up, spineCoreLinks: leaves * up };
}

/** Switch, link and optic counts of the compute fabric, with their cost. */
export function planFabric(input: FabricInput): FabricPlan {
  const nodes = requirePositiveInteger('network.nodes', input.nodes, 10_000_000);
  const rails = requirePositiveInteger('network.railsPerNode', input.railsPerNode, 64);
  const perSu = requirePositiveInteger('network.nodesPerScalableUnit', input.nodesPerScalableUnit ?? FABRIC.nodesPerScalableUnit.value, 4096);
  const reserved = requireNonNegativeInteger('network.reservedNodePositions', input.reservedNodePositions ?? FABRIC.reservedNodePositions.value, perSu - 1);
  const mgmt = requireNonNegativeInteger('network.managementLinks', input.managementLinks ?? FABRIC.managementLinks.value, 1024);
  const prices = input.prices ?? FABRIC_UNIT_PRICES;

  const scalableUnits = Math.ceil((nodes + reserved) / perSu);
  const leavesOf = (radix: number): number => scalableUnits * rails * Math.ceil(perSu / (radix / 2));
  // Without a given radix: the default switch, or the high-radix one when three tiers of the
  // default cannot hold the leaves (131,072 H100s need 4,104 leaves; 64 ports allow 2,048).
  const given = input.switchPorts ?? (leavesOf(FABRIC.switchPorts.value) <= FABRIC.switchPorts.value ** 2 / 2 ? FABRIC.switchPorts.value : FABRIC.highRadixSwitchPorts.value);
  const k = requirePositiveInteger('network.switchPorts', given, 1024);
  if (k % 2 !== 0 || k < 4) throw new InputError('network.switchPorts', k, 'must be an even radix ≥ 4');
  const leaves = leavesOf(k);
  const t = planTiers(leaves, k, nodes);
  const nodeLinks = nodes * rails + mgmt;
  const switchLinks = t.leafSpineLinks + t.spineCoreLinks;
  const switches = leaves + t.spines + t.cores;
  const transceivers = 2 * (nodeLinks + switchLinks);
  const cost = {
    switchesUsd: switches * prices.usdPerSwitch,
    switchLinksUsd: switchLinks * prices.usdPerLink,
    nodeLinksUsd: nodeLinks * prices.usdPerLink,
  };
  return {
    scalableUnits,
    tiers: t.tiers,
    switchPorts: k,
    leafSwitches: leaves,
    spineSwitches: t.spines,
    coreSwitches: t.cores,
    switches,
    nodeLinks,
    leafSpineLinks: t.leafSpineLinks,
    spineCoreLinks: t.spineCoreLinks,
    transceivers,
    osfpModules: Math.ceil(transceivers / FABRIC.portsPerOsfp.value),
    cost: { ...cost, totalUsd: cost.switchesUsd + cost.switchLinksUsd + cost.nodeLinksUsd },
  };
}
