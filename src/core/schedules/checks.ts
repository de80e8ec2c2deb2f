/**
 * Shape rules shared by the schedules. Each returns the first broken rule as a `Violation`
 * (field, value, rule) so the layout layer can raise `InputError` with the numbers.
 */
import type { ScheduleParams, Violation } from './types.js';

function positiveInteger(field: Violation['field'], value: number): Violation | null {
  if (Number.isInteger(value) && value >= 1) return null;
  return { field, value, rule: 'must be a positive integer' };
}

/** p ≥ 1, m ≥ 1, v ≥ 1, all integers. */
export function checkBasics(params: ScheduleParams): Violation | null {
  return (
    positiveInteger('pp', params.pp) ??
    positiveInteger('microBatches', params.microBatches) ??
    positiveInteger('vp', params.vp)
  );
}

/** Basics plus v = 1: every schedule except interleaved 1F1B keeps one chunk per rank. */
export function checkSingleChunk(params: ScheduleParams, scheduleName: string): Violation | null {
  const basic = checkBasics(params);
  if (basic) return basic;
  if (params.vp !== 1) {
    return { field: 'vp', value: params.vp, rule: `${scheduleName} runs one chunk per rank: vp must be 1 (use the interleaved schedule for vp > 1)` };
  }
  return null;
}

/**
 * Layout-level rule of the interleaved schedule: every virtual stage gets the same number of
 * layers, so layers must be divisible by p·v (Megatron `get_num_layers_to_build`).
 */
export function checkInterleavedLayers(layers: number, params: ScheduleParams): Violation | null {
  const chunks = params.pp * params.vp;
  if (Number.isInteger(layers) && layers >= 1 && layers % chunks === 0) return null;
  return {
    field: 'layers',
    value: layers,
    rule: `interleaved 1F1B splits the layers into pp·vp = ${params.pp}·${params.vp} = ${chunks} equal chunks: layers must be a multiple of ${chunks}`,
  };
}
