import { describe, expect, it } from 'vitest';
import { DEEPSEEK_TABLE3, FABRIC_UNIT_PRICES, topologyCost } from './network-cost.js';
import { planFabric } from './network.js';

describe('planFabric reproduces DGX SuperPOD H100 RA Table 4 (32-node SUs, 8 rails, QM9700)', () => {
  const table4 = [
    { sus: 1, nodes: 31, leaf: 8, spine: 4, nodeCables: 252, spineLeafCables: 256 },
    { sus: 2, nodes: 63, leaf: 16, spine: 8, nodeCables: 508, spineLeafCables: 512 },
    { sus: 3, nodes: 95, leaf: 24, spine: 16, nodeCables: 764, spineLeafCables: 768 },
    { sus: 4, nodes: 127, leaf: 32, spine: 16, nodeCables: 1020, spineLeafCables: 1024 },
  ];
  it.each(table4)('$nodes nodes → $sus SUs, $leaf leaf / $spine spine', (row) => {
    const f = planFabric({ nodes: row.nodes, railsPerNode: 8, reservedNodePositions: 1 });
    expect(f).toMatchObject({ scalableUnits: row.sus, tiers: 2, leafSwitches: row.leaf, spineSwitches: row.spine, coreSwitches: 0 });
    expect(f.nodeLinks).toBe(row.nodeCables);
    expect(f.leafSpineLinks).toBe(row.spineLeafCables);
  });

  it('counts two transceivers per link and twin-port OSFP modules for the 4-SU build', () => {
    const f = planFabric({ nodes: 127, railsPerNode: 8, reservedNodePositions: 1 });
    expect(f.transceivers).toBe(2 * (1020 + 1024));
    expect(f.osfpModules).toBe(1020 + 1024);
  });
});

describe('planFabric against the published SuperPOD and DeepSeek counts (management off the compute SUs)', () => {
  it.each([
    { gpus: 1024, switches: 48, tiers: 2 },
    { gpus: 2048, switches: 96, tiers: 2 },
    { gpus: 16_384, switches: 1280, tiers: 3 },
  ])('$gpus HGX GPUs (8 per node) → $switches switches in $tiers tiers', ({ gpus, switches, tiers }) => {
    const f = planFabric({ nodes: gpus / 8, railsPerNode: 8 });
    expect(f.switches).toBe(switches);
    expect(f.tiers).toBe(tiers);
  });

  it('2,048 HGX GPUs: 64 leaf + 32 spine, network about $9 M (DeepSeek ISCA \'25 Table 3 FT2)', () => {
    const f = planFabric({ nodes: 256, railsPerNode: 8 });
    expect(f).toMatchObject({ scalableUnits: 8, leafSwitches: 64, spineSwitches: 32, coreSwitches: 0 });
    expect((f.cost.switchesUsd + f.cost.switchLinksUsd) / 1e6).toBeCloseTo(9, 3);
  });

  it('DeepSeek MPFT: 16,384 GPUs in 8 planes → 768 switches, 16,384 switch links, $72 M', () => {
    const f = planFabric({ nodes: 2048, railsPerNode: 8, planes: 8, managementLinks: 0 });
    expect(f).toMatchObject({ planes: 8, tiers: 2, switches: 768, leafSpineLinks: 16_384 });
    expect((f.cost.switchesUsd + f.cost.switchLinksUsd) / 1e6).toBeCloseTo(72, 0);
  });

  it('B300 RA XDR: 144-port Quantum-X800 → 72-node SU, 8 leaf / 4 spine', () => {
    const f = planFabric({ nodes: 72, railsPerNode: 8, switchModel: 'quantum-x800' });
    expect(f).toMatchObject({ nodesPerScalableUnit: 72, scalableUnits: 1, leafSwitches: 8, spineSwitches: 4 });
  });

  it('B300 RA Spectrum-X twin-planar: 64 nodes, 2 × 400G per GPU → 16 leaf / 8 spine', () => {
    const f = planFabric({ nodes: 64, railsPerNode: 16, type: 'ethernet', planes: 2 });
    expect(f).toMatchObject({ leafSwitches: 16, spineSwitches: 8 });
  });

  it('oversubscription 2:1 at the leaf halves the spines of 8 SUs (64 leaf · 16 up / 64 ports)', () => {
    const f = planFabric({ nodes: 256, railsPerNode: 8, oversubscription: 2, nodesPerScalableUnit: 32 });
    expect(f).toMatchObject({ leafSwitches: 64, spineSwitches: 16, leafSpineLinks: 1024 });
  });
});

