import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseScenario, parseScenarioText } from './parse.js';
import { inputErrorOf as errorOf } from '../input-error.testing.js';

/** A small valid scenario as plain data; each test breaks one field. */
interface ScenarioData {
  [key: string]: unknown;
  cluster?: unknown;
  training: Record<string, unknown>;
}

function base(): ScenarioData {
  return {
    name: 'test',
    model: 'llama3-70b',
    cluster: { accelerator: 'h100-sxm', gpus: 64 },
    training: { seqLen: 8192, globalBatch: 512, totalTokens: '1T', precision: 'bf16' },
    layout: { tp: 8, pp: 2 },
  };
}


function rejects(data: unknown): InputError {
  return errorOf(() => parseScenario(data));
}

describe('parseScenarioText: malformed text', () => {
  it('malformed YAML names the line and column', () => {
    const error = errorOf(() => parseScenarioText('model: llama3-70b\ncluster: {gpus: 8\ntraining: x\n', 'yaml'));
    expect(error.field).toBe('scenario');
    expect(error.rule).toMatch(/^malformed YAML at line \d+, column \d+: /);
  });
  it('duplicate YAML keys are malformed', () => {
    const error = errorOf(() => parseScenarioText('model: a\nmodel: b\n'));
    expect(error.rule).toMatch(/^malformed YAML at line \d+, column \d+: Map keys must be unique/);
  });
  it('malformed JSON names the line and column of the error', () => {
    const error = errorOf(() => parseScenarioText('{\n  "model": "llama3-70b",\n  "cluster": }\n'));
    expect(error.field).toBe('scenario');
    expect(error.rule).toMatch(/^malformed JSON at line 3, column 14: /);
    expect(error.value).toBe('"cluster": }');
  });
  it('an empty document is rejected as not an object', () => {
    expect(errorOf(() => parseScenarioText('')).rule).toBe('must be an object');
  });
});

describe('parseScenario: schema rules name the field and the rule', () => {
  it('unknown model id suggests the nearest catalog id', () => {
    const error = rejects({ ...base(), model: 'llama3-70' });
    expect(error.field).toBe('model');
    expect(error.rule).toMatch(/unknown model id; did you mean "llama3-70b"\?/);
  });
  it('unknown accelerator id suggests the nearest catalog id', () => {
    const error = rejects({ ...base(), cluster: { accelerator: 'h100-sx', gpus: 64 } });
    expect(error.field).toBe('cluster.accelerator');
    expect(error.rule).toMatch(/unknown accelerator; did you mean "h100-sxm"\?/);
  });
  it('a missing required field is named', () => {
    const data = base();
    delete data.training.seqLen;
    const error = rejects(data);
    expect(error.field).toBe('training.seqLen');
    expect(error.rule).toBe('required field');
  });
  it('a missing section is named', () => {
    const data = base();
    delete data.cluster;
    expect(rejects(data).field).toBe('cluster');
  });
  it('an extra field is rejected with the allowed fields', () => {
    const error = rejects({ ...base(), layout: { tp: 8, pp: 2, tensorParallel: 4 } });
    expect(error.field).toBe('layout.tensorParallel');
    expect(error.value).toBe(4);
    expect(error.rule).toMatch(/^unknown field; allowed: tp, pp, vp, ep, etp, cp, dp, /);
  });
  it('an extra top-level field is rejected', () => {
    const error = rejects({ ...base(), modle: 'x' });
    expect(error.field).toBe('modle');
    expect(error.rule).toMatch(/unknown field; allowed: name, description, model, cluster, training, layout, economics, datacenter/);
  });
  it('a non-integer degree is rejected', () => {
    const error = rejects({ ...base(), layout: { tp: 2.5 } });
    expect(error.field).toBe('layout.tp');
    expect(error.value).toBe(2.5);
    expect(error.rule).toMatch(/must be a positive integer/);
  });
  it('a negative degree is rejected', () => {
    const error = rejects({ ...base(), layout: { pp: -2 } });
    expect(error.field).toBe('layout.pp');
    expect(error.rule).toMatch(/must be a positive integer/);
  });
  it('a bad entry of a search list names its index', () => {
    const error = rejects({ ...base(), layout: { tp: [1, 2, 0] } });
    expect(error.field).toBe('layout.tp[2]');
    expect(error.rule).toMatch(/must be a positive integer/);
  });
  it('zero GPUs is rejected', () => {
    const error = rejects({ ...base(), cluster: { accelerator: 'h100-sxm', gpus: 0 } });
    expect(error.field).toBe('cluster.gpus');
    expect(error.rule).toBe('must be a positive integer');
  });
  it('an absurd GPU count is rejected as a typo', () => {
    const error = rejects({ ...base(), cluster: { accelerator: 'h100-sxm', gpus: 20_000_000 } });
    expect(error.field).toBe('cluster.gpus');
    expect(error.rule).toMatch(/must be at most 10000000/);
  });
  it('an absurd sequence length is rejected', () => {
    const data = base();
    data.training.seqLen = 100_000_000;
    expect(rejects(data).rule).toMatch(/must be at most 10000000/);
  });
  it('an inline model with absurd layers is rejected', () => {
    const model = { layers: 20_000, hidden: 4096, vocab: 32000, attention: { heads: 32 }, mlp: 'gelu' };
    const error = rejects({ ...base(), model });
    expect(error.field).toBe('model.layers');
    expect(error.rule).toMatch(/must be at most 10000/);
  });
  it('an inline model with zero hidden size is rejected', () => {
    const model = { layers: 2, hidden: 0, vocab: 32000, attention: { heads: 32 }, mlp: 'gelu' };
    expect(rejects({ ...base(), model }).field).toBe('model.hidden');
  });
  it('a string that is not a token quantity is rejected', () => {
    const data = base();
    data.training.totalTokens = '15 trillion';
    const error = rejects(data);
    expect(error.field).toBe('training.totalTokens');
    expect(error.rule).toMatch(/quantity string like "14.8T"/);
  });
  it('an unknown precision lists the allowed ones', () => {
    const data = base();
    data.training.precision = 'fp32';
    expect(rejects(data).rule).toBe('must be one of: bf16, fp16, fp8, fp8-block, mxfp8, nvfp4');
  });
  it('an order that is not a permutation is rejected', () => {
    const error = rejects({ ...base(), layout: { order: ['tp', 'tp', 'ep', 'dp', 'pp'] } });
    expect(error.field).toBe('layout.order');
    expect(error.rule).toMatch(/permutation of tp, cp, ep, dp, pp/);
  });
  it('kvHeads that do not divide heads are rejected', () => {
    const model = { layers: 2, hidden: 4096, vocab: 32000, attention: { heads: 32, kvHeads: 6 }, ffnHidden: 11008 };
    const error = rejects({ ...base(), model });
    expect(error.field).toBe('model.attention.kvHeads');
    expect(error.rule).toMatch(/must divide attention.heads 32/);
  });
  it('a batch ramp larger than the batch is rejected', () => {
    const data = base();
    data.training.batchRamp = { startGlobalBatch: 1024, rampTokens: '10B' };
    expect(rejects(data).field).toBe('training.batchRamp.startGlobalBatch');
  });
  it('packed documents longer than the sequence are rejected; shorter ones are kept', () => {
    const data = base();
    data.training.documentTokens = 16384;
    expect(rejects(data)).toMatchObject({ field: 'training.documentTokens', value: 16384 });
    data.training.documentTokens = 1024;
    expect(parseScenario(data).training.documentTokens).toBe(1024);
  });
});

