/**
 * Compute fabric: a rail-optimized fat tree built from scalable units (SUs), as in the NVIDIA DGX
 * SuperPOD reference architectures (hardware-facts.md §2.3), optionally split into independent planes
 * (DeepSeek's multi-plane fat tree, ISCA '25 §5.1) and oversubscribed at the leaf.
 *
 * With k-port switches and a leaf oversubscription r (down:up, 1 = non-blocking):
 *  1. leaf down ports d = ⌊k · r/(r+1)⌋; SU size defaults to d nodes (k = 64 → 32, the RA's SU;
 *     k = 144 → 72, the B300 XDR SU). Management, storage and login nodes sit on their own fabrics and
 *     take no compute SU position (SuperPOD: four separate fabrics; RA Table 4 reserves one for UFM
 *     only when asked: `reservedNodePositions`).
 *  2. SUs = ⌈(nodes + reserved) / SU⌉; per plane (rails/planes rails each) leaves
 *     L = SUs · rails per plane · ⌈SU / d⌉, each with u = ⌈endpoints per leaf / r⌉ uplinks.
 *  3. two tiers while L ≤ k: spines = smallest divisor of u with spines ≥ ⌈L·u/k⌉ — RA Table 4:
 *     1–4 SUs → 4, 8, 16, 16 spines; 8 SUs → 64 leaf + 32 spine = 96 (DeepSeek FT2).
 *  4. t ≥ 3 tiers, the fewest with L ≤ 2·(k/2)^(t−1) (a pod holds k/2 leaves; the top reaches k pods
 *     per extra tier): each middle tier ⌈L·u/(k/2)⌉ switches, the top ⌈L·u/k⌉ — B200 RA 16 SU →
 *     128/128/64; 64 SUs → 512/512/256 = 1,280; FT3 k³/4 = 65,536 endpoints → 5,120 switches.
 * Links: node links = nodes · rails + management (RA: +4 UFM); every tier boundary carries L·u links.
 * Optics: one transceiver per link end (2 per link); twin-port OSFP modules carry two ends.
 */
import { InputError } from '../errors.js';
import { FABRIC } from './defaults.js';
import type { FabricUnitPrices } from './network-cost.js';
import { FABRIC_UNIT_PRICES } from './network-cost.js';
import type { FabricType, SwitchId } from './switches.js';
import { DEFAULT_SWITCH, SWITCHES, linkPriceScale, switchPriceScale } from './switches.js';
import { requireNonNegativeInteger, requirePositive, requirePositiveInteger } from './validate.js';

export interface FabricInput {
  readonly nodes: number;
  /** Compute NICs per node, one rail each (one per GPU in a DGX: 8). */
  readonly railsPerNode: number;
  /** InfiniBand or RoCE Ethernet (default InfiniBand); picks the default switch. */
  readonly type?: FabricType;
  /** Switch model (default: Quantum-2 for InfiniBand, Spectrum-X SN5600 for Ethernet). */
  readonly switchModel?: SwitchId;
  /** Switch radix k, overriding the model's port count. */
  readonly switchPorts?: number;
  /** Independent planes; rails are split evenly over them (DeepSeek MPFT: 8). Default 1. */
  readonly planes?: number;
  /** Leaf downlinks per uplink (default 1: non-blocking). */
  readonly oversubscription?: number;
  /** Nodes per SU (default: the leaf's down ports). */
  readonly nodesPerScalableUnit?: number;
  /** Node positions taken by management inside compute SUs (default 0; H100 RA Table 4: 1). */
  readonly reservedNodePositions?: number;
  readonly managementLinks?: number;
  /** Prices of the reference 64-port 400G switch and link (scaled to the chosen switch). */
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
  readonly type: FabricType;
  readonly switchName: string;
  readonly switchPorts: number;
  readonly planes: number;
  readonly oversubscription: number;
  readonly nodesPerScalableUnit: number;
  readonly scalableUnits: number;
  readonly tiers: number;
  /** Switches per tier, leaf first, all planes [count]. */
  readonly switchesPerTier: readonly number[];
  readonly leafSwitches: number;
  /** Second tier. */
  readonly spineSwitches: number;
  /** Third tier and above (0 in a two-tier fabric). */
  readonly coreSwitches: number;
  readonly switches: number;
  readonly nodeLinks: number;
  readonly leafSpineLinks: number;
  /** Links above the second tier. */
  readonly spineCoreLinks: number;
  readonly transceivers: number;
  readonly osfpModules: number;
  readonly cost: FabricCost;
}

/** Most tiers searched; 2·32⁷ leaves of 64-port switches is far beyond MAX_GPUS. */
const MAX_TIERS = 8;

/** Smallest divisor of `n` that is ≥ `atLeast` (n itself at worst). */
function smallestDivisorAtLeast(n: number, atLeast: number): number {
  for (let d = Math.max(1, atLeast); d < n; d += 1) if (n % d === 0) return d;
  return n;
}

