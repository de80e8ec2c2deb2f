/**
 * The ModelSpec of a published run, built only from the record's `model` fields. A field the
 * record leaves null is filled only where its meaning fixes it (MHA: kvHeads = heads; MQA: 1);
 * otherwise the record is skipped with the field named.
 *
 * Fields a run record never carries (norm, biases, tied embeddings, position embedding) take the
 * convention of the FFN family the record names, as Megatron-LM configures them:
 *
 * | mlp | norm | linear bias | tied embeddings | positions | source |
 * |---|---|---|---|---|---|
 * | gelu | layernorm | yes | yes | learned | Megatron-LM GPT defaults (Shoeybi et al. 2019; GPT-2/3) |
 * | swiglu | rmsnorm | no | no | rope | Llama / Mistral / Qwen / DeepSeek configs |
 * | squared-relu | layernorm | no | no | rope | Nemotron-4 (Parmar et al. 2024, arXiv 2402.16819 §2) |
 *
 * Tied embeddings stated by the record's architecture source (its notes) override the convention.
 *
 * A null `ffnHidden` of a GELU (GPT-family) model is 4·hidden: Megatron-LM sets
 * `ffn_hidden_size = 4 * hidden_size` when it is not given (megatron/training/arguments.py), as
 * GPT-3 does (d_ff = 4·d_model, Brown et al. 2020 §2.1). Other families have no such rule: skipped.
 */
import type { AttentionSpec, MlpKind, ModelSpec, MoeSpec, NormKind } from '../model/types.js';
import type { RunRecord } from './record-schema.js';

type RecordModel = RunRecord['model'];

/** A value, or the reason it is missing. */
export type Built<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

function missing(field: string): { ok: false; reason: string } {
  return { ok: false, reason: `${field} not given` };
}

interface FamilyConvention {
  readonly norm: NormKind;
  readonly linearBias: boolean;
  readonly tiedEmbeddings: boolean;
  readonly positionEmbedding: 'learned' | 'rope';
}

const FAMILY_CONVENTIONS = {
  gelu: { norm: 'layernorm', linearBias: true, tiedEmbeddings: true, positionEmbedding: 'learned' },
  swiglu: { norm: 'rmsnorm', linearBias: false, tiedEmbeddings: false, positionEmbedding: 'rope' },
  'squared-relu': { norm: 'layernorm', linearBias: false, tiedEmbeddings: false, positionEmbedding: 'rope' },
} satisfies Record<MlpKind, FamilyConvention>;

/** Megatron-LM's default FFN width of a GPT (GELU) model, in multiples of hidden (see the header). */
const GELU_FFN_MULTIPLE = 4;

function buildAttention(model: RecordModel, heads: number): Built<AttentionSpec> {
  if (model.attention === null) return missing('model.attention');
  if (model.attention === 'mla') {
    const mla = model.mla;
    if (mla === null) return missing('model.mla');
    const { kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } = mla;
    if (kvLoraRank === null || qkNopeHeadDim === null || qkRopeHeadDim === null || vHeadDim === null) return missing('model.mla dims');
    return { ok: true, value: { kind: 'mla', heads, qLoraRank: mla.qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } };
  }
  // MHA has kvHeads = heads and MQA has 1 by definition (data/README.md, model.kvHeads).
  const kvHeads = model.kvHeads ?? (model.attention === 'mha' ? heads : model.attention === 'mqa' ? 1 : null);
  if (kvHeads === null) return missing('model.kvHeads');
  if (model.headDim === null) return missing('model.headDim');
  return { ok: true, value: { kind: model.attention, heads, kvHeads, headDim: model.headDim } };
}

function buildMoe(model: RecordModel, notes: string): Built<MoeSpec | null> {
  const moe = model.moe;
  if (moe === null) return { ok: true, value: null };
  const { experts, topK, expertFfnHidden, sharedExperts, denseLayers } = moe;
  if (experts === null || topK === null || expertFfnHidden === null || sharedExperts === null || denseLayers === null) {
    return missing('model.moe fields');
  }
  const denseFfnHidden = moe.denseFfnHidden ?? (denseLayers === 0 ? expertFfnHidden : null);
  if (denseFfnHidden === null) return missing('model.moe.denseFfnHidden');
  const value: MoeSpec = {
    experts,
    topK,
    expertFfnHidden,
    sharedExperts,
    // DeepSeek-V2/V3 shared experts have the routed expert's width (DeepSeek-V3 TR §2.1.2).
    sharedFfnHidden: expertFfnHidden,
    denseLayers,
    denseFfnHidden,
    maxNodesPerToken: notedNodeLimit(notes),
  };
  return { ok: true, value };
}

/** Node-limited routing stated in the record's provenance ("node-limited routing M=4"), else none. */
function notedNodeLimit(notes: string): number | null {
  const match = /node-limited routing M\s*=\s*(\d+)/i.exec(notes);
  return match === null ? null : Number(match[1]);
}

/**
 * Tied input and output embeddings where the record's architecture source states them
 * ("tie_word_embeddings=True", "tied embeddings", "untied"); else the FFN family's convention.
 */
function notedTiedEmbeddings(notes: string, convention: boolean): boolean {
  if (/\buntied\b|tie_word_embeddings\s*=\s*False/i.test(notes)) return false;
  if (/tie_word_embeddings\s*=\s*True|\btied embeddings\b/i.test(notes)) return true;
  return convention;
}

/** The record's model as a ModelSpec, or the first missing field. `seqLen` sets maxPositions. */
export function buildRecordModel(record: RunRecord, seqLen: number): Built<ModelSpec> {
  const model = record.model;
  const { layers, hidden, heads, vocab, mlp, mtpDepth } = model;
  if (layers === null) return missing('model.layers');
  if (hidden === null) return missing('model.hidden');
  if (heads === null) return missing('model.heads');
  if (vocab === null) return missing('model.vocab');
  if (mlp === null) return missing('model.mlp');
  if (mtpDepth === null) return missing('model.mtpDepth');
  const attention = buildAttention(model, heads);
  if (!attention.ok) return attention;
  const moe = buildMoe(model, record.notes);
  if (!moe.ok) return moe;
  const ffnHidden = model.ffnHidden ?? moe.value?.denseFfnHidden ?? (mlp === 'gelu' && moe.value === null ? GELU_FFN_MULTIPLE * hidden : null);
  if (ffnHidden === null) return missing('model.ffnHidden');
  const spec: ModelSpec = {
    id: `run-${record.id}`,
    name: model.name,
    layers,
    hidden,
    vocab,
    attention: attention.value,
    mlp,
    ffnHidden,
    ...FAMILY_CONVENTIONS[mlp],
    tiedEmbeddings: notedTiedEmbeddings(record.notes, FAMILY_CONVENTIONS[mlp].tiedEmbeddings),
    maxPositions: seqLen,
    moe: moe.value,
    mtpDepth,
    published: {
      paramsTotal: model.paramsTotalB === null ? null : model.paramsTotalB * 1e9,
      paramsActive: model.paramsActiveB === null ? null : model.paramsActiveB * 1e9,
      source: record.source,
    },
    source: `${record.source} (run record ${record.id})`,
  };
  return { ok: true, value: spec };
}
