/**
 * Inline model input → ModelSpec, with the defaults listed in `model-schema.ts` and the
 * cross-field rules a schema cannot state (kvHeads divides heads, topK ≤ experts, ...).
 */
import { InputError } from '../errors.js';
import { findModel } from '../model/find-model.js';
import type { AttentionSpec, MoeSpec, ModelSpec } from '../model/types.js';
import type { ModelInput } from './model-schema.js';
import { parseQuantity } from './quantity.js';

type AttentionInput = ModelInput['attention'];
type MoeInput = NonNullable<ModelInput['moe']>;

function resolveAttention(input: AttentionInput, hidden: number): AttentionSpec {
  if (input.kind === 'mla') return { ...input, kind: 'mla' };
  const kvHeads = input.kvHeads ?? (input.kind === 'mqa' ? 1 : input.heads);
  if (input.heads % kvHeads !== 0) {
    throw new InputError('model.attention.kvHeads', kvHeads, `must divide attention.heads ${input.heads} (each KV head serves a whole group of query heads)`);
  }
  // Megatron kv_channels default: hidden / heads (Megatron-LM arguments.py).
  if (input.headDim === undefined && hidden % input.heads !== 0) {
    throw new InputError('model.attention.headDim', undefined, `required: hidden ${hidden} is not divisible by heads ${input.heads}`);
  }
  const headDim = input.headDim ?? hidden / input.heads;
  const kind = kvHeads === input.heads ? 'mha' : kvHeads === 1 ? 'mqa' : 'gqa';
  if (input.kind !== undefined && input.kind !== kind && !(input.kind === 'gqa' && kind !== 'mha')) {
    throw new InputError('model.attention.kind', input.kind, `contradicts kvHeads ${kvHeads} with heads ${input.heads} (that is ${kind})`);
  }
  return { kind: input.kind ?? kind, heads: input.heads, kvHeads, headDim };
}

function resolveMoe(input: MoeInput, layers: number, ffnHidden: number | undefined): MoeSpec {
  if (input.topK > input.experts) {
    throw new InputError('model.moe.topK', input.topK, `must be at most moe.experts ${input.experts}`);
  }
  const denseLayers = input.denseLayers ?? 0;
  if (denseLayers >= layers) {
    throw new InputError('model.moe.denseLayers', denseLayers, `must be less than model.layers ${layers} (at least one MoE layer)`);
  }
  const denseFfnHidden = input.denseFfnHidden ?? ffnHidden;
  if (denseLayers > 0 && denseFfnHidden === undefined) {
    throw new InputError('model.moe.denseFfnHidden', undefined, 'required when moe.denseLayers > 0 (or give model.ffnHidden)');
  }
  return {
    experts: input.experts,
    topK: input.topK,
    expertFfnHidden: input.expertFfnHidden,
    sharedExperts: input.sharedExperts ?? 0,
    sharedFfnHidden: input.sharedFfnHidden ?? input.expertFfnHidden,
    denseLayers,
    denseFfnHidden: denseFfnHidden ?? input.expertFfnHidden,
    maxNodesPerToken: input.maxNodesPerToken ?? null,
  };
}

/** Dense FFN width: given, else 4·hidden for gelu / squared-relu (Megatron `--ffn-hidden-size` default). */
function resolveFfnHidden(input: ModelInput, moe: MoeSpec | null): number {
  if (input.ffnHidden !== undefined) return input.ffnHidden;
  if (moe !== null) return moe.denseLayers > 0 ? moe.denseFfnHidden : moe.expertFfnHidden;
  if ((input.mlp ?? 'swiglu') === 'swiglu') {
    throw new InputError('model.ffnHidden', undefined, 'required for a dense swiglu model (no standard width)');
  }
  return 4 * input.hidden;
}

function publishedCount(value: number | string | null | undefined): number | null {
  return value === undefined || value === null ? null : parseQuantity(value);
}

/** Inline model → ModelSpec. `seqLen` is the default for `maxPositions`. */
export function resolveInlineModel(input: ModelInput, seqLen: number): ModelSpec {
  const attention = resolveAttention(input.attention, input.hidden);
  const moe = input.moe === undefined || input.moe === null ? null : resolveMoe(input.moe, input.layers, input.ffnHidden);
  const id = input.id ?? 'custom';
  return {
    id,
    name: input.name ?? id,
    layers: input.layers,
    hidden: input.hidden,
    vocab: input.vocab,
    attention,
    mlp: input.mlp ?? 'swiglu',
    ffnHidden: resolveFfnHidden(input, moe),
    norm: input.norm ?? 'rmsnorm',
    linearBias: input.linearBias ?? false,
    tiedEmbeddings: input.tiedEmbeddings ?? false,
    positionEmbedding: input.positionEmbedding ?? 'rope',
    maxPositions: input.maxPositions ?? seqLen,
    moe,
    mtpDepth: input.mtpDepth ?? 0,
    published: {
      paramsTotal: publishedCount(input.published?.paramsTotal),
      paramsActive: publishedCount(input.published?.paramsActive),
      source: input.published?.source ?? '',
    },
    source: input.source ?? 'inline in scenario',
  };
}

/** A catalog id (looked up, InputError with suggestion if unknown) or an inline model. */
export function resolveModel(input: string | ModelInput, seqLen: number): ModelSpec {
  return typeof input === 'string' ? findModel(input) : resolveInlineModel(input, seqLen);
}
