import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../errors.js';
import { MODELS } from './catalog.js';
import { findModel, MODEL_IDS } from './find-model.js';
import type { ModelSpec } from './types.js';

const entries = Object.entries(MODELS);

describe('MODELS', () => {
  it.each(entries)('MODELS["%s"].id is its key', (key, model) => {
    expect(model.id).toBe(key);
  });

  it.each(entries)('MODELS["%s"] is internally consistent', (_key, m: ModelSpec) => {
    for (const n of [m.layers, m.hidden, m.vocab, m.ffnHidden, m.maxPositions]) expect(Number.isInteger(n) && n > 0).toBe(true);
    const a = m.attention;
    if (a.kind !== 'mla') {
      expect(a.heads % a.kvHeads).toBe(0);
      expect(a.kind === 'mha' ? a.kvHeads === a.heads : a.kvHeads < a.heads).toBe(true);
      expect(Number.isInteger(a.headDim)).toBe(true);
    }
    if (m.moe !== null) {
      expect(m.moe.topK).toBeLessThanOrEqual(m.moe.experts);
      expect(m.moe.denseLayers).toBeLessThan(m.layers);
      // ffnHidden is the dense width (or the expert width when there are no dense layers)
      expect(m.ffnHidden).toBe(m.moe.denseLayers > 0 ? m.moe.denseFfnHidden : m.moe.expertFfnHidden);
    }
    expect(m.source.length).toBeGreaterThan(10);
    expect(m.published.source.length).toBeGreaterThan(5);
  });
});

describe('findModel', () => {
  it('findModel("deepseek-v3") returns the catalog entry', () => {
    expect(findModel('deepseek-v3')).toBe(MODELS['deepseek-v3']);
  });

  it('findModel("llama3-7b") throws InputError on field "model" suggesting "llama3-8b"', () => {
    let caught: unknown;
    try {
      findModel('llama3-7b');
    } catch (error) {
      caught = error;
    }
    expect(isInputError(caught)).toBe(true);
    if (!isInputError(caught)) return;
    expect(caught.field).toBe('model');
    expect(caught.value).toBe('llama3-7b');
    expect(caught.rule).toContain('did you mean "llama3-8b"?');
    expect(caught.rule).toContain(`known: ${MODEL_IDS.join(', ')}`);
  });

  it('findModel("mixtral8x22b") suggests "mixtral-8x22b"; inherited keys are not models', () => {
    expect(() => findModel('mixtral8x22b')).toThrow(/did you mean "mixtral-8x22b"/);
    expect(() => findModel('toString')).toThrow(/unknown model id/);
  });
});

// The Megatron GPT runs of the validation data must find their architecture in the catalog.
interface RunModel {
  readonly layers: number | null;
  readonly hidden: number | null;
  readonly ffnHidden: number | null;
  readonly heads: number | null;
  readonly vocab: number | null;
}
interface RunRecord {
  readonly id: string;
  readonly model: RunModel;
  readonly seqLen: number | null;
}

function parseRuns(): RunRecord[] {
  const text = readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8');
  const runs: RunRecord[] = JSON.parse(text);
  return runs;
}

describe('catalog covers the Megatron GPT runs of data/runs-dev.json', () => {
  const runs = parseRuns().filter((r) => /^(MLM21|MLM24|KORTH)-/.test(r.id) && r.model.layers !== null);
  const gpts = Object.values(MODELS).filter((m: ModelSpec) => m.id.startsWith('gpt-') || m.id.startsWith('mcore-gpt-'));

  it('finds at least the 10 + 4 + 9 published configurations', () => {
    expect(runs.length).toBeGreaterThanOrEqual(23);
  });

  it.each(runs.map((r) => [r.id, r] as const))('run %s has a catalog GPT with its layers, hidden, heads, FFN, vocab', (_id, run) => {
    const m = run.model;
    const match = gpts.find(
      (g) =>
        g.layers === m.layers &&
        g.hidden === m.hidden &&
        (m.heads === null || g.attention.heads === m.heads) &&
        (m.ffnHidden === null || g.ffnHidden === m.ffnHidden) &&
        // Megatron pads the vocabulary (50,257 → 51,200 at TP 8); the MT-NLG record prints 50,272
        (m.vocab === null || Math.abs(g.vocab / m.vocab - 1) < 0.02) &&
        (run.seqLen === null || run.seqLen <= g.maxPositions),
    );
    expect(match?.id).toBeDefined();
  });
});
