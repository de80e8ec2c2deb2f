import { describe, expect, it } from 'vitest';
import { isInputError } from '../errors.js';
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
    const f = planFabric({ nodes: row.nodes, railsPerNode: 8 });
    expect(f).toMatchObject({ scalableUnits: row.sus, tiers: 2, leafSwitches: row.leaf, spineSwitches: row.spine, coreSwitches: 0 });
    expect(f.nodeLinks).toBe(row.nodeCables);
    expect(f.leafSpineLinks).toBe(row.spineLeafCables);
  });

  it('counts two transceivers per link and twin-port OSFP modules for the 4-SU build', () => {
    const f = planFabric({ nodes: 127, railsPerNode: 8 });
    expect(f.transceivers).toBe(2 * (1020 + 1024));
    expect(f.osfpModules).toBe(1020 + 1024);
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

  it('beyond a 3-tier fat tree of 64-port switches (8,193 DGX nodes) it builds three tiers of 128-port switches', () => {
    const f = planFabric({ nodes: 8193, railsPerNode: 8, reservedNodePositions: 0 });
    expect(f.switchPorts).toBe(128);
    expect(f.tiers).toBe(3);
  });

  it('131,072 H100 (16,384 DGX nodes) fit three tiers of 128-port switches', () => {
    expect(planFabric({ nodes: 16_384, railsPerNode: 8 })).toMatchObject({ switchPorts: 128, tiers: 3 });
  });

  it('a given 64-port radix beyond its 3-tier reach is refused', () => {
    try {
      planFabric({ nodes: 8193, railsPerNode: 8, reservedNodePositions: 0, switchPorts: 64 });
      expect.unreachable();
    } catch (e) {
      expect(isInputError(e) && e.field === 'network.nodes').toBe(true);
    }
  });

  it('rejects zero nodes, an odd radix and a fractional rail count', () => {
    expect(() => planFabric({ nodes: 0, railsPerNode: 8 })).toThrow(/network.nodes/);
    expect(() => planFabric({ nodes: 8, railsPerNode: 8, switchPorts: 63 })).toThrow(/switchPorts/);
    expect(() => planFabric({ nodes: 8, railsPerNode: 1.5 })).toThrow(/railsPerNode/);
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
