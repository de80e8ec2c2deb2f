/**
 * The software stack of a published run: the record's `framework` selects a profile
 * (`framework/`); the stack options its provenance names (torchtitan's "AsyncTP", "torch.compile")
 * are inputs like any other layout field. Stacks without a profile of their own take the default
 * (Megatron-Core, `framework/registry.ts`), and the case's notes say so.
 */
import { DEFAULT_FRAMEWORK_ID, resolveFramework, type FrameworkId, type FrameworkOverrides } from '../framework/registry.js';
import type { FrameworkProfile } from '../framework/types.js';
import type { RunRecord } from './record-schema.js';

/** Record `framework` values → profiles; JAX stacks share MaxText's (XLA) profile. */
const PROFILE_OF: Readonly<Record<string, FrameworkId>> = {
  'megatron-core': 'megatron-core',
  'megatron-lm': 'megatron-lm',
  deepspeed: 'deepspeed',
  torchtitan: 'torchtitan',
  maxtext: 'maxtext',
  paxml: 'maxtext',
  'jax-t5x': 'maxtext',
};

/** Options of the stack named in the record's provenance. */
function notedOverrides(record: RunRecord, notes: string[]): FrameworkOverrides {
  const text = record.notes;
  const asyncTp = /\bAsync ?TP\b/i.test(text);
  const compile = /torch\.compile|\+ compile\b/i.test(text);
  if (asyncTp) notes.push('framework: async TP named in the record\'s notes');
  if (compile) notes.push('framework: torch.compile named in the record\'s notes');
  return { ...(asyncTp ? { asyncTp } : {}), ...(compile ? { compile } : {}) };
}

/** The profile of a record's stack, with the options its notes name. */
export function recordFramework(record: RunRecord, notes: string[]): FrameworkProfile {
  const stack = record.framework ?? null;
  const id = stack === null ? undefined : PROFILE_OF[stack];
  if (id === undefined) notes.push(`framework ${stack ?? 'not given'}: no profile of its own, ${DEFAULT_FRAMEWORK_ID} assumed`);
  return resolveFramework(id ?? DEFAULT_FRAMEWORK_ID, notedOverrides(record, notes));
}
