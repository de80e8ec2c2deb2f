/**
 * Op inventory of the FFN block of one layer on one GPU, forward pass: a dense FFN (column-parallel
 * up / gate, row-parallel down, Megatron TP) or a Mixture-of-Experts FFN (router, dispatch
 * permutation, grouped GEMMs over the local experts, combine, shared experts).
 */
import type { MlpKind, ModelSpec, MoeSpec } from '../model/types.js';
import type { Precision } from '../hardware/types.js';
import { ACTIVATION_BYTES, FP32_BYTES } from '../hardware/element-bytes.js';
import type { GpuTokens } from './shape.js';
import { createCast, createElementwise, createGemm, createNorm, createPermutation, createResidualAdd, opTags, pushOp } from './op-builders.js';
import { extraChunkSorts, moeDispatcher } from '../model/moe-dispatch.js';
import type { ComputeOp, RecomputeModule } from './types.js';

/** SwiGLU has a gate and an up matrix (3 matrices in all); GELU and squared-ReLU one up matrix (2). */
function upMatrices(mlp: MlpKind): number {
  return mlp === 'swiglu' ? 2 : 1;
}

/** The names of an FFN's ops, per prefix (written out: the planner builds tens of thousands of FFNs). */
interface FfnNames {
  readonly upCast: string;
  readonly up: string;
  readonly act: string;
  readonly downCast: string;
  readonly down: string;
}

function ffnNames(prefix: string): FfnNames {
  return { upCast: `${prefix}.up.cast`, up: `${prefix}.up`, act: `${prefix}.act`, downCast: `${prefix}.down.cast`, down: `${prefix}.down` };
}

const MLP = ffnNames('mlp');
const MOE_EXPERTS = ffnNames('moe.experts');
const MOE_SHARED = ffnNames('moe.shared');

interface FfnSpec {
  readonly names: FfnNames;
  readonly mlp: MlpKind;
  /** GEMM rows: tokens through the FFN (or tokens per local expert for a grouped FFN). */
  readonly m: number;
  /** GEMMs in the group (local experts), 1 for a dense FFN. */
  readonly count: number;
  readonly hidden: number;
  /** FFN width on this GPU (ffn / tp, or ffn / etp for experts). */
  readonly width: number;
  readonly moe: boolean;
  readonly actRecompute?: RecomputeModule;
  /** The input arrives already quantised (FP8 dispatch): no cast before the up-GEMM. */
  readonly inputQuantised?: boolean;
}

const MOE_TAGS = opTags(true, null);
const DENSE_TAGS = opTags(false, null);

/** Up (and gate) GEMM, activation, down GEMM, with the FP8 casts of both GEMM inputs. */
function pushFfn(ops: ComputeOp[], f: FfnSpec, g: GpuTokens): void {
  const rows = f.m * f.count;
  const tags = f.moe ? MOE_TAGS : DENSE_TAGS;
  const { names } = f;
  if (f.inputQuantised !== true) pushOp(ops, createCast(names.upCast, rows * f.hidden, g.castBytes, tags));
  // [FLOP] 2·m·h·(up matrices·width) per GEMM of the group.
  ops.push(createGemm(names.up, { m: f.m, k: f.hidden, n: upMatrices(f.mlp) * f.width, count: f.count }, 'fp8-capable', tags));
  // SwiGLU reads gate and up, writes one (3 elements); GELU / squared-ReLU read one, write one (2).
  const actElements = rows * f.width * (upMatrices(f.mlp) + 1);
  const act = f.actRecompute === undefined ? tags : opTags(f.moe, f.actRecompute);
  ops.push(createElementwise(names.act, actElements * ACTIVATION_BYTES, act));
  pushOp(ops, createCast(names.downCast, rows * f.width, g.castBytes, tags));
  ops.push(createGemm(names.down, { m: f.m, k: f.width, n: f.hidden, count: f.count }, 'fp8-capable', tags));
}

/** Appends a dense FFN block (pre-norm, FFN, residual add). */
export function pushDenseFfnOps(ops: ComputeOp[], model: ModelSpec, g: GpuTokens): void {
  const ffn = model.moe === null ? model.ffnHidden : model.moe.denseFfnHidden;
  ops.push(createNorm('mlp.norm', g.normTokens, model.hidden));
  pushFfn(ops, { names: MLP, mlp: model.mlp, m: g.tokens, count: 1, hidden: model.hidden, width: ffn / g.tp, moe: false }, g);
  ops.push(createResidualAdd('mlp.residual', g.normTokens, model.hidden));
}

/** Expert-parallel layout of one MoE layer on one GPU. */
export interface ExpertLoad {
  readonly localExperts: number;
  /** Routed token copies per local expert on the busiest GPU (GEMM m of the grouped GEMMs). */
  readonly tokensPerLocalExpert: number;
}

/**
 * Tokens per local expert on one GPU (MoE parallel folding, Megatron-Core; derivation):
 * 1. A stage has N = tp·cp·dp GPUs; one micro-batch step brings dp·b·s tokens (TP ranks share
 *    tokens, CP splits them), i.e. dp·b·s·topK routed copies.
 * 2. The same N GPUs form ep·edp expert groups of etp GPUs (N = etp·ep·edp); each group holds
 *    experts/ep experts, so balanced routing gives each local expert dp·b·s·topK/(edp·experts) copies,
 *    and each of the group's etp GPUs runs all of them at width ffn/etp.
 * 3. With edp = tp·cp·dp/(etp·ep): tokens per local expert = (b·s/cp)·topK·(etp/tp)·(ep/experts),
 *    times the imbalance of the busiest GPU.
 * DeepSeek-V3 (b·s 4096, top-8, EP64, tp = etp = cp = 1): 4096·8·64/256 = 8192 copies on each of 4 experts.
 */
