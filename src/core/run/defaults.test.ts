import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Sourced } from '../datacenter/sourced.js';
import * as defaults from './defaults.js';

const groups: Record<string, Record<string, Sourced<unknown>>> = {
  RENTAL_PRICES: defaults.RENTAL_PRICES,
  POWER: defaults.POWER,
  RELIABILITY: defaults.RELIABILITY,
  OWNERSHIP: defaults.OWNERSHIP,
};
const singles: Record<string, Sourced<unknown>> = {
  RENTAL_PRICE_FALLBACK: defaults.RENTAL_PRICE_FALLBACK,
  LLAMA3_INTERRUPTIONS: defaults.LLAMA3_INTERRUPTIONS,
};
const rows = [
  ...Object.entries(groups).flatMap(([group, entries]) => Object.entries(entries).map(([key, v]) => ({ name: `${group}.${key}`, v }))),
  ...Object.entries(singles).map(([name, v]) => ({ name, v })),
];
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('run defaults', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s carries a unit, a confidence and a source', (_name, { v }) => {
    expect(v.unit.length).toBeGreaterThan(0);
    expect(['primary', 'secondary', 'derived', 'assumption']).toContain(v.confidence);
    expect(v.source.length).toBeGreaterThan(20);
  });

  it('every price default cites hardware-facts.md §4.6 or says it has no figure there', () => {
    for (const v of Object.values(defaults.RENTAL_PRICES)) expect(v.source).toMatch(/§4\.6|no price/);
  });

  it('the README defaults table lists every default', () => {
    for (const { name } of rows) expect(readme).toContain(`\`${name}\``);
  });
});
