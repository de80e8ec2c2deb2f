/**
 * Compute rules: the tensor cores set the step. Most specific first; the last always applies.
 * Anchors and their reasons: `anchors.ts`.
 */
import { ramp } from '../score.js';
import { ANCHORS } from './anchors.js';
import type { BottleneckRule } from './types.js';
import { fraction, ratio, seconds } from './evidence.js';

/** 16-bit GEMMs on a part with an FP8 peak: the saving FP8 would bring. */
export const computeFp8Available: BottleneckRule = {
  id: 'compute-fp8-available',
  domain: 'compute',
  describe: 'GEMMs run in 16 bit on an accelerator with a faster FP8 peak',
  formula: 'saving = tensorCoreShare · (1 − 1/fp8PeakRatio); score = ramp(saving, 0, 0.5)',
  applies: (f) => f.compute.sixteenBit && f.compute.fp8PeakRatio > 1,
  // [fraction of step] tensor-core time shrinks by 1/ratio at the FP8 peak (same efficiency assumed).
  score: (f) => ramp(f.compute.tensorCoreShare * (1 - 1 / f.compute.fp8PeakRatio), 0, ANCHORS.fp8SavingFull),
  evidence: (f) => ({
    tensorCoreShare: fraction(f.compute.tensorCoreShare),
    fp8PeakRatio: ratio(f.compute.fp8PeakRatio),
    stepShareSaved: fraction(f.compute.tensorCoreShare * (1 - 1 / f.compute.fp8PeakRatio)),
    mfu: fraction(f.compute.mfu),
  }),
  remedies: [
    'FP8 GEMMs: Transformer Engine per-tensor scaling, or DeepSeek-V3-style fine-grained (1x128 / 128x128) fp8-block scaling',
    'A newer part with a higher dense peak (B200/B300 over H100/H800)',
  ],
};

/** Forward work re-run before the backward. */
export const computeRecompute: BottleneckRule = {
  id: 'compute-recompute',
  domain: 'compute',
  describe: 'activation recomputation re-runs forward work and costs tensor-core time',
  formula: 'r = hardwareFlopsPerToken / modelFlopsPerToken − 1; share = tensorCoreShare · r/(1+r); score = ramp(share, 0, 0.25)',
  applies: (f) => f.compute.recomputeFlopFraction > 0,
  score: (f) => ramp(f.compute.recomputeStepShare, 0, ANCHORS.recomputeStepShareFull),
  evidence: (f) => ({
    recomputeFlops: fraction(f.compute.recomputeFlopFraction),
    recomputeStepShare: fraction(f.compute.recomputeStepShare),
    hfu: fraction(f.compute.hfu),
    mfu: fraction(f.compute.mfu),
    memoryHeadroom: fraction(f.memory.headroomFraction),
  }),
  remedies: [
    'Selective instead of full recomputation (attention core only, Korthikanti et al. 2022) where memory allows',
    'Free memory another way (more pipeline stages, ZeRO/FSDP sharding, HBM3e parts) and recompute less',
  ],
};

/** Idle pipeline ranks. */
export const computePipelineBubble: BottleneckRule = {
  id: 'compute-pipeline-bubble',
  domain: 'compute',
  describe: 'pipeline ranks sit idle in the schedule\'s warm-up and cool-down',
  formula: 'score = ramp(bubbleSeconds / stepSeconds, 0, 0.5)',
  applies: (f) => f.compute.bubbleSeconds > 0,
  score: (f) => ramp(f.compute.bubbleShare, 0, ANCHORS.bubbleShareFull),
  evidence: (f) => ({ bubble: seconds(f.compute.bubbleSeconds), bubbleShare: fraction(f.compute.bubbleShare), step: seconds(f.compute.stepSeconds) }),
  remedies: [
    'More micro-batches per step (smaller micro-batch or larger global batch)',
    'Interleaved 1F1B (virtual stages), zero-bubble (ZB-H1/H2) or DualPipe schedules',
    'Fewer pipeline stages (more tensor or data parallelism)',
  ],
};

/** The catch-all: how much of the step the tensor cores set. */
export const computeBound: BottleneckRule = {
  id: 'compute-bound',
  domain: 'compute',
  describe: 'share of the step spent in tensor-core-bound computation',
  formula: 'score = 100 · computeSeconds · (1 − memoryBoundShare) / stepSeconds',
  applies: () => true,
  score: (f) => ramp(f.compute.tensorCoreShare, 0, 1),
  evidence: (f) => ({
    step: seconds(f.compute.stepSeconds),
    compute: seconds(f.compute.computeSeconds),
    computeShare: fraction(f.compute.computeShare),
    tensorCoreShare: fraction(f.compute.tensorCoreShare),
    mfu: fraction(f.compute.mfu),
    mfuBf16: fraction(f.compute.mfuBf16),
  }),
  remedies: [
    'Lower-precision GEMMs where not yet used (FP8 on Hopper, MXFP8 / NVFP4 on Blackwell)',
    'A faster accelerator (higher dense peak)',
    'Larger GEMMs per kernel (fewer TP ways, larger micro-batch) for higher tensor-core efficiency',
  ],
};

export const COMPUTE_RULES: readonly BottleneckRule[] = [computeFp8Available, computeRecompute, computePipelineBubble, computeBound];
