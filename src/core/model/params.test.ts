import { describe, expect, it } from 'vitest';
import { MODELS } from './catalog.js';
import {
  attentionParams,
  countParams,
  embeddingParams,
  expertParams,
  isMoeLayer,
  layerFfnParams,
  layerParams,
  megatronGptParams,
  mtpModuleParams,
  normParams,
  outputHeadParams,
  positionEmbeddingParams,
  routerParams,
  sharedExpertParams,
} from './params.js';
import type { ModelSpec } from './types.js';

const catalog: readonly ModelSpec[] = Object.values(MODELS);

function relativeError(computed: number, published: number): number {
  return Math.abs(computed / published - 1);
}

describe('countParams against published totals', () => {
  it('countParams(deepseek-v3).total is 671B within 0.5% (without MTP)', () => {
    expect(relativeError(countParams(MODELS['deepseek-v3']).total, 671e9)).toBeLessThan(0.005);
  });

  it('countParams(llama3-405b).total is 405B within 0.5%', () => {
    expect(relativeError(countParams(MODELS['llama3-405b']).total, 405e9)).toBeLessThan(0.005);
  });

  it('countParams(mixtral-8x7b).total is 46.7B within 0.5%', () => {
    expect(relativeError(countParams(MODELS['mixtral-8x7b']).total, 46.7e9)).toBeLessThan(0.005);
  });

  it('countParams(gpt3-175b).total is 175B within 0.5%', () => {
    expect(relativeError(countParams(MODELS['gpt3-175b']).total, 175e9)).toBeLessThan(0.005);
  });

  // Stated counts are printed to at most 0.1B, so allow half of that; sizes taken from a model's
  // name ("70B", "1.7B") are rounded or truncated by the publisher: allow 5%.
  it.each(catalog.filter((m) => m.published.paramsTotal !== null).map((m) => [m.id, m] as const))(
    'countParams(%s).total matches its published total',
    (_id, model) => {
      const published = model.published.paramsTotal ?? Number.NaN;
      const total = countParams(model).total;
      if (model.published.nominal === true) expect(relativeError(total, published)).toBeLessThan(0.05);
      else expect(Math.abs(total - published)).toBeLessThanOrEqual(Math.max(0.005 * published, 0.05e9));
    },
  );

  it.each(catalog.filter((m) => m.published.paramsActive !== null).map((m) => [m.id, m] as const))(
    'countParams(%s).active is within 2% of the published activated count',
    (_id, model) => {
      expect(relativeError(countParams(model).active, model.published.paramsActive ?? Number.NaN)).toBeLessThan(0.02);
    },
  );
});

describe('countParams(deepseek-v3) reproduces the config tally of shared notes §1.3–1.4', () => {
  const p = countParams(MODELS['deepseek-v3']);

  it('total 671,026,419,200 and active 37,552,297,472 (embedding and head included)', () => {
    expect(p.total).toBe(671_026_419_200);
    expect(p.active).toBe(37_552_297_472);
  });

  it('MLA 187,107,328 per layer, one expert 44,040,192, MTP module 11.61B', () => {
    expect(attentionParams(MODELS['deepseek-v3'])).toBe(187_107_328);
    expect(expertParams(MODELS['deepseek-v3'])).toBe(44_040_192);
    expect(routerParams(MODELS['deepseek-v3'])).toBe(256 * 7168 + 256);
    expect(p.mtp / 1e9).toBeCloseTo(11.61, 2);
    expect(p.totalWithMtp).toBe(p.total + p.mtp);
  });

  it('states its activated-count convention', () => {
    expect(p.activeConvention).toMatch(/embedding/);
    expect(p.activeConvention).toMatch(/MTP modules excluded/);
  });
});