describe('parseScenario: resolution', () => {
  it('converts human units to SI and fills the layout defaults', () => {
    const data = base();
    data.cluster = { accelerator: 'h100-sxm', gpus: 64, scaleOutBandwidthGBps: 25, scaleOutLatencyUs: 5 };
    data.training.batchRamp = { startGlobalBatch: 128, rampTokens: '469B' };
    const scenario = parseScenario(data);
    expect(scenario.training.totalTokens).toBe(1e12);
    expect(scenario.training.batchRamp).toEqual({ startGlobalBatch: 128, rampTokens: 469e9 });
    expect(scenario.cluster.scaleOutBandwidthBytesPerSec).toBe(25e9);
    expect(scenario.cluster.scaleOutLatencySeconds).toBeCloseTo(5e-6, 12);
    expect(scenario.layout).toMatchObject({ tp: 8, pp: 2, vp: 1, ep: 1, cp: 1, dp: 'auto', zero: 1, recompute: 'none', schedule: null });
  });
  it('an inline model and accelerator get their documented defaults', () => {
    const data = base();
    data.model = { layers: 24, hidden: 2048, vocab: 50257, attention: { heads: 16 }, mlp: 'gelu' };
    data.cluster = {
      accelerator: { id: 'x1', peakTflops: { bf16: 500 }, hbmGB: 96, hbmBandwidthTBs: 4, scaleUp: { bandwidthGBps: 450, domainGpus: 8 }, tdpWatts: 800, scaleOut: { bandwidthGBps: 50 } },
      gpus: 16,
    };
    const scenario = parseScenario(data);
    expect(scenario.model.ffnHidden).toBe(4 * 2048);
    expect(scenario.model.attention).toEqual({ kind: 'mha', heads: 16, kvHeads: 16, headDim: 128 });
    expect(scenario.model.maxPositions).toBe(8192);
    expect(scenario.cluster.accelerator.peakFlopsPerSec.bf16).toBe(500e12);
    expect(scenario.cluster.accelerator.hbmBytes).toBe(96e9);
    expect(scenario.cluster.scaleUpBandwidthBytesPerSec).toBe(450e9);
    expect(scenario.cluster.scaleOutLatencySeconds).toBeCloseTo(3.7e-6, 12);
  });
  it('a dense swiglu model without ffnHidden is rejected', () => {
    const model = { layers: 2, hidden: 4096, vocab: 32000, attention: { heads: 32 } };
    const error = rejects({ ...base(), model });
    expect(error.field).toBe('model.ffnHidden');
  });
  it('economics and datacenter sections are typed: known fields pass, unknown ones and bad values are rejected by name', () => {
    expect(() => parseScenario({ ...base(), economics: { usdPerGpuHour: 2 }, datacenter: { cooling: 'immersion', growth: [{ month: 0, gpus: 1024 }] } })).not.toThrow();
    expect(rejects({ ...base(), economics: 3 }).field).toBe('economics');
    expect(rejects({ ...base(), economics: { dollarsPerGpuHour: 2 } }).field).toBe('economics.dollarsPerGpuHour');
    expect(rejects({ ...base(), datacenter: { cooling: 'fans' } }).field).toBe('datacenter.cooling');
    expect(rejects({ ...base(), economics: { usdPerGpuHour: -1 } }).field).toBe('economics.usdPerGpuHour');
  });
  it('JSON text parses like YAML text', () => {
    const fromJson = parseScenarioText(JSON.stringify(base()));
    const fromYaml = parseScenarioText('name: test\nmodel: llama3-70b\ncluster: {accelerator: h100-sxm, gpus: 64}\ntraining: {seqLen: 8192, globalBatch: 512, totalTokens: 1T, precision: bf16}\nlayout: {tp: 8, pp: 2}\n');
    expect(fromYaml).toEqual(fromJson);
  });
});

