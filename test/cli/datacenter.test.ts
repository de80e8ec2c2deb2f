/** `scaleplan datacenter` in-process: the site answers, the Gantt, and the site power refusal. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/run-cli.js';

const DEEPSEEK = 'examples/deepseek-v3-h800.yaml';

function withDatacenter(section: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scaleplan-dc-'));
  const path = join(dir, 'scenario.yaml');
  writeFileSync(path, `${readFileSync(DEEPSEEK, 'utf8')}\ndatacenter:\n${section}\n`);
  return path;
}

describe('scaleplan datacenter', () => {
  it('DeepSeek-V3 (2,048 H800): a 2-tier fabric of 96 switches, and a text Gantt of both builds', async () => {
    const r = await runCliCaptured(['datacenter', DEEPSEEK]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2-tier rail-optimized fat tree of 64-port InfiniBand switches: 64 \+ 32 = 96 switches/);
    expect(r.stdout).toMatch(/Deployment, modular/);
    expect(r.stdout).toMatch(/Deployment, traditional/);
    expect(r.stdout).toMatch(/grid interconnect and substation/);
  });

  it('--json returns the critical path as data', async () => {
    const r = await runCliCaptured(['datacenter', DEEPSEEK, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const site = JSON.parse(r.stdout);
    expect(site.deployment.modular.criticalPath.length).toBeGreaterThan(0);
    expect(site.sizing.fabric.switches).toBe(96);
  });

  it('a design above datacenter.sitePowerMw is refused: exit 2, one line naming the field and both MW figures', async () => {
    const r = await runCliCaptured(['datacenter', withDatacenter('  sitePowerMw: 1')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/datacenter\.sitePowerMw.*1\b.*needs [\d.]+ MW .*above the 1 MW site feed/);
  });

  it('redundancy, water, retrofit and pay-as-you-grow reach the text; 2N power raises installed MW and capex', async () => {
    const base = JSON.parse((await runCliCaptured(['datacenter', DEEPSEEK, '--json'])).stdout);
    const path = withDatacenter('  redundancy: { power: 2N, cooling: 2N }\n  growth: [{ month: 0, gpus: 1024 }, { month: 24, gpus: 2048 }]\n  growthHorizonMonth: 60');
    const r = await runCliCaptured(['datacenter', path]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/power 2N \([\d.]+ MW installed\), cooling 2N/);
    expect(r.stdout).toMatch(/WUE \(L per IT kWh\)/);
    expect(r.stdout).toMatch(/existing hall, 10 kW air racks .* no: one HGX H800/);
    expect(r.stdout).toMatch(/shared site cost/);
    expect(r.stdout).toMatch(/Pay-as-you-grow by block size/);
    expect(r.stdout).toMatch(/0\.25 MW \(edge\)/);
    expect(r.stdout).toMatch(/build all up front .* stranded [\d.,]+ MW·months, unmet [\d.,]+ MW·months/);
    const site = JSON.parse((await runCliCaptured(['datacenter', path, '--json'])).stdout);
    expect(site.sizing.redundancy.installedPowerWatts).toBeCloseTo(2 * site.sizing.facility.designWatts, 0);
    expect(site.capex.facilityUsd).toBeGreaterThan(base.capex.facilityUsd);
    expect(site.growth.horizonMonth).toBe(60);
  });

  it('an unknown redundancy level is refused in one line naming datacenter.redundancy.power', async () => {
    const r = await runCliCaptured(['datacenter', withDatacenter('  redundancy: { power: 3N }')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/datacenter\.redundancy\.power/);
  });
});
