import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as defaults from './defaults.js';
import * as site from './defaults-site.js';
import type { Sourced } from './sourced.js';

const groups: Record<string, Record<string, Sourced<unknown>>> = {
  RACK_LIMITS: defaults.RACK_LIMITS,
  COOLING_ENERGY: defaults.COOLING_ENERGY,
  POWER_CHAIN: defaults.POWER_CHAIN,
  CLIMATE_FREE_COOLING: defaults.CLIMATE_FREE_COOLING,
  SIZING: defaults.SIZING,
  FABRIC: defaults.FABRIC,
  COSTS: defaults.COSTS,
  BUILD_TIME_RANGES: defaults.BUILD_TIME_RANGES,
  DEPLOYMENT: defaults.DEPLOYMENT,
  REDUNDANCY: site.REDUNDANCY,
  COOLING_CAPEX: site.COOLING_CAPEX,
  LIQUID_SHARE: site.LIQUID_SHARE,
  WATER: site.WATER,
  SITE_COSTS: site.SITE_COSTS,
  RETROFIT: site.RETROFIT,
};
const rows = Object.entries(groups).flatMap(([group, entries]) => Object.entries(entries).map(([key, v]) => ({ group, key, v })));
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('defaults', () => {
  it.each(rows.map((r) => [`${r.group}.${r.key}`, r] as const))('%s carries a unit, a confidence and a source', (_name, { v }) => {
    expect(v.unit.length).toBeGreaterThan(0);
    expect(['primary', 'secondary', 'derived', 'assumption']).toContain(v.confidence);
    expect(v.source.length).toBeGreaterThan(20);
  });

  it('every default not tagged assumption cites a section of hardware-facts.md or datacenter-references.md', () => {
    for (const { v } of rows) if (v.confidence !== 'assumption') expect(v.source).toMatch(/§\d|datacenter-references\.md/);
  });

  it('the README defaults table lists every default', () => {
    for (const { group, key } of rows) expect(readme).toContain(`\`${group}.${key}\``);
  });
});