/** Switches per tier (leaf first) of one plane with L leaves of u uplinks each (steps 3–4). */
function planTiers(leaves: number, up: number, k: number): number[] {
  if (leaves <= k) return [leaves, smallestDivisorAtLeast(up, Math.ceil((leaves * up) / k))];
  for (let tiers = 3; tiers <= MAX_TIERS; tiers += 1) {
    if (leaves <= 2 * (k / 2) ** (tiers - 1)) {
      const middle = Math.ceil((leaves * up) / (k / 2));
      return [leaves, ...Array.from({ length: tiers - 2 }, () => middle), Math.ceil((leaves * up) / k)];
    }
  }
  throw new InputError('network.nodes', leaves, `needs more than ${MAX_TIERS} tiers of ${k}-port switches; use a higher radix`);
}

interface Topology {
  readonly k: number;
  readonly planes: number;
  readonly r: number;
  readonly perSu: number;
  readonly scalableUnits: number;
  readonly perPlane: readonly number[];
  readonly up: number;
}

function planTopology(input: FabricInput, nodes: number, rails: number, k: number): Topology {
  const planes = requirePositiveInteger('datacenter.fabric.planes', input.planes ?? 1, rails);
  if (rails % planes !== 0) throw new InputError('datacenter.fabric.planes', planes, `must divide the ${rails} rails per node`);
  const r = requirePositive('datacenter.fabric.oversubscription', input.oversubscription ?? 1, 64);
  if (r < 1) throw new InputError('datacenter.fabric.oversubscription', r, 'must be ≥ 1 (downlinks per uplink)');
  const down = Math.max(1, Math.floor((k * r) / (r + 1)));
  const perSu = requirePositiveInteger('datacenter.fabric.nodesPerScalableUnit', input.nodesPerScalableUnit ?? down, 4096);
  const reserved = requireNonNegativeInteger('network.reservedNodePositions', input.reservedNodePositions ?? FABRIC.reservedNodePositions.value, perSu - 1);
  const scalableUnits = Math.ceil((nodes + reserved) / perSu);
  const leavesPerRailPerSu = Math.ceil(perSu / down);
  const up = Math.ceil(Math.ceil(perSu / leavesPerRailPerSu) / r);
  const leaves = scalableUnits * (rails / planes) * leavesPerRailPerSu;
  return { k, planes, r, perSu, scalableUnits, perPlane: planTiers(leaves, up, k), up };
}

/** Switch, link and optic counts of the compute fabric, with their cost. */
export function planFabric(input: FabricInput): FabricPlan {
  const nodes = requirePositiveInteger('network.nodes', input.nodes, 10_000_000);
  const rails = requirePositiveInteger('datacenter.fabric.rails', input.railsPerNode, 64);
  const type = input.type ?? 'infiniband';
  const model = SWITCHES[input.switchModel ?? DEFAULT_SWITCH[type]];
  if (input.type !== undefined && model.fabric !== input.type) throw new InputError('datacenter.fabric.switch', input.switchModel ?? '', `is an ${model.fabric} switch, not ${input.type}`);
  const k = requirePositiveInteger('datacenter.fabric.switchPorts', input.switchPorts ?? model.ports.value, 4096);
  if (k % 2 !== 0 || k < 4) throw new InputError('datacenter.fabric.switchPorts', k, 'must be an even radix ≥ 4');
  const mgmt = requireNonNegativeInteger('network.managementLinks', input.managementLinks ?? FABRIC.managementLinks.value, 1024);
  const prices = input.prices ?? FABRIC_UNIT_PRICES;

  const t = planTopology(input, nodes, rails, k);
  const switchesPerTier = t.perPlane.map((n) => n * t.planes);
  const leaves = switchesPerTier[0] ?? 0;
  const boundaryLinks = leaves * t.up;
  const tiers = switchesPerTier.length;
  const switches = switchesPerTier.reduce((a, b) => a + b, 0);
  const nodeLinks = nodes * rails + mgmt;
  const switchLinks = (tiers - 1) * boundaryLinks;
  const transceivers = 2 * (nodeLinks + switchLinks);
  const usdPerSwitch = prices.usdPerSwitch * switchPriceScale(k, model.portGbps);
  const usdPerLink = prices.usdPerLink * linkPriceScale(model.portGbps);
  const cost = { switchesUsd: switches * usdPerSwitch, switchLinksUsd: switchLinks * usdPerLink, nodeLinksUsd: nodeLinks * usdPerLink };
  return {
    type: model.fabric,
    switchName: model.name,
    switchPorts: k,
    planes: t.planes,
    oversubscription: t.r,
    nodesPerScalableUnit: t.perSu,
    scalableUnits: t.scalableUnits,
    tiers,
    switchesPerTier,
    leafSwitches: leaves,
    spineSwitches: switchesPerTier[1] ?? 0,
    coreSwitches: switches - leaves - (switchesPerTier[1] ?? 0),
    switches,
    nodeLinks,
    leafSpineLinks: boundaryLinks,
    spineCoreLinks: switchLinks - boundaryLinks,
    transceivers,
    osfpModules: Math.ceil(transceivers / FABRIC.portsPerOsfp.value),
    cost: { ...cost, totalUsd: cost.switchesUsd + cost.switchLinksUsd + cost.nodeLinksUsd },
  };
}
