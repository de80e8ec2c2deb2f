/**
 * `createLayout` — the only way to obtain a Layout. It fixes every field of the scenario's
 * LayoutSpec (defaults, `dp: auto` = the remainder), then applies every rule of
 * `check-layout.ts`; the first broken rule is thrown as an InputError that quotes the numbers
 * (torchtitan `ParallelDims._validate` style).
 */
import { InputError } from '../errors.js';
import { checkLayout, type LayoutCandidate, type LayoutContext } from './check-layout.js';
import type { Choice, LayoutSource } from './spec.js';
import { defaultScheduleId } from '../schedules/catalog.js';
import type { Layout } from './types.js';

export { checkExpertSplit, checkLayout, checkMicroBatch, divisors, type LayoutCandidate, type LayoutContext, type LayoutViolation } from './check-layout.js';

/** Concrete values that override the scenario's layout (the planner passes one candidate). */
export type FixedLayout = Partial<LayoutCandidate>;

const SEARCHED_RULE = 'is to be searched ("auto" or a list): run `scaleplan plan` to choose it, or give one value';

function isList<T>(value: Choice<T>): value is readonly T[] {
  return Array.isArray(value);
}

function isAuto<T>(value: T | 'auto'): value is 'auto' {
  return value === 'auto';
}

/** The given value, else the spec's one value (a one-element list counts). `auto`/lists throw. */
function fixValue<T>(field: string, given: T | undefined, spec: Choice<T>): T {
  if (given !== undefined) return given;
  if (isList(spec)) {
    const only = spec.length === 1 ? spec[0] : undefined;
    if (only !== undefined) return only;
    throw new InputError(`layout.${field}`, spec, SEARCHED_RULE);
  }
  if (isAuto(spec)) throw new InputError(`layout.${field}`, spec, SEARCHED_RULE);
  return spec;
}

/** The rule inputs of a scenario. */
export function layoutContext(scenario: LayoutSource): LayoutContext {
  const ramp = scenario.training.batchRamp ?? null;
  return {
    model: scenario.model,
    gpus: scenario.cluster.gpus,
    seqLen: scenario.training.seqLen,
    globalBatch: scenario.training.globalBatch,
    ...(ramp === null ? {} : { rampSpan: scenario.training.globalBatch - ramp.startGlobalBatch }),
  };
}

/** `dp: auto` = gpus / (tp·cp·pp), which must be a whole number. */
function remainderDp(gpus: number, tp: number, cp: number, pp: number): number {
  const modelParallel = tp * cp * pp;
  if (gpus % modelParallel !== 0) {
    throw new InputError('layout.dp', 'auto', `cluster.gpus ${gpus} is not divisible by tp·cp·pp = ${tp}·${cp}·${pp} = ${modelParallel}`);
  }
  return gpus / modelParallel;
}

/**
 * Every field of the layout as one concrete value: `fixed` first, then the scenario's spec,
 * then the defaults — dp = gpus/(tp·cp·pp), sequenceParallel = tp > 1, fsdpShardSize = dp,
 * schedule = interleaved when vp > 1 else 1f1b. Throws for a field still `auto` or a list.
 */
export function fixLayout(scenario: LayoutSource, fixed: FixedLayout = {}): LayoutCandidate {
  const spec = scenario.layout;
  const tp = fixValue('tp', fixed.tp, spec.tp);
  const cp = fixValue('cp', fixed.cp, spec.cp);
  const pp = fixValue('pp', fixed.pp, spec.pp);
  const vp = fixValue('vp', fixed.vp, spec.vp);
  const dp = fixed.dp ?? (spec.dp === 'auto' ? remainderDp(scenario.cluster.gpus, tp, cp, pp) : fixValue('dp', undefined, spec.dp));
  // Megatron-Core turns sequence parallelism off when tp = 1 (arguments.py); so do we.
  const sequenceParallel = fixed.sequenceParallel ?? (spec.sequenceParallel === null ? tp > 1 : fixValue('sequenceParallel', undefined, spec.sequenceParallel));
  return {
    tp,
    pp,
    vp,
    ep: fixValue('ep', fixed.ep, spec.ep),
    etp: fixValue('etp', fixed.etp, spec.etp),
    cp,
    dp,
    sequenceParallel: sequenceParallel && tp > 1,
    zero: fixValue('zero', fixed.zero, spec.zero),
    fsdpShardSize: fixed.fsdpShardSize ?? (spec.fsdpShardSize === null ? dp : fixValue('fsdpShardSize', undefined, spec.fsdpShardSize)),
    recompute: fixValue('recompute', fixed.recompute, spec.recompute),
    microBatch: fixValue('microBatch', fixed.microBatch, spec.microBatch),
    schedule: fixed.schedule ?? (spec.schedule === null ? defaultScheduleId(vp) : fixValue('schedule', undefined, spec.schedule)),
    order: fixed.order ?? spec.order,
  };
}

/**
 * The checked Layout of `scenario`, with `fixed` overriding its layout spec field by field.
 * Derived: edp = tp·cp·dp / (ep·etp), microBatches = globalBatch / (dp·microBatch).
 * A `sequenceParallel: true` with tp = 1 becomes false, as in Megatron-Core.
 * @throws InputError(`layout.<field>`, value, rule) for the first broken rule, or when a field is
 *   still `auto` or a list (run `scaleplan plan`).
 */
export function createLayout(scenario: LayoutSource, fixed: FixedLayout = {}): Layout {
  const candidate = fixLayout(scenario, fixed);
  const context = layoutContext(scenario);
  const broken = checkLayout(context, candidate);
  if (broken !== null) throw new InputError(broken.field, broken.value, broken.rule);
  return {
    ...candidate,
    edp: (candidate.tp * candidate.cp * candidate.dp) / (candidate.ep * candidate.etp),
    microBatches: context.globalBatch / (candidate.dp * candidate.microBatch),
  };
}