describe('breakdown parts', () => {
  it.each(catalog.map((m) => [m.id, m] as const))('countParams(%s): parts sum to total; active ≤ total', (_id, model) => {
    const p = countParams(model);
    const sum =
      p.embedding + p.positionEmbedding + p.attention + p.denseMlp + p.routedExperts + p.sharedExperts + p.router +
      p.norms + p.outputHead;
    expect(sum).toBe(p.total);
    expect(p.active).toBeLessThanOrEqual(p.total);
    expect(p.totalWithMtp).toBe(p.total + p.mtp);
  });

  it.each(catalog.map((m) => [m.id, m] as const))('countParams(%s) equals the sum of the per-layer helpers', (_id, model) => {
    let layers = 0;
    let active = 0;
    for (let i = 0; i < model.layers; i += 1) {
      layers += layerParams(model, i);
      active += layerParams(model, i) - layerFfnParams(model, i).total + layerFfnParams(model, i).active;
    }
    const outside =
      embeddingParams(model) + positionEmbeddingParams(model) + outputHeadParams(model) + normParams(model, model.hidden);
    expect(layers + outside).toBe(countParams(model).total);
    expect(active + outside).toBe(countParams(model).active);
  });

  it('a dense model has active = total and no MoE parts', () => {
    const p = countParams(MODELS['llama3-70b']);
    expect(p.active).toBe(p.total);
    expect(p.routedExperts + p.sharedExperts + p.router + p.mtp).toBe(0);
  });

  it('tied embeddings count the head once; untied count it apart', () => {
    expect(countParams(MODELS['gpt3-175b']).outputHead).toBe(0);
    expect(countParams(MODELS['llama3-8b']).outputHead).toBe(128256 * 4096);
  });
});

describe('per-layer helpers', () => {
  it('isMoeLayer(deepseek-v3, i) is false for the first 3 layers, true from layer 3', () => {
    const v3 = MODELS['deepseek-v3'];
    expect([0, 1, 2, 3, 60].map((i) => isMoeLayer(v3, i))).toEqual([false, false, false, true, true]);
    expect(isMoeLayer(MODELS['llama3-8b'], 5)).toBe(false);
    expect(isMoeLayer(MODELS['mixtral-8x7b'], 0)).toBe(true);
  });

  it('sharedExpertParams(deepseek-v2) is 2 SwiGLU experts of 3·5120·1536', () => {
    expect(sharedExpertParams(MODELS['deepseek-v2'])).toBe(2 * 3 * 5120 * 1536);
    expect(sharedExpertParams(MODELS['mixtral-8x7b'])).toBe(0);
  });

  it('attentionParams(llama3-8b) is Wq, Wo 4096² and Wk, Wv 4096·1024 (GQA, 8 kv heads)', () => {
    expect(attentionParams(MODELS['llama3-8b'])).toBe(2 * 4096 ** 2 + 2 * 4096 * 1024);
  });

  it('attentionParams(qwen3-235b-a22b) includes the 2·128 QK-norm scales', () => {
    expect(attentionParams(MODELS['qwen3-235b-a22b'])).toBe(2 * 4096 * 8192 + 2 * 4096 * 512 + 256);
  });

  it('mtpModuleParams is 0 work for no MTP: countParams(llama3-405b).mtp = 0', () => {
    expect(countParams(MODELS['llama3-405b']).mtp).toBe(0);
    expect(mtpModuleParams(MODELS['deepseek-v3'])).toBeGreaterThan(layerParams(MODELS['deepseek-v3'], 60));
  });
});

describe('megatronGptParams (Narayanan et al. 2021 eq. 2)', () => {
  const gpts = ['gpt-1.7b', 'gpt-39b', 'gpt-530b', 'gpt-1t', 'gpt-175b'] as const;
  it.each(gpts)('countParams(%s).total = eq. 2 + the final LayerNorm 2h', (id) => {
    const m = MODELS[id];
    const eq2 = megatronGptParams(m.layers, m.hidden, m.vocab, m.maxPositions);
    expect(countParams(m).total).toBeCloseTo(eq2 + 2 * m.hidden, -1);
  });
});
