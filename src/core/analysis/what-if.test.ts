import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { Domain } from './bottlenecks/types.js';
import { scenarioFromText } from './test-fixtures.js';
import { formatWhatIf, parseWhatIf } from './what-if-parse.js';
import { applyWhatIf, runWhatIf, type WhatIfResult } from './what-if.js';

const example = (name: string): string => readFileSync(`examples/${name}.yaml`, 'utf8');

function expectWhatIfError(spec: string, ruleText: RegExp): void {
  let caught: unknown;
  try {
    parseWhatIf(spec);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  if (caught instanceof InputError) {
    expect(caught.field).toBe('--what-if');
    expect(caught.value).toBe(spec);
    expect(caught.rule).toMatch(ruleText);
  }
}

describe('parseWhatIf(spec)', () => {
  it('parses the issue example into a typed change list', () => {
    expect(parseWhatIf('scaleUpBandwidth=2x,hbmBandwidth=1.5x,precision=fp8')).toEqual([
      { key: 'scaleUpBandwidth', factor: 2 },
      { key: 'hbmBandwidth', factor: 1.5 },
      { key: 'precision', precision: 'fp8' },
    ]);
  });

  it('parses every key, ignores spaces, and round-trips through formatWhatIf', () => {
    const spec = ' scaleOutBandwidth=2x , hbmCapacity=1.5x, peakFlops=1.2x,gpus=4096,scaleUpDomain=72,cooling=direct-to-chip';
    const changes = parseWhatIf(spec);
    expect(changes).toEqual([
      { key: 'scaleOutBandwidth', factor: 2 },
      { key: 'hbmCapacity', factor: 1.5 },
      { key: 'peakFlops', factor: 1.2 },
      { key: 'gpus', mode: 'count', value: 4096 },
      { key: 'scaleUpDomain', gpus: 72 },
      { key: 'cooling', cooling: 'direct-to-chip' },
    ]);
    expect(parseWhatIf(formatWhatIf(changes))).toEqual(changes);
    expect(parseWhatIf('gpus=0.5x')).toEqual([{ key: 'gpus', mode: 'factor', value: 0.5 }]);
  });

  it.each([
    ['', /key=value/],
    ['   ,  ', /key=value/],
    ['scaleUpBandwidth', /not key=value/],
    ['scaleUpBandwidth=', /not key=value/],
    ['nvlink=2x', /unknown key "nvlink"/],
    ['scaleUpBandwidth=2', /factor like 2x/],
    ['scaleUpBandwidth=-1x', /factor like 2x/],
    ['scaleUpBandwidth=0x', /greater than 0/],
    ['hbmBandwidth=1e9x', /factor like 2x/],
    ['peakFlops=2000x', /at most 1000x/],
    ['precision=fp7', /expected one of bf16/],
    ['gpus=0', /positive integer/],
    ['gpus=1.5', /positive integer/],
    ['scaleUpDomain=8x', /positive integer/],
    ['cooling=water', /expected one of air/],
    ['precision=fp8,precision=bf16', /given twice/],
  ])('rejects %j as InputError on --what-if', (spec, rule) => {
    expectWhatIfError(spec, rule);
  });
});

describe('applyWhatIf(scenario, changes)', () => {
  const { scenario } = scenarioFromText(example('gpt3-175b-a100'));

  it('never mutates the scenario and scales the named fields only', () => {
    const before = JSON.stringify(scenario);
    const after = applyWhatIf(scenario, parseWhatIf('scaleUpBandwidth=2x,scaleOutBandwidth=3x,hbmBandwidth=1.5x,hbmCapacity=2x,peakFlops=1.2x'));
    expect(JSON.stringify(scenario)).toBe(before);
    const a = after.cluster.accelerator;
    const b = scenario.cluster.accelerator;
    expect(after.cluster.scaleUpBandwidthBytesPerSec).toBe(2 * scenario.cluster.scaleUpBandwidthBytesPerSec);
    expect(after.cluster.scaleOutBandwidthBytesPerSec).toBe(3 * scenario.cluster.scaleOutBandwidthBytesPerSec);
    expect(a.hbmBandwidthBytesPerSec).toBe(1.5 * b.hbmBandwidthBytesPerSec);
    expect(a.hbmBytes).toBe(2 * b.hbmBytes);
    expect(a.peakFlopsPerSec.bf16).toBeCloseTo(1.2 * (b.peakFlopsPerSec.bf16 ?? 0), 0);
    expect(a.peakFlopsPerSec.fp8).toBe(b.peakFlopsPerSec.fp8);
    expect(after.training).toBe(scenario.training);
    expect(after.datacenter).toBe(scenario.datacenter);
    expect(after.model).toBe(scenario.model);
  });

  it('precision, GPU count, scale-up domain and cooling', () => {
    const h100 = scenarioFromText(example('gpt3-175b-a100'), [['accelerator: a100-80gb', 'accelerator: h100-sxm']]).scenario;
    const applied = applyWhatIf(h100, parseWhatIf('precision=fp8,gpus=0.5x,scaleUpDomain=72,cooling=direct-to-chip'));
    expect(applied.training.precision).toBe('fp8');
    expect(applied.cluster.gpus).toBe(512);
    expect(applied.cluster.scaleUpDomainGpus).toBe(72);
    expect(applied.datacenter.cooling).toBe('direct-to-chip');
    expect(h100.datacenter.cooling).toBeUndefined();
  });

  it('FP8 on an A100 (no FP8 peak) is an InputError on --what-if', () => {
    expect(() => applyWhatIf(scenario, parseWhatIf('precision=fp8'))).toThrow(expect.objectContaining({ field: '--what-if' }));
  });
});

describe('runWhatIf(scenario, layout, spec): directions', () => {
  const cases = ['deepseek-v3-h800', 'gpt3-175b-a100', 'mixtral-8x7b-h100'].map((name) => ({ name, ...scenarioFromText(example(name)) }));
  const score = (r: WhatIfResult, d: Domain, side: 'before' | 'after'): number => r.domains.find((x) => x.domain === d)?.[side] ?? Number.NaN;

  for (const c of cases) {
    it(`${c.name}: 2× scale-up bandwidth never raises the network score or the step time`, () => {
      const r = runWhatIf(c.scenario, c.layout, 'scaleUpBandwidth=2x');
      expect(score(r, 'network', 'after')).toBeLessThanOrEqual(score(r, 'network', 'before') + 1e-9);
      expect(r.stepSeconds.after).toBeLessThanOrEqual(r.stepSeconds.before * (1 + 1e-12));
      expect(r.stepSeconds.delta).toBeCloseTo(r.stepSeconds.after - r.stepSeconds.before, 12);
      for (const d of r.domains) expect(d.delta).toBeCloseTo(d.after - d.before, 12);
    });

    it(`${c.name}: 2× scale-out bandwidth never raises the network score or the step time`, () => {
      const r = runWhatIf(c.scenario, c.layout, [{ key: 'scaleOutBandwidth', factor: 2 }]);
      expect(score(r, 'network', 'after')).toBeLessThanOrEqual(score(r, 'network', 'before') + 1e-9);
      expect(r.stepSeconds.after).toBeLessThanOrEqual(r.stepSeconds.before * (1 + 1e-12));
    });

    it(`${c.name}: 1.5× HBM bandwidth lowers the memory wall; 2× HBM capacity never raises the memory score`, () => {
      const bw = runWhatIf(c.scenario, c.layout, 'hbmBandwidth=1.5x');
      expect(bw.after.facts.memory.memoryBoundStepShare).toBeLessThan(bw.before.facts.memory.memoryBoundStepShare);
      expect(bw.stepSeconds.after).toBeLessThanOrEqual(bw.stepSeconds.before * (1 + 1e-12));
      const cap = runWhatIf(c.scenario, c.layout, 'hbmCapacity=2x');
      expect(score(cap, 'memory', 'after')).toBeLessThanOrEqual(score(cap, 'memory', 'before') + 1e-9);
    });
  }

  it('DeepSeek-V3 at twice the GPUs: dp doubles, the step gets shorter, the power and reliability scores grow', () => {
    const c = cases[0];
    if (c === undefined) throw new Error('no case');
    const r = runWhatIf(c.scenario, c.layout, 'gpus=2x');
    expect(r.layout.dp).toBe(2 * c.layout.dp);
    expect(r.stepSeconds.after).toBeLessThan(r.stepSeconds.before);
    expect(score(r, 'power', 'after')).toBeGreaterThan(score(r, 'power', 'before'));
    expect(score(r, 'storage-reliability', 'after')).toBeGreaterThan(score(r, 'storage-reliability', 'before'));
  });

  it('a GPU count the layout cannot take is an InputError on --what-if', () => {
    const c = cases[0];
    if (c === undefined) throw new Error('no case');
    expect(() => runWhatIf(c.scenario, c.layout, 'gpus=2040')).toThrow(expect.objectContaining({ field: '--what-if' }));
  });
});