describe('training.framework', () => {
  it('a profile id selects the profile; absent, Megatron-Core applies', () => {
    const data = base();
    data.training.framework = 'torchtitan';
    expect(parseScenario(data).training.framework).toMatchObject({ id: 'torchtitan', selectiveRecompute: 'torch-op-sac' });
    expect(parseScenario(base()).training.framework).toBeUndefined();
  });
  it('an object overrides entries of the profile', () => {
    const data = base();
    data.training.framework = { id: 'torchtitan', asyncTp: true, compile: true, overlap: { cpRing: false }, gradReduceDtype: 'bf16' };
    const f = parseScenario(data).training.framework;
    expect(f?.overlap).toMatchObject({ tpFraction: 1, cpRing: false, dpGradReduce: true });
    expect(f).toMatchObject({ elementwiseTrafficFactor: 1, gradReduceDtype: 'bf16' });
  });
  it('gradAccumDtype: DeepSpeed accumulates ZeRO gradients in the parameter dtype unless overridden', () => {
    const data = base();
    data.training.framework = 'deepspeed';
    expect(parseScenario(data).training.framework?.gradAccumDtype).toBe('param');
    data.training.framework = { id: 'deepspeed', gradAccumDtype: 'recipe' };
    expect(parseScenario(data).training.framework?.gradAccumDtype).toBe('recipe');
  });
  it('an unknown profile names the field and the choices', () => {
    const data = base();
    data.training.framework = 'jax';
    const error = rejects(data);
    expect(error.field).toBe('training.framework');
    expect(error.rule).toMatch(/megatron-core.*torchtitan/);
  });
  it('an out-of-range override names its field', () => {
    const data = base();
    data.training.framework = { id: 'megatron-core', overlap: { tpFraction: 2 } };
    expect(rejects(data).field).toBe('training.framework.overlap.tpFraction');
  });
});

describe('training.precisionScaling', () => {
  it('fp8 takes tensorwise or rowwise', () => {
    const data = base();
    data.training.precision = 'fp8';
    data.training.precisionScaling = 'rowwise';
    expect(parseScenario(data).training.precisionScaling).toBe('rowwise');
  });
  it('a scaling the precision does not run names the field and the rule', () => {
    const data = base();
    data.training.precisionScaling = 'tensorwise';
    const error = rejects(data);
    expect(error.field).toBe('training.precisionScaling');
    expect(error.rule).toMatch(/bf16 recipe quantises nothing/);
  });
});

describe('parseScenario: units in the training section', () => {
  it('seqLen "8k" is 8192 tokens, like totalTokens "15T"', () => {
    const s = parseScenario({ ...base(), training: { ...base().training, seqLen: '8k' } });
    expect(s.training.seqLen).toBe(8192);
  });
  it('a seqLen that is not a whole number of tokens is refused with the field named', () => {
    const error = rejects({ ...base(), training: { ...base().training, seqLen: '1.1k' } });
    expect(error.field).toBe('training.seqLen');
  });
  it('a precision the accelerator cannot run is refused at parse time, for every command alike', () => {
    const error = rejects({ ...base(), cluster: { accelerator: 'a100-80gb', gpus: 64 }, training: { ...base().training, precision: 'fp8' } });
    expect(error.field).toBe('training.precision');
    expect(rejects({ ...base(), training: { ...base().training, precision: 'mxfp8' } }).rule).toMatch(/needs Blackwell/);
  });
});
