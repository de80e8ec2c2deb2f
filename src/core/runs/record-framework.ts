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

/**
 * Stacks the record schema files under `other` that have a profile of their own, recognised by the
 * name the source gives (`frameworkAsPublished`).
 */
const PUBLISHED_STACKS: readonly { readonly name: RegExp; readonly id: FrameworkId }[] = [
  { name: /\btorchtune\b/i, id: 'torchtune' },
];

function publishedProfile(record: RunRecord): FrameworkId | undefined {
  const published = record.frameworkAsPublished ?? '';
  return PUBLISHED_STACKS.find((s) => s.name.test(published))?.id;
}

/**
 * Megatron's own argument defaults: `--tp-comm-overlap`, `--overlap-grad-reduce` and
 * `--overlap-param-gather` are store_true flags, off unless passed (megatron/training/arguments.py).
 * The performance recipes the megatron-core profile describes turn them on; launchers that pass
 * Megatron's arguments through with its defaults do not.
 */
const MEGATRON_ARGUMENT_DEFAULTS: FrameworkOverrides = { asyncTp: false, overlap: { dpGradReduce: false, dpParamGather: false } };

/** Launchers that run a profiled stack with its argument defaults, recognised by the published name. */
const LAUNCHERS: readonly { readonly name: RegExp; readonly overrides: FrameworkOverrides; readonly source: string }[] = [
  {
    name: /\bMegatron-SWIFT\b/i,
    overrides: MEGATRON_ARGUMENT_DEFAULTS,
    source: 'ms-swift Megatron-SWIFT passes Megatron\'s arguments with their defaults (tp_comm_overlap, overlap_grad_reduce, overlap_param_gather: False)',
  },
];

function launcherOverrides(record: RunRecord, notes: string[]): FrameworkOverrides {
  const published = record.frameworkAsPublished ?? '';
  const launcher = LAUNCHERS.find((l) => l.name.test(published));
  if (launcher === undefined) return {};
  notes.push(`framework: ${launcher.source}`);
  return launcher.overrides;
}

/** Options of the stack named in the record's provenance. */
function notedOverrides(record: RunRecord, notes: string[]): FrameworkOverrides {
  const text = record.notes;
  const asyncTp = /\bAsync ?TP\b/i.test(text);
  const compile = record.measured.other?.['compile'] === true || /torch\.compile|\+ compile\b/i.test(text);
  if (asyncTp) notes.push('framework: async TP named in the record\'s notes');
  if (compile) notes.push('framework: torch.compile named in the record');
  return { ...(asyncTp ? { asyncTp } : {}), ...(compile ? { compile } : {}) };
}

/** The profile of a record's stack, with the options its notes name. */
export function recordFramework(record: RunRecord, notes: string[]): FrameworkProfile {
  const stack = record.framework ?? null;
  const id = (stack === null ? undefined : PROFILE_OF[stack]) ?? publishedProfile(record);
  if (id === undefined) notes.push(`framework ${stack ?? 'not given'}: no profile of its own, ${DEFAULT_FRAMEWORK_ID} assumed`);
  return resolveFramework(id ?? DEFAULT_FRAMEWORK_ID, { ...launcherOverrides(record, notes), ...notedOverrides(record, notes) });
}
