/**
 * Inline model in a scenario: the shape of ModelSpec (src/core/model/types.ts) with the
 * conventional fields optional. Defaults are filled in `resolve-model.ts` and listed here.
 */
import * as z from 'zod';
import { LIMITS, nonNegativeInt, oneOf, positiveInt, quantity, strictObject } from './schema-parts.js';

/** MHA / GQA / MQA. `kind` defaults from kvHeads (= heads: mha, 1: mqa, else gqa). */
export const StandardAttentionInputSchema = strictObject(
  {
    kind: oneOf(['mha', 'gqa', 'mqa']).optional().describe('Default: from kvHeads (= heads: mha, 1: mqa, otherwise gqa).'),
    heads: positiveInt(LIMITS.count).describe('Query heads.'),
    kvHeads: positiveInt(LIMITS.count).optional().describe('Key/value heads. Default: heads (MHA).'),
    headDim: positiveInt(LIMITS.width).optional().describe('Per-head dimension. Default: hidden / heads (Megatron kv_channels).'),
  },
  'Standard multi-head, grouped-query or multi-query attention.',
);

/** Multi-head latent attention (DeepSeek-V2/V3, DeepSeek-V3 TR §2.1.1). */
export const MlaAttentionInputSchema = strictObject(
  {
    kind: z.literal('mla'),
    heads: positiveInt(LIMITS.count),
    qLoraRank: positiveInt(LIMITS.width).nullable().describe('Query compression rank; null = queries projected directly (V2-Lite).'),
    kvLoraRank: positiveInt(LIMITS.width),
    qkNopeHeadDim: positiveInt(LIMITS.width),
    qkRopeHeadDim: positiveInt(LIMITS.width),
    vHeadDim: positiveInt(LIMITS.width),
  },
  'Multi-head latent attention.',
);

export const MoeInputSchema = strictObject(
  {
    experts: positiveInt(LIMITS.count).describe('Routed experts per MoE layer.'),
    topK: positiveInt(LIMITS.count).describe('Routed experts per token.'),
    expertFfnHidden: positiveInt(LIMITS.width).describe('FFN width of one routed expert.'),
    sharedExperts: nonNegativeInt(LIMITS.count).optional().describe('Default: 0.'),
    sharedFfnHidden: positiveInt(LIMITS.width).optional().describe('FFN width of one shared expert. Default: expertFfnHidden.'),
    denseLayers: nonNegativeInt(LIMITS.layers).optional().describe('Leading layers with a dense FFN. Default: 0.'),
    denseFfnHidden: positiveInt(LIMITS.width).optional().describe('FFN width of the dense layers. Default: ffnHidden.'),
    maxNodesPerToken: positiveInt(LIMITS.gpus).nullable().optional().describe('Node-limited routing (DeepSeek-V3: 4). Default: null = unlimited.'),
  },
  'Mixture-of-Experts FFN.',
);

export const ModelInputSchema = strictObject(
  {
    id: z.string().min(1).optional().describe('Default: "custom".'),
    name: z.string().min(1).optional().describe('Default: the id.'),
    layers: positiveInt(LIMITS.layers).describe('Transformer layers.'),
    hidden: positiveInt(LIMITS.width).describe('Hidden size.'),
    vocab: positiveInt(LIMITS.vocab).describe('Vocabulary size.'),
    attention: z
      .union([MlaAttentionInputSchema, StandardAttentionInputSchema], {
        error: (issue) => (issue.input === undefined ? undefined : 'must be an attention object ({heads, kvHeads?, headDim?} or {kind: mla, ...})'),
      })
      .describe('Attention block.'),
    mlp: oneOf(['gelu', 'swiglu', 'squared-relu']).optional().describe('FFN activation. Default: swiglu.'),
    ffnHidden: positiveInt(LIMITS.width)
      .optional()
      .describe('Dense FFN width. Default: 4·hidden for gelu/squared-relu (Megatron default); for MoE models moe.denseFfnHidden or moe.expertFfnHidden; required for a dense swiglu model.'),
    norm: oneOf(['layernorm', 'rmsnorm']).optional().describe('Default: rmsnorm.'),
    linearBias: z.boolean().optional().describe('Linear layers carry biases (GPT-3 style). Default: false.'),
    tiedEmbeddings: z.boolean().optional().describe('Output head shares the embedding. Default: false.'),
    positionEmbedding: oneOf(['learned', 'rope']).optional().describe('Default: rope.'),
    maxPositions: positiveInt(LIMITS.seqLen).optional().describe('Rows of a learned position embedding. Default: training.seqLen.'),
    moe: MoeInputSchema.nullable().optional().describe('Default: null (dense).'),
    mtpDepth: nonNegativeInt(LIMITS.layers).optional().describe('Multi-token-prediction modules (DeepSeek-V3: 1). Default: 0.'),
    published: strictObject(
      {
        paramsTotal: quantity(1e16).nullable().optional(),
        paramsActive: quantity(1e16).nullable().optional(),
        source: z.string().optional(),
      },
      'Published parameter counts, for reference.',
    ).optional(),
    source: z.string().optional().describe('Where the architecture numbers come from.'),
  },
  'An inline model: a decoder-only transformer, dense or MoE.',
);

export type ModelInput = z.infer<typeof ModelInputSchema>;
