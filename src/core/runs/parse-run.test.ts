import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { isRunCase, parseRunRecord, parseRunsFile, type RunCase, type RunRecord } from './index.js';

const RUNS_TEXT = readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8');
const RECORDS = parseRunsFile(RUNS_TEXT);

function record(id: string): RunRecord {
  const found = RECORDS.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no record ${id}`);
  return structuredClone(found);
}

function modelled(id: string): RunCase {
  const result = parseRunRecord(record(id));
  if (!isRunCase(result)) throw new Error(`${id} skipped: ${result.skipReason}`);
  return result;
}

function skipReasonOf(data: unknown): string {
  const result = parseRunRecord(data);
  if (isRunCase(result)) throw new Error('expected a skip');
  return result.skipReason;
}

describe('parseRunsFile', () => {
  it('reads every record of data/runs-dev.json', () => {
    expect(RECORDS).toHaveLength(417);
  });
  it('malformed JSON is an InputError with line and column', () => {
    expect(() => parseRunsFile('[\n  {"id": "X",}\n]')).toThrow(/malformed JSON at line 2, column 14/);
  });
  it('a record breaking the schema names the record index and field', () => {
    const broken = JSON.parse(RUNS_TEXT);
    broken[3].cluster.numGpus = 'many';
    try {
      parseRunsFile(JSON.stringify(broken));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field: 'runs[3].cluster.numGpus', value: 'many' });
    }
  });
});

describe('parseRunRecord on data/runs-dev.json', () => {
  const results = RECORDS.map((r) => parseRunRecord(r));
  const cases = results.filter(isRunCase);

  it('models 138 of 417 records; every skip has a reason (regression count)', () => {
    expect(cases).toHaveLength(138);
    for (const result of results) if (!isRunCase(result)) expect(result.skipReason.length).toBeGreaterThan(0);
  });

  it('every case has a checked layout matching its GPU count and at least one measurement', () => {
    for (const c of cases) {
      expect(c.layout.tp * c.layout.cp * c.layout.pp * c.layout.dp).toBe(c.scenario.cluster.gpus);
      expect(Object.keys(c.measured).length).toBeGreaterThan(0);
    }
  });

  it('DEEPSEEK-001: PP16 × EP64 over DP128 on 2048 H800, fp8-block, throughput from 180K GPU-h per 1T tokens', () => {
    const c = modelled('DEEPSEEK-001');
    expect(c.layout).toMatchObject({ tp: 1, cp: 1, pp: 16, ep: 64, dp: 128, edp: 2, zero: 1, microBatches: 120, schedule: 'dualpipe' });
    expect(c.scenario.cluster.accelerator.id).toBe('h800');
    expect(c.scenario.model.moe).toMatchObject({ experts: 256, topK: 8, denseLayers: 3 });
    expect(c.measured.tokensPerSecPerGpu).toBeCloseTo(1e12 / (180_000 * 3600), 6);
    expect(c.tags).toEqual({ accelerator: 'h800', moe: true, precisionClass: 'fp8', workload: 'pretrain', framework: 'hai-llm' });
    expect(c.notes).toContain('layout.cp not given: 1 (printed degrees already multiply to 2048 GPUs)');
  });

  it('tied embeddings follow the architecture source in the notes ("tie_word_embeddings=True", "untied"), else the family convention', () => {
    expect(modelled('TORCHTUNE-001').scenario.model.tiedEmbeddings).toBe(true);
    expect(modelled('MSSWIFT-001').scenario.model.tiedEmbeddings).toBe(false);
    expect(modelled('TORCHTITAN-001').scenario.model.tiedEmbeddings).toBe(false);
  });

  it('LLAMA3-002: TP8 CP1 PP16 DP128 with FSDP over DP; vp, recompute, micro-batch unknown (no convention for the stack), never fitted on', () => {
    const c = modelled('LLAMA3-002');
    expect(c.layout).toMatchObject({ tp: 8, cp: 1, pp: 16, dp: 128, zero: 3, fsdpShardSize: 128, microBatches: 16 });
    expect(c.measured).toEqual({ mfu: record('LLAMA3-002').measured.mfu });
    expect(c.assumed.filter((a) => a.basis === 'unknown').map((a) => a.field).sort()).toEqual(['microBatch', 'recompute', 'sequenceParallel', 'vp']);
    expect(c.notes.some((n) => n.startsWith('layout.microBatch not given: 1 (unknown'))).toBe(true);
  });

  it('a null field that does not matter at the run\'s degrees is not assumed; a stack convention is marked as such', () => {
    const tp1 = { ...record('TORCHTUNE-001'), layout: { ...record('TORCHTUNE-001').layout, sequenceParallel: null, vp: null } };
    const c = parseRunRecord(tp1);
    if (!isRunCase(c)) throw new Error('skipped');
    // Only the packed samples' length, which no record gives (record-packing.ts).
    expect(c.assumed.map((a) => a.field)).toEqual(['documentTokens']);
    const mbridge = modelled('MBRIDGE-034');
    const sp = mbridge.assumed.find((a) => a.field === 'sequenceParallel');
    expect(sp).toMatchObject({ basis: 'convention', value: true });
  });

  it('packed fine-tunes attend per sample: 1,024 tokens per sample, marked unknown, where the record names padding-free packing; absent otherwise', () => {
    for (const id of ['MSSWIFT-006', 'TORCHTUNE-002', 'NEMO2407-014']) {
      const c = modelled(id);
      expect(c.scenario.training.documentTokens).toBe(1024);
      expect(c.assumed).toContainEqual(expect.objectContaining({ field: 'documentTokens', value: 1024, basis: 'unknown' }));
    }
    expect(modelled('TORCHTITAN-001').scenario.training.documentTokens).toBeUndefined();
    expect(modelled('NEMO2407-005').scenario.training.documentTokens).toBeUndefined();
  });

  it('an expert-parallel MoE run that does not force balanced routing has an unknown routing imbalance (the prior, marked unknown); a forced-balanced one does not', () => {
    expect(modelled('MSSWIFT-004').assumed).toContainEqual(expect.objectContaining({ field: 'expertLoadImbalance', value: 1.25, basis: 'unknown' }));
    expect(modelled('MBRIDGE-256').assumed.some((a) => a.field === 'expertLoadImbalance')).toBe(false);
    expect(modelled('MBRIDGE-034').assumed.some((a) => a.field === 'expertLoadImbalance')).toBe(false);
  });

  it('the record\'s framework selects the profile; options named in the notes apply; other stacks take the default', () => {
    expect(modelled('TORCHTITAN-001').scenario.training.framework).toMatchObject({ id: 'torchtitan', elementwiseTrafficFactor: 3, selectiveRecompute: 'torch-op-sac' });
    expect(modelled('TORCHTITAN-002').scenario.training.framework).toMatchObject({ id: 'torchtitan', elementwiseTrafficFactor: 1 });
    expect(modelled('TORCHTITAN-011').scenario.training.framework?.overlap.tpFraction).toBe(0);
    expect(modelled('TORCHTITAN-012').scenario.training.framework?.overlap.tpFraction).toBe(1);
    expect(modelled('MBRIDGE-034').scenario.training.framework?.id).toBe('megatron-core');
    // torchtune is filed under `other`; its published name selects its profile, its `compile` field the fused kernels.
    expect(modelled('TORCHTUNE-001').scenario.training.framework).toMatchObject({ id: 'torchtune', elementwiseTrafficFactor: 3 });
    expect(modelled('TORCHTUNE-004').scenario.training.framework).toMatchObject({ id: 'torchtune', elementwiseTrafficFactor: 1 });
    const deepseek = modelled('DEEPSEEK-001');
    expect(deepseek.scenario.training.framework?.id).toBe('megatron-core');
    expect(deepseek.notes).toContain('framework hai-llm: no profile of its own, megatron-core assumed');
  });

  it('torchtitan pipelining: microBatch = local batch / (pp · stages per rank), 2 stages per rank when the notes name Interleaved 1F1B', () => {
    const oneF = modelled('TORCHTITAN-013');
    expect(oneF.layout).toMatchObject({ pp: 8, vp: 1, dp: 8, microBatch: 256 / 8 / 8, schedule: '1f1b' });
    expect(oneF.assumed.find((a) => a.field === 'microBatch')).toMatchObject({ basis: 'convention', value: 4 });
    const looped = modelled('TORCHTITAN-014');
    expect(looped.layout).toMatchObject({ pp: 8, vp: 2, microBatch: 256 / 8 / (8 * 2), schedule: 'interleaved' });
  });

  it('a GELU (GPT) model without ffnHidden gets Megatron-LM\'s 4·hidden', () => {
    const c = modelled('MLM24-003');
    expect(c.scenario.model.ffnHidden).toBe(4 * c.scenario.model.hidden);
  });

  it('fp8-mx records become mxfp8 scenarios of precision class fp8', () => {
    const c = modelled('MBRIDGE-034');
    expect(c.scenario.training.precision).toBe('mxfp8');
    expect(c.tags.precisionClass).toBe('fp8');
    expect(c.layout).toMatchObject({ pp: 8, vp: 4, schedule: 'interleaved' });
  });

  it('skips with the missing input named', () => {
    expect(skipReasonOf(record('MLM21-001'))).toBe('model.heads not given');
    expect(skipReasonOf(record('KORTH-001'))).toBe('model.vocab not given');
    expect(skipReasonOf(record('MBRIDGE-001'))).toBe('model.mtpDepth not given');
    expect(skipReasonOf(record('LLAMA3-003'))).toBe('layout.globalBatch not given');
  });

  it('a null tp that the printed degrees do not fix is a skip, not a guess', () => {
    const data = record('LLAMA3-002');
    data.layout.tp = null;
    data.layout.dp = null;
    expect(skipReasonOf(data)).toBe('layout.tp not given (printed degrees do not fix it)');
  });

  it('a layout that breaks a rule is skipped with the rule', () => {
    const data = record('LLAMA3-002');
    data.layout.dp = 64;
    expect(skipReasonOf(data)).toBe('layout: tp·cp·pp·dp = 8·1·16·64 = 8192 ≠ cluster.gpus 16384');
  });

  it('an accelerator outside the catalog is skipped', () => {
    const data = record('LLAMA3-002');
    data.cluster.gpu = 'other';
    expect(skipReasonOf(data)).toBe('cluster.gpu "other" is not in the hardware catalog');
  });

  it('a record that is not a record is skipped, not thrown', () => {
    expect(parseRunRecord(42)).toEqual({ id: '(no id)', skipReason: 'run: must be an object' });
  });

  it('the scenario and layout depend only on inputs, never on the measured block', () => {
    const data = record('MBRIDGE-034');
    const before = modelled('MBRIDGE-034');
    data.measured = { ...data.measured, tokensPerSecPerGpu: 1, stepTimeS: 999, mfu: 0.01, peakMemGiB: 1 };
    const after = parseRunRecord(data);
    if (!isRunCase(after)) throw new Error('skipped');
    expect(after.scenario).toEqual(before.scenario);
    expect(after.layout).toEqual(before.layout);
    expect(after.measured).not.toEqual(before.measured);
  });
});