export function expertLoad(moe: MoeSpec, tokens: number, tp: number, ep: number, etp: number, imbalance: number): ExpertLoad {
  return {
    localExperts: moe.experts / ep,
    tokensPerLocalExpert: ((tokens * moe.topK * etp) / tp) * (ep / moe.experts) * imbalance,
  };
}

/** Options of the MoE block that come from the recipe and the layout. */
export interface MoeOptions {
  readonly ep: number;
  readonly etp: number;
  readonly imbalance: number;
  readonly precision: Precision;
}

/**
 * Appends a MoE FFN block: norm, router, dispatch permutation(s), grouped experts, combine permutation(s), shared experts, residual.
 * Its three runs (`pushMoeGateOps`, `pushMoeExpertOps`, `pushMoeSharedOps`) in order: only the middle one reads the expert split.
 */
export function pushMoeFfnOps(ops: ComputeOp[], model: ModelSpec, moe: MoeSpec, g: GpuTokens, o: MoeOptions): void {
  pushMoeGateOps(ops, model, moe, g, o.precision);
  pushMoeExpertOps(ops, model, moe, g, o);
  pushMoeSharedOps(ops, model, moe, g);
}

/** Whether the recipe quantises each token once before dispatch and sends FP8 (fp8-block, DeepSeek-V3 TR §3.3.3). */
function dispatchesFp8(precision: Precision): boolean {
  return precision === 'fp8-block';
}

/** The MoE block's first run, before the dispatch: norm, router, top-k and the dispatch cast (token counts and recipe only). */
export function pushMoeGateOps(ops: ComputeOp[], model: ModelSpec, moe: MoeSpec, g: GpuTokens, precision: Precision): void {
  const h = model.hidden;
  const tags = MOE_TAGS;
  ops.push(createNorm('mlp.norm', g.normTokens, h));
  // Router / gating GEMM, BF16 (DeepSeek-V3 TR §3.3), on the GPU's (sequence-parallel) tokens.
  ops.push(createGemm('moe.router', { m: g.normTokens, k: h, n: moe.experts }, 'bf16-only', tags));
  // Scores and top-k in FP32: read + write one score per expert.
  ops.push(createElementwise('moe.topk', g.normTokens * moe.experts * 2 * FP32_BYTES, tags));
  // fp8-block (DeepSeek) quantises each token once before dispatch and sends FP8 (TR §3.3.3);
  // other recipes dispatch BF16 and cast the received copies at the expert GEMM.
  if (dispatchesFp8(precision)) pushOp(ops, createCast('moe.dispatch.cast', g.normTokens * h, g.castBytes, tags));
}

/** The MoE block's middle run: dispatch permutation(s), the grouped experts, the combine (what reads ep, etp and the imbalance). */
export function pushMoeExpertOps(ops: ComputeOp[], model: ModelSpec, moe: MoeSpec, g: GpuTokens, o: MoeOptions): void {
  const h = model.hidden;
  const load = expertLoad(moe, g.tokens, g.tp, o.ep, o.etp, o.imbalance);
  // Token copies the GPU's experts receive (the busiest GPU: × imbalance) and copies of its own tokens.
  const copies = load.localExperts * load.tokensPerLocalExpert;
  const ownCopies = copies / o.imbalance;
  const tags = MOE_TAGS;
  const fp8Dispatch = dispatchesFp8(o.precision);
  const dispatchBytes = fp8Dispatch ? g.quantisedBytes : ACTIVATION_BYTES;
  // Permute the copies into expert-contiguous order; the plain all-to-all also sorts the received
  // chunks by local expert (model/moe-dispatch.ts), and unsorts the expert outputs before the combine.
  // Who runs which pass (Megatron-Core `MoEAlltoAllTokenDispatcher`: `permute` in
  // `dispatch_preprocess` before the all-to-all, `sort_chunks_by_idxs` after it, `unpermute` in
  // `combine_postprocess`): the plain dispatcher's first permutation and the combine work on the
  // GPU's own tokens, which the imbalance does not touch; the chunk sorts, the experts and the
  // deduplicated dispatcher's receiver-side permutation work on what the GPU receives.
  const sorts = extraChunkSorts(moe, o.ep);
  const plain = moeDispatcher(moe) === 'plain';
  const sent = plain ? ownCopies : copies;
  ops.push(createPermutation('moe.permute', sent + sorts * copies, h, dispatchBytes, tags));
  const expertFfn: FfnSpec = {
    names: MOE_EXPERTS, mlp: model.mlp, m: load.tokensPerLocalExpert, count: load.localExperts,
    hidden: h, width: moe.expertFfnHidden / o.etp, moe: true, actRecompute: 'moe-act', inputQuantised: fp8Dispatch,
  };
  pushFfn(ops, expertFfn, g);
  if (sorts > 0) ops.push(createPermutation('moe.unsort', sorts * copies, h, ACTIVATION_BYTES, tags));
  // Un-permute and weighted sum of the top-k expert outputs: read every copy, write one row per token.
  ops.push(createElementwise('moe.combine', (sent + sent / moe.topK) * h * ACTIVATION_BYTES, tags));
}

/** The MoE block's last run: the shared experts and the residual add (token counts and recipe only). */
export function pushMoeSharedOps(ops: ComputeOp[], model: ModelSpec, moe: MoeSpec, g: GpuTokens): void {
  const h = model.hidden;
  if (moe.sharedExperts > 0) {
    const width = (moe.sharedExperts * moe.sharedFfnHidden) / g.tp;
    pushFfn(ops, { names: MOE_SHARED, mlp: model.mlp, m: g.tokens, count: 1, hidden: h, width, moe: false }, g);
  }
  ops.push(createResidualAdd('mlp.residual', g.normTokens, h));
}
