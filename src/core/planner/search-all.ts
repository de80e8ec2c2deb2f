/**
 * A scenario that fixes every layout field leaves `plan` nothing to search. `searchEveryField`
 * returns it with every searchable field turned to `auto` (dp follows as the remainder, sequence
 * parallelism as the planner's default), and `referenceOf` gives the fixed layout the winner is
 * explained against.
 */
import { fixLayout, type FixedLayout } from '../layout/create-layout.js';
import type { LayoutSpec, Scenario } from '../scenario/types.js';

/** The layout fields `plan` can search (`order` is never searched). */
export const SEARCHABLE_FIELDS = ['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'zero', 'fsdpShardSize', 'recompute', 'microBatch', 'schedule'] as const;

/** The scenario's own layout when it fixes every field, else undefined. */
export function referenceOf(scenario: Scenario): FixedLayout | undefined {
  try {
    return fixLayout(scenario);
  } catch {
    return undefined;
  }
}

/** `scenario` with every searchable layout field `auto`. */
export function searchEveryField(scenario: Scenario): Scenario {
  const layout: LayoutSpec = {
    ...scenario.layout,
    tp: 'auto', pp: 'auto', vp: 'auto', ep: 'auto', etp: 'auto', cp: 'auto', dp: 'auto',
    zero: 'auto', fsdpShardSize: 'auto', recompute: 'auto', microBatch: 'auto', schedule: 'auto',
    sequenceParallel: null,
  };
  return { ...scenario, layout };
}
