/**
 * Model specification: a decoder-only transformer, dense or Mixture-of-Experts.
 * All sizes are element counts (not bytes); all fields are explicit (no shorthand in the core).
 */

/** FFN activation. `swiglu` has three matrices (gate, up, down); `gelu` and `squared-relu` two. */
export type MlpKind = 'gelu' | 'swiglu' | 'squared-relu';

export type NormKind = 'layernorm' | 'rmsnorm';

/** Multi-head, grouped-query or multi-query attention: kvHeads = heads (MHA), 1 (MQA), between (GQA). */
export interface StandardAttention {
  readonly kind: 'mha' | 'gqa' | 'mqa';
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  /** RMSNorm of width headDim on queries and keys (Qwen3 `q_norm`/`k_norm`); absent = false. */
  readonly qkNorm?: boolean;
}

/**
 * Multi-head latent attention (DeepSeek-V2/V3). `qLoraRank` null = queries projected directly
 * from the hidden state (DeepSeek-V2-Lite); the decoupled RoPE key of `qkRopeHeadDim` is shared by all heads.
 */
export interface MlaAttention {
  readonly kind: 'mla';
  readonly heads: number;
  readonly qLoraRank: number | null;
  readonly kvLoraRank: number;
  readonly qkNopeHeadDim: number;
  readonly qkRopeHeadDim: number;
  readonly vHeadDim: number;
}

export type AttentionSpec = StandardAttention | MlaAttention;

/** Mixture-of-Experts FFN. The first `denseLayers` layers use a dense FFN of width `denseFfnHidden`. */
export interface MoeSpec {
  readonly experts: number;
  readonly topK: number;
  readonly expertFfnHidden: number;
  readonly sharedExperts: number;
  /** FFN width of one shared expert (DeepSeek: equal to expertFfnHidden). */
  readonly sharedFfnHidden: number;
  readonly denseLayers: number;
  readonly denseFfnHidden: number;
  /** Node-limited routing: the most nodes one token is sent to (DeepSeek-V3: 4); null = unlimited. */
  readonly maxNodesPerToken: number | null;
  /** One routing bias per expert, used only for selection (DeepSeek-V3 `e_score_correction_bias`); absent = false. */
  readonly routerBias?: boolean;
}

export interface ModelSpec {
  readonly id: string;
  readonly name: string;
  readonly layers: number;
  readonly hidden: number;
  readonly vocab: number;
  readonly attention: AttentionSpec;
  readonly mlp: MlpKind;
  /** FFN width of the dense layers (for a MoE model without dense layers: unused, kept = expert width). */
  readonly ffnHidden: number;
  readonly norm: NormKind;
  /** Linear layers carry bias vectors (GPT-2/3 style). */
  readonly linearBias: boolean;
  /** Output head shares the input embedding matrix. */
  readonly tiedEmbeddings: boolean;
  /** Learned absolute position embedding of `maxPositions` rows (GPT-3); rope has no parameters. */
  readonly positionEmbedding: 'learned' | 'rope';
  readonly maxPositions: number;
  readonly moe: MoeSpec | null;
  /** Multi-token-prediction modules (DeepSeek-V3: 1). */
  readonly mtpDepth: number;
  /** Published figures the accounting is tested against, with their source. */
  readonly published: {
    readonly paramsTotal: number | null;
    readonly paramsActive: number | null;
    /**
     * true when the figure is only the size in the model's name ("GPT 1.7B", "Llama 3 70B"),
     * rounded or truncated by the publisher, not a stated parameter count; absent = false.
     */
    readonly nominal?: boolean;
    readonly source: string;
  };
  /** Where the architecture numbers come from. */
  readonly source: string;
}
