/**
 * A scenario that fixes every layout field leaves `plan` nothing to search. `searchEveryField`
 * returns it with every searchable field turned to `auto` (dp follows as the remainder, sequence
 * parallelism as the planner's default), and `referenceOf` gives the fixed layout the winner is
 * explained against. `withSearchedFields` does the same for some fields.
 */
import { fixLayout, type FixedLayout } from '../layout/create-layout.js';
import type { LayoutSpec, Scenario } from '../scenario/types.js';

/** The layout fields `plan` can search (`order` is never searched). */
export const SEARCHABLE_FIELDS = ['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'zero', 'fsdpShardSize', 'recompute', 'microBatch', 'schedule'] as const;
export type SearchableField = (typeof SEARCHABLE_FIELDS)[number];

/** The scenario's own layout when it fixes every field, else undefined. */
export function referenceOf(scenario: Scenario): FixedLayout | undefined {
  try {
    return fixLayout(scenario);
  } catch {
    return undefined;
  }
}

/** `scenario` with the named layout fields `auto` (dp follows as the remainder, sequence parallelism with tp). */
export function withSearchedFields(scenario: Scenario, fields: readonly SearchableField[]): Scenario {
  if (fields.length === 0) return scenario;
  const l = scenario.layout;
  const pick = <T>(field: SearchableField, value: T): T | 'auto' => (fields.includes(field) ? 'auto' : value);
  const layout: LayoutSpec = {
    ...l,
    dp: 'auto',
    tp: pick('tp', l.tp), pp: pick('pp', l.pp), vp: pick('vp', l.vp), ep: pick('ep', l.ep), etp: pick('etp', l.etp), cp: pick('cp', l.cp),
    zero: pick('zero', l.zero), fsdpShardSize: pick('fsdpShardSize', l.fsdpShardSize), recompute: pick('recompute', l.recompute),
    microBatch: pick('microBatch', l.microBatch), schedule: pick('schedule', l.schedule),
    sequenceParallel: fields.includes('tp') ? null : l.sequenceParallel,
  };
  return { ...scenario, layout };
}

/** `scenario` with every searchable layout field `auto`. */
export function searchEveryField(scenario: Scenario): Scenario {
  return withSearchedFields(scenario, SEARCHABLE_FIELDS);
}
