/**
 * Validated scenario input → Scenario: catalog ids replaced by full specs, defaults filled in,
 * human units converted to SI. The layout stays a LayoutSpec (values, `auto`, or lists);
 * `createLayout` fixes and checks it.
 */
import { DEFAULT_ORDER } from '../layout/types.js';
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import { InputError } from '../errors.js';
import { resolvePrecisionScaling } from '../compute/precision-scaling.js';
import { resolveFramework } from '../framework/registry.js';
import type { FrameworkProfile } from '../framework/types.js';
import type { PrecisionScaling } from '../compute/precision-scaling.js';
import type { Precision } from '../hardware/types.js';
import type { FrameworkInput } from './framework-schema.js';
import type { Training } from '../training/types.js';
import { LIMITS } from './schema-parts.js';
import { parseQuantity, parseSequenceLength } from './quantity.js';
import { resolveCluster } from './resolve-cluster.js';
import { resolveModel } from './resolve-model.js';
import type { LayoutInput } from './layout-schema.js';
import type { ScenarioInput, TrainingInput } from './schema.js';
import type { LayoutSpec, Scenario } from './types.js';

/** A token count given as number or "14.8T" → tokens, bounded by LIMITS.tokens. */
function tokenCount(field: string, value: number | string): number {
  const tokens = parseQuantity(value);
  if (tokens === null || tokens <= 0) throw new InputError(field, value, 'must be a positive number or a quantity string like "14.8T"');
  if (tokens > LIMITS.tokens) throw new InputError(field, value, `must be at most ${LIMITS.tokens} tokens (larger values are treated as a typo)`);
  return tokens;
}

/** `training.framework` → the profile with its overrides applied. */
function resolveFrameworkInput(input: FrameworkInput): FrameworkProfile {
  if (typeof input === 'string') return resolveFramework(input);
  const { id, ...overrides } = input;
  return resolveFramework(id, overrides);
}

/** The scaling given, checked against the precision (InputError on `training.precisionScaling`). */
function checkedScaling(precision: Precision, scaling: PrecisionScaling): PrecisionScaling {
  resolvePrecisionScaling(precision, scaling);
  return scaling;
}

/** A sequence length given as a number or "8k" → tokens, a whole number within LIMITS.seqLen. */
function sequenceTokens(value: number | string): number {
  const tokens = parseSequenceLength(value);
  if (tokens === null || !Number.isInteger(tokens) || tokens <= 0) throw new InputError('training.seqLen', value, 'must be a whole number of tokens ("1.5k" = 1536; "1.1k" is not whole)');
  if (tokens > LIMITS.seqLen) throw new InputError('training.seqLen', value, `must be at most ${LIMITS.seqLen} tokens (larger values are treated as a typo)`);
  return tokens;
}

function resolveTraining(input: TrainingInput): Training {
  const totalTokens = tokenCount('training.totalTokens', input.totalTokens);
  const ramp = input.batchRamp;
  if (ramp !== undefined && ramp.startGlobalBatch > input.globalBatch) {
    throw new InputError('training.batchRamp.startGlobalBatch', ramp.startGlobalBatch, `must be at most training.globalBatch ${input.globalBatch}`);
  }
  const rampTokens = ramp === undefined ? 0 : tokenCount('training.batchRamp.rampTokens', ramp.rampTokens);
  if (ramp !== undefined && rampTokens > totalTokens) {
    throw new InputError('training.batchRamp.rampTokens', ramp.rampTokens, `must be at most training.totalTokens ${totalTokens}`);
  }
  const seqLen = sequenceTokens(input.seqLen);
  if (input.documentTokens !== undefined && input.documentTokens > seqLen) {
    throw new InputError('training.documentTokens', input.documentTokens, `must be at most training.seqLen ${seqLen} (documents are packed into a sequence)`);
  }
  return {
    seqLen,
    globalBatch: input.globalBatch,
    totalTokens,
    precision: input.precision ?? 'bf16',
    batchRamp: ramp === undefined ? null : { startGlobalBatch: ramp.startGlobalBatch, rampTokens },
    ...(input.expertLoadImbalance === undefined ? {} : { expertLoadImbalance: input.expertLoadImbalance }),
    ...(input.documentTokens === undefined ? {} : { documentTokens: input.documentTokens }),
    ...(input.framework === undefined ? {} : { framework: resolveFrameworkInput(input.framework) }),
    ...(input.precisionScaling === undefined ? {} : { precisionScaling: checkedScaling(input.precision ?? 'bf16', input.precisionScaling) }),
  };
}

/** Layout input → LayoutSpec with the defaults of `layout-schema.ts`. */
export function resolveLayoutSpec(input: LayoutInput = {}): LayoutSpec {
  return {
    tp: input.tp ?? 1,
    pp: input.pp ?? 1,
    vp: input.vp ?? 1,
    ep: input.ep ?? 1,
    etp: input.etp ?? 1,
    cp: input.cp ?? 1,
    dp: input.dp ?? 'auto',
    sequenceParallel: input.sequenceParallel ?? null,
    zero: input.zero ?? 1,
    fsdpShardSize: input.fsdpShardSize ?? null,
    recompute: input.recompute ?? 'none',
    microBatch: input.microBatch ?? 1,
    schedule: input.schedule ?? null,
    order: input.order ?? DEFAULT_ORDER,
  };
}

/** Validated input → resolved Scenario. Throws the catalog's InputError for an unknown id. */
export function resolveScenario(input: ScenarioInput): Scenario {
  const training = resolveTraining(input.training);
  const model = resolveModel(input.model, training.seqLen);
  const cluster = resolveCluster(input.cluster);
  // The accelerator must run the training precision (no FP8 on A100, no MXFP8/NVFP4 before
  // Blackwell): checked here so that every command, `check` included, refuses it alike.
  peakFlopsPerSec(cluster.accelerator, training.precision);
  return {
    name: input.name ?? `${model.name} on ${cluster.gpus} × ${cluster.accelerator.name}`,
    description: input.description ?? '',
    model,
    cluster,
    training,
    layout: resolveLayoutSpec(input.layout),
    economics: input.economics ?? {},
    datacenter: input.datacenter ?? {},
    reference: input.reference ?? {},
    ...(input.calibration === undefined ? {} : { calibrationFile: input.calibration }),
  };
}