describe('planFabric at larger scale', () => {
  it('B200 RA: 16 SUs of 32 nodes → three tiers, 128 leaf / 128 spine / 64 core', () => {
    const f = planFabric({ nodes: 512, railsPerNode: 8, reservedNodePositions: 0 });
    expect(f).toMatchObject({ scalableUnits: 16, tiers: 3, leafSwitches: 128, spineSwitches: 128, coreSwitches: 64 });
  });

  it('B200 RA: 2 SUs → 16 leaf / 8 spine', () => {
    expect(planFabric({ nodes: 64, railsPerNode: 8, reservedNodePositions: 0 })).toMatchObject({ leafSwitches: 16, spineSwitches: 8, tiers: 2 });
  });

  it('2,048 endpoints form DeepSeek\'s FT2: 96 switches, 2,048 switch links, $9 M', () => {
    const f = planFabric({ nodes: 256, railsPerNode: 8, reservedNodePositions: 0, managementLinks: 0 });
    expect(f.switches).toBe(96);
    expect(f.leafSpineLinks + f.spineCoreLinks).toBe(2048);
    expect((f.cost.switchesUsd + f.cost.switchLinksUsd) / 1e6).toBeCloseTo(9, 6);
  });

  it('65,536 endpoints form DeepSeek\'s FT3: 5,120 switches, 131,072 switch links, $491 M', () => {
    const f = planFabric({ nodes: 8192, railsPerNode: 8, reservedNodePositions: 0, managementLinks: 0 });
    expect(f.tiers).toBe(3);
    expect(f.switches).toBe(5120);
    expect(f.leafSpineLinks + f.spineCoreLinks).toBe(131_072);
    expect((f.cost.switchesUsd + f.cost.switchLinksUsd) / 1e6).toBeCloseTo(491, 6);
  });

  it('100K H100 (12,500 nodes) on 64-port switches take a fourth tier instead of failing', () => {
    const f = planFabric({ nodes: 12_500, railsPerNode: 8 });
    expect(f.tiers).toBe(4);
    expect(f.leafSwitches).toBe(391 * 8);
    expect(f.switchesPerTier).toEqual([3128, 3128, 3128, 1564]);
  });

  it('100K H100 on 128-port Spectrum-X Ethernet fit three tiers with 64-node SUs', () => {
    const f = planFabric({ nodes: 12_500, railsPerNode: 8, type: 'ethernet' });
    expect(f).toMatchObject({ type: 'ethernet', switchPorts: 128, nodesPerScalableUnit: 64, scalableUnits: 196, tiers: 3 });
    expect(f.switchesPerTier).toEqual([1568, 1568, 784]);
  });

  it('100K GPUs on 512-port Ethernet switches fit two tiers', () => {
    // 512 × 200G: 256-node SUs, ⌈12,500/256⌉ = 49 SUs · 8 rails = 392 leaves ≤ 512 → two tiers.
    const f = planFabric({ nodes: 12_500, railsPerNode: 8, switchModel: 'ethernet-512' });
    expect(f.tiers).toBe(2);
    expect(f.leafSwitches).toBe(49 * 8);
  });

  it('rejects a switch model of the other fabric type', () => {
    expect(() => planFabric({ nodes: 8, railsPerNode: 8, type: 'ethernet', switchModel: 'quantum-2' })).toThrow(/fabric.switch/);
  });

  it('rejects zero nodes, an odd radix and a fractional rail count', () => {
    expect(() => planFabric({ nodes: 0, railsPerNode: 8 })).toThrow(/network.nodes/);
    expect(() => planFabric({ nodes: 8, railsPerNode: 8, switchPorts: 63 })).toThrow(/switchPorts/);
    expect(() => planFabric({ nodes: 8, railsPerNode: 1.5 })).toThrow(/fabric.rails/);
  });
});

describe('fabric unit prices fitted from DeepSeek ISCA \'25 Table 3', () => {
  it('reproduce MPFT exactly and Slim Fly within 1 %', () => {
    expect(topologyCost(DEEPSEEK_TABLE3.mpft, FABRIC_UNIT_PRICES)).toBeCloseTo(DEEPSEEK_TABLE3.mpft.costUsd, -3);
    const sf = topologyCost(DEEPSEEK_TABLE3.slimFly, FABRIC_UNIT_PRICES);
    expect(Math.abs(sf / DEEPSEEK_TABLE3.slimFly.costUsd - 1)).toBeLessThan(0.01);
  });
  it('price a switch well above a link', () => {
    expect(FABRIC_UNIT_PRICES.usdPerSwitch).toBeGreaterThan(50 * FABRIC_UNIT_PRICES.usdPerLink);
    expect(FABRIC_UNIT_PRICES.usdPerLink).toBeGreaterThan(0);
  });
});
