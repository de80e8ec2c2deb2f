import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_TIME_RANGES, DEPLOYMENT } from './defaults.js';
import { estimateDeployment, planModularDeployment, planTraditionalDeployment } from './deployment.js';

const MW = 1e6;
const ready = { powerAvailable: true, permitted: true } as const;

describe('estimateDeployment: a critical path of sourced tasks', () => {
  it('ready 4 MW site: modular within the 3–6 months claimed, traditional within 18–24 (EC&M; Schneider 12–24)', () => {
    const d = estimateDeployment({ facilityWatts: 4 * MW, blocks: 2, site: ready });
    expect(d.modular.months).toBeGreaterThanOrEqual(3);
    expect(d.modular.months).toBeLessThanOrEqual(6);
    expect(d.traditional.months).toBeGreaterThanOrEqual(18);
    expect(d.traditional.months).toBeLessThanOrEqual(24);
  });

  it('ready modular site = design + factory (first block + 1 more / 10 per month) + install (1 + 0.05 per further block)', () => {
    const p = planModularDeployment({ facilityWatts: 4 * MW, blocks: 2, site: ready });
    const expected = DEPLOYMENT.modularDesignMonths.value + DEPLOYMENT.factoryMonths.value + 1 / 10 + 1 + 0.05;
    expect(p.months).toBeCloseTo(expected, 9);
    expect(p.criticalPath).toEqual(['design', 'factory', 'install']);
  });

  it('modular total stays inside the 6–10 month project range of §4.3 for a 20 MW site with permits to get', () => {
    const p = planModularDeployment({ facilityWatts: 20 * MW, blocks: 10, site: { powerAvailable: true } });
    expect(p.months).toBeLessThanOrEqual(BUILD_TIME_RANGES.modular.value.highMonths + 2);
  });

  it('an 80 MW hall takes longer than a 4 MW one, and lands in Vertiv\'s 24–36 months for AI power and cooling', () => {
    const small = planTraditionalDeployment({ facilityWatts: 4 * MW, blocks: 2, site: ready });
    const large = planTraditionalDeployment({ facilityWatts: 80 * MW, blocks: 40, site: ready });
    expect(large.months).toBeGreaterThan(small.months);
    expect(large.months).toBeGreaterThanOrEqual(BUILD_TIME_RANGES.aiInfrastructure.value.lowMonths);
    expect(large.months).toBeLessThanOrEqual(BUILD_TIME_RANGES.aiInfrastructure.value.highMonths);
    const modularLarge = planModularDeployment({ facilityWatts: 80 * MW, blocks: 40, site: ready });
    expect(modularLarge.months).toBeGreaterThan(planModularDeployment({ facilityWatts: 4 * MW, blocks: 2, site: ready }).months);
  });

  it('a greenfield site in the grid queue: the 3-year interconnect dominates both builds', () => {
    const d = estimateDeployment({ facilityWatts: 40 * MW, blocks: 20 });
    for (const p of [d.modular, d.traditional]) {
      expect(p.criticalPath[0]).toBe('grid');
      expect(p.months).toBeGreaterThanOrEqual(36);
    }
    expect(d.modular.months / 12).toBeGreaterThan(3);
  });

  it('tasks are data a chart can draw: start + duration = end, critical tasks chain end to start', () => {
    const p = planTraditionalDeployment({ facilityWatts: 10 * MW, blocks: 5 });
    for (const t of p.tasks) expect(t.startMonth + t.durationMonths).toBeCloseTo(t.endMonth, 9);
    const crit = p.criticalPath.map((id) => p.tasks.find((t) => t.id === id));
    for (let i = 1; i < crit.length; i += 1) expect(crit[i]?.startMonth).toBeCloseTo(crit[i - 1]?.endMonth ?? NaN, 9);
    expect(crit[crit.length - 1]?.endMonth).toBe(p.months);
  });
});

describe('the README deployment table', () => {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  it.each([
    { label: '4 MW, power and permits in hand', mw: 4, blocks: 2 },
    { label: '80 MW, power and permits in hand', mw: 80, blocks: 40 },
  ])('shows what the code computes for $label', ({ label, mw, blocks }) => {
    const d = estimateDeployment({ facilityWatts: mw * MW, blocks, site: ready });
    expect(readme).toContain(`| ${label} | ${d.modular.months.toFixed(1)} months | ${d.traditional.months.toFixed(1)} months |`);
  });
});
