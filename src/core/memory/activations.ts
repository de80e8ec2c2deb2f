/**
 * Activation bytes of one layer for one micro-batch on one GPU, under each recomputation level
 * (Korthikanti et al. 2022, arXiv 2205.05198, Table 2; tensors in `layer-tensors.ts`):
 *
 * | recompute | what stays in memory between forward and backward |
 * |---|---|
 * | none | every saved tensor |
 * | selective, modules | every tensor except those the listed modules re-create: `core-attn` the score tensors (Korthikanti §4.2), `norm` the norm outputs, `mla-up-proj` MLA's per-head Q/K/V, `moe-act` the expert activation output (DeepSeek-V3 TR §3.2.3) |
 * | selective, torch-op-sac | the layer input, the attention output (+ log-sum-exp) and the output of every second matrix product (PyTorch op-level selective checkpointing as torchtitan configures it: `selective_ac_option = "op"`) |
 * | full | the layer input only: 2·s·b·h (Korthikanti Table 2), split by tp under sequence parallelism |
 *
 * Besides what it stores, a layer's backward needs a working set while it runs (`workingBytes`):
 * the tensors it re-creates, plus twice its largest saved tensor for the gradients flowing through it
 * (a named assumption, `buffers.ts`).
 */
import type { RecomputeModule } from '../compute/types.js';
import type { Recompute } from '../layout/types.js';
import { denseFfnWidth } from '../model/params.js';
import type { ModelSpec } from '../model/types.js';
import {
  pushAttentionTensors, pushDenseFfnTensors, pushEagerPointwiseTensors, pushMoeFfnTensors, routedCopies,
  type ActivationShape, type SavedTensor,
} from './layer-tensors.js';
import { ACTIVATION_BYTES } from './precision.js';

export type { ActivationShape } from './layer-tensors.js';

/** How a selective recomputation chooses what to keep. */
export type SelectivePolicy =
  | { readonly kind: 'modules'; readonly modules: readonly RecomputeModule[] }
  | { readonly kind: 'torch-op-sac' };

/** Activation bytes of one layer for one micro-batch on one GPU. */
export interface LayerActivation {
  /** Kept from the forward to the backward under the recomputation level. */
  readonly storedBytes: number;
  /** Kept with no recomputation. */
  readonly noRecomputeBytes: number;
  /** Transient while the layer's backward runs: re-created tensors + 2 × the largest saved tensor. */
  readonly workingBytes: number;
}

/** The tensors a layer saves with no recomputation. `moe` selects the MoE FFN. */
export function layerTensors(model: ModelSpec, moe: boolean, shape: ActivationShape): SavedTensor[] {
  const out: SavedTensor[] = [];
  pushAttentionTensors(out, model, shape);
  if (moe) pushMoeFfnTensors(out, model, shape);
  else pushDenseFfnTensors(out, model, denseFfnWidth(model), shape);
  pushEagerPointwiseTensors(out, model, moe, denseFfnWidth(model), shape);
  return out;
}

/**
 * Output widths (elements per row) and rows of a layer's matrix products in forward order, per GPU:
 * the attention projections, then router, shared experts and routed experts (MoE) or the FFN.
 */
function matmulOutputBytes(model: ModelSpec, moe: boolean, shape: ActivationShape): number[] {
  const t = shape.tokens;
  const h = model.hidden;
  const a = model.attention;
  const widths: number[] = [];
  const addFfn = (rows: number, width: number): void => {
    if (model.mlp === 'swiglu') widths.push(rows * width, rows * width);
    else widths.push(rows * width);
    widths.push(rows * h);
  };
  if (a.kind === 'mla') {
    const qk = a.qkNopeHeadDim + a.qkRopeHeadDim;
    if (a.qLoraRank !== null) widths.push(t * a.qLoraRank);
    widths.push((t * a.heads * qk) / shape.tp, t * (a.kvLoraRank + a.qkRopeHeadDim), (t * a.heads * (a.qkNopeHeadDim + a.vHeadDim)) / shape.tp);
  } else {
    const kvDivisor = Math.min(shape.tp, a.kvHeads);
    widths.push((t * a.heads * a.headDim) / shape.tp, (t * a.kvHeads * a.headDim) / kvDivisor, (t * a.kvHeads * a.headDim) / kvDivisor);
  }
  widths.push(t * h);
  if (moe && model.moe !== null) {
    widths.push(t * model.moe.experts);
    if (model.moe.sharedExperts > 0) addFfn(t, (model.moe.sharedExperts * model.moe.sharedFfnHidden) / shape.tp);
    addFfn(routedCopies(model, shape), model.moe.expertFfnHidden / shape.etp);
  } else {
    addFfn(t, denseFfnWidth(model) / shape.tp);
  }
  return widths.map((elements) => elements * ACTIVATION_BYTES);
}

/** torch op-SAC: layer input + attention output and its log-sum-exp + every second matmul output. */
function opSacStoredBytes(model: ModelSpec, moe: boolean, shape: ActivationShape, tensors: readonly SavedTensor[]): number {
  let stored = 0;
  for (const tensor of tensors) {
    if (tensor.role === 'layer-input' || tensor.role === 'attention-scores') stored += tensor.bytes;
  }
  const heads = model.attention.heads;
  const valueDim = model.attention.kind === 'mla' ? model.attention.vHeadDim : model.attention.headDim;
  stored += (shape.tokens * heads * valueDim * ACTIVATION_BYTES) / shape.tp;
  const outputs = matmulOutputBytes(model, moe, shape);
  // The policy saves the 1st, 3rd, 5th, … matrix product of the checkpointed layer.
  for (let i = 0; i < outputs.length; i += 2) stored += outputs[i] ?? 0;
  return stored;
}

function isKept(tensor: SavedTensor, recompute: Recompute, modules: readonly RecomputeModule[]): boolean {
  if (recompute === 'none') return true;
  if (recompute === 'full') return tensor.role === 'layer-input';
  return tensor.module === null || !modules.includes(tensor.module);
}

/** Stored and working bytes of one layer (dense or MoE FFN) under a recomputation level. */
export function layerActivation(
  model: ModelSpec,
  moe: boolean,
  shape: ActivationShape,
  recompute: Recompute,
  policy: SelectivePolicy,
): LayerActivation {
  const tensors = layerTensors(model, moe, shape);
  let all = 0;
  let largest = 0;
  let stored = 0;
  const modules = policy.kind === 'modules' ? policy.modules : [];
  for (const tensor of tensors) {
    all += tensor.bytes;
    if (tensor.bytes > largest) largest = tensor.bytes;
    if (isKept(tensor, recompute, modules)) stored += tensor.bytes;
  }
  if (recompute === 'selective' && policy.kind === 'torch-op-sac') stored = Math.min(all, opSacStoredBytes(model, moe, shape, tensors));
  return { storedBytes: stored, noRecomputeBytes: all, workingBytes: all - stored + 2 * largest };
}
