import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFacts, scenarioFromText } from '../test-fixtures.js';
import { applyWhatIf } from '../what-if.js';
import { analyzeBottlenecks, scoreBottlenecks } from './analyze.js';
import { BOTTLENECK_RULES } from './rules.js';
import { DOMAINS, type BottleneckReport, type Domain, type DomainScore } from './types.js';

const example = (name: string): string => readFileSync(`examples/${name}.yaml`, 'utf8');

function domain(report: BottleneckReport | readonly DomainScore[], d: Domain): DomainScore {
  const list = 'domains' in report ? report.domains : report;
  const found = list.find((x) => x.domain === d);
  if (found === undefined) throw new Error(`no ${d}`);
  return found;
}

function fired(report: BottleneckReport, d: Domain): string[] {
  return domain(report, d).findings.map((f) => f.rule);
}

describe('scoreBottlenecks(facts)', () => {
  it('scores the six domains in DOMAINS order; on neutral facts each is set by its catch-all rule', () => {
    const scores = scoreBottlenecks(createFacts());
    expect(scores.map((s) => s.domain)).toEqual(DOMAINS);
    for (const s of scores) {
      const rules = BOTTLENECK_RULES.filter((r) => r.domain === s.domain);
      expect(s.rule).toBe(rules[rules.length - 1]?.id);
      // memory-capacity applies whenever the layout fits (at 40 % of HBM it scores 0)
      expect(s.findings.filter((f) => f.rule !== s.rule && f.rule !== 'memory-capacity')).toEqual([]);
    }
  });

  it('domain score = max over applicable rules; the rule with the max names it', () => {
    // bubble 0.4 of the step → 80 beats tensor-core share 0.45 → 45
    const s = domain(scoreBottlenecks(createFacts({ compute: { bubbleSeconds: 4, bubbleShare: 0.4 } })), 'compute');
    expect(s.score).toBeCloseTo(80, 9);
    expect(s.rule).toBe('compute-pipeline-bubble');
    expect(Math.max(...s.findings.map((f) => f.score))).toBe(s.score);
  });

  it('on a tie the earlier, more specific rule wins; remedies of every fired rule, highest score first, no repeats', () => {
    // full recomputation: r = 1/3, share = 0.9 · 0.25 = 0.225 → 90 = the compute-bound score
    const s = domain(scoreBottlenecks(createFacts({ compute: { tensorCoreShare: 0.9, recomputeFlopFraction: 1 / 3, recomputeStepShare: 0.9 * 0.25 } })), 'compute');
    expect(s.findings.map((f) => f.score)).toEqual([expect.closeTo(90, 9), expect.closeTo(90, 9)]);
    expect(s.rule).toBe('compute-recompute');
    expect(new Set(s.remedies).size).toBe(s.remedies.length);
    expect(s.remedies.length).toBe(s.findings.reduce((n, f) => n + f.remedies.length, 0));
  });

  it('memory that does not fit scores 100 whatever else applies', () => {
    const s = domain(scoreBottlenecks(createFacts({ memory: { fits: false, usedFraction: 1.3, memoryBoundStepShare: 0.4 } })), 'memory');
    expect(s.score).toBe(100);
    expect(s.rule).toBe('memory-does-not-fit');
  });
});

describe('analyzeBottlenecks(scenario, layout)', () => {
  const dsv3 = scenarioFromText(example('deepseek-v3-h800'));
  const gpt3 = scenarioFromText(example('gpt3-175b-a100'));

  it('DeepSeek-V3: six scores in [0, 100] with finite evidence; EP over 8 nodes fires the EP rule', () => {
    const r = analyzeBottlenecks(dsv3.scenario, dsv3.layout);
    expect(r.domains.map((d) => d.domain)).toEqual(DOMAINS);
    for (const d of r.domains) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(d.rule).not.toBeNull();
      for (const e of Object.values(d.evidence)) expect(Number.isFinite(e.value)).toBe(true);
    }
    expect(fired(r, 'network')).toContain('network-ep-across-domains');
    expect(fired(r, 'network')).not.toContain('network-tp-across-domains');
    // FP8 already: no FP8 remedy rule; selective recompute: the recompute rule fires
    expect(fired(r, 'compute')).not.toContain('compute-fp8-available');
    expect(r.facts.network.tiers.ep).toBe('scale-out');
    // default site: the lowest-PUE cooling that holds the rack (src/core/report), not air
    expect(r.facts.cooling.cooling).toBe('direct-to-chip');
    expect(fired(r, 'cooling')).not.toContain('cooling-air-dense-racks');
    // DGX H800 racks of 4 × 10.2 kW = 40.8 kW on air: beyond standard air-cooled designs
    const air = analyzeBottlenecks({ ...dsv3.scenario, datacenter: { cooling: 'air' } }, dsv3.layout);
    expect(fired(air, 'cooling')).toContain('cooling-air-dense-racks');
    expect(domain(air, 'cooling').score).toBeGreaterThan(domain(r, 'cooling').score);
    expect(r.stepSeconds).toBeGreaterThan(0);
    expect(r.worst).toBe(r.domains.reduce((a, b) => (b.score > a.score ? b : a)).domain);
  });

  it('GPT-3 with full recomputation: the recompute rule fires; A100 has no FP8, so no FP8 rule', () => {
    const r = analyzeBottlenecks(gpt3.scenario, gpt3.layout);
    expect(r.facts.compute.recomputeFlopFraction).toBeGreaterThan(0.2);
    expect(fired(r, 'compute')).toContain('compute-recompute');
    expect(fired(r, 'compute')).not.toContain('compute-fp8-available');
  });

  it('GPT-3 with selective recomputation on BF16 H100: FP8 rule fires, recompute share shrinks', () => {
    const h100 = scenarioFromText(example('gpt3-175b-a100'), [['accelerator: a100-80gb', 'accelerator: h100-sxm'], ['precision: fp16', 'precision: bf16'], ['recompute: full', 'recompute: selective']]);
    const r = analyzeBottlenecks(h100.scenario, h100.layout);
    expect(fired(r, 'compute')).toContain('compute-fp8-available');
    expect(r.facts.compute.fp8PeakRatio).toBeCloseTo(2, 2);
  });

  it('a cluster whose HBM is too small: memory-does-not-fit, score 100', () => {
    const small = applyWhatIf(gpt3.scenario, [{ key: 'hbmCapacity', factor: 0.1 }]);
    const r = analyzeBottlenecks(small, gpt3.layout);
    expect(r.memoryFits).toBe(false);
    expect(domain(r, 'memory')).toMatchObject({ score: 100, rule: 'memory-does-not-fit' });
  });

  it('TP 16 on 8-GPU nodes: tensor parallelism crosses domains', () => {
    const wide = scenarioFromText(example('gpt3-175b-a100'), [['tp: 8', 'tp: 16'], ['pp: 16', 'pp: 8']]);
    const r = analyzeBottlenecks(wide.scenario, wide.layout);
    expect(r.facts.network.tiers.tp).toBe('scale-out');
    expect(fired(r, 'network')).toContain('network-tp-across-domains');
  });

  it('DGX B300 racks (4 × 14.5 kW) on air: the 40.8 kW limit halves the rack (density rule 50); the default cooling holds them', () => {
    const b300 = scenarioFromText(example('gpt3-175b-a100'), [['accelerator: a100-80gb', 'accelerator: b300']]);
    const air = analyzeBottlenecks(applyWhatIf(b300.scenario, [{ key: 'cooling', cooling: 'air' }]), b300.layout);
    expect(domain(air, 'cooling').findings.find((f) => f.rule === 'cooling-density-limited')?.score).toBeCloseTo(50, 9);
    const chosen = analyzeBottlenecks(b300.scenario, b300.layout);
    expect(chosen.facts.cooling.limitedByCooling).toBe(false);
    expect(chosen.facts.cooling.cooling).not.toBe('air');
    expect(fired(chosen, 'cooling')).not.toContain('cooling-density-limited');
  });

  it('liquid cooling lowers the cooling score; an HVDC chain silences the chain-loss rule', () => {
    const airReport = analyzeBottlenecks({ ...gpt3.scenario, datacenter: { cooling: 'air' } }, gpt3.layout);
    const liquid = analyzeBottlenecks({ ...gpt3.scenario, datacenter: { cooling: 'direct-to-chip', powerChain: 'hvdc800v' } }, gpt3.layout);
    expect(domain(liquid, 'cooling').score).toBeLessThan(domain(airReport, 'cooling').score);
    expect(fired(airReport, 'power')).toContain('power-chain-losses');
    expect(fired(liquid, 'power')).not.toContain('power-chain-losses');
  });

  it('cooling reads rack kW against the option\'s limit: 120 kW NVL72 racks score far above 26 kW DGX A100 racks on direct-to-chip (140 kW)', () => {
    const nvl72 = scenarioFromText(example('gpt3-175b-a100'), [['accelerator: a100-80gb', 'accelerator: gb200']]);
    const dlc = { cooling: 'direct-to-chip' } as const;
    const a100 = analyzeBottlenecks({ ...gpt3.scenario, datacenter: dlc }, gpt3.layout);
    const gb200 = analyzeBottlenecks({ ...nvl72.scenario, datacenter: dlc }, nvl72.layout);
    expect(a100.facts.cooling.rackWatts).toBe(26_000);
    expect(gb200.facts.cooling.rackWatts).toBe(120_000);
    // ramp(120/140, 0.5, 1) = 71.4 against the A100's cooling-energy floor
    expect(domain(gb200, 'cooling').score).toBeCloseTo(100 * (120 / 140 - 0.5) / 0.5, 6);
    expect(domain(gb200, 'cooling').score).toBeGreaterThan(domain(a100, 'cooling').score + 40);
  });

  it('power reads the chain: 120 kW NVL72 racks fill an AC-fed 54 V busbar (score 100); 800 V DC lowers the power score', () => {
    const nvl72 = scenarioFromText(example('gpt3-175b-a100'), [['accelerator: a100-80gb', 'accelerator: gb200']]);
    const ac = analyzeBottlenecks({ ...nvl72.scenario, datacenter: { powerChain: 'modernAc' } }, nvl72.layout);
    const dc = analyzeBottlenecks({ ...nvl72.scenario, datacenter: { powerChain: 'hvdc800v' } }, nvl72.layout);
    expect(domain(ac, 'power')).toMatchObject({ score: 100, rule: 'power-rack-feed' });
    expect(domain(dc, 'power').score).toBeLessThan(50);
  });

  it('power reads the site cap: a design at 90 % of datacenter.sitePowerMw scores 80', () => {
    const free = analyzeBottlenecks(gpt3.scenario, gpt3.layout);
    const capMw = free.facts.power.facilityDesignWatts / 1e6 / 0.9;
    const capped = analyzeBottlenecks({ ...gpt3.scenario, datacenter: { sitePowerMw: capMw } }, gpt3.layout);
    expect(domain(capped, 'power').findings.find((f) => f.rule === 'power-site-cap')?.score).toBeCloseTo(80, 6);
  });

  it('16,384 GPUs fail more often than 1,024: the reliability score grows', () => {
    const big = applyWhatIf(gpt3.scenario, [{ key: 'gpus', mode: 'count', value: 16_384 }]);
    const bigLayout = { ...gpt3.layout, dp: 128, fsdpShardSize: 128, edp: 1024, microBatches: 12 };
    const small = domain(analyzeBottlenecks(gpt3.scenario, gpt3.layout), 'storage-reliability');
    const large = domain(analyzeBottlenecks(big, bigLayout), 'storage-reliability');
    expect(large.score).toBeGreaterThan(small.score);
  });
});
