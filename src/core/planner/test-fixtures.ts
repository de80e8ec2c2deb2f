/** Layout specs shared by the planner tests (no I/O; used by tests only). */
import type { LayoutSpec, Scenario } from '../scenario/types.js';

/** The four example scenarios of the issue (examples/*.yaml). */
export const EXAMPLE_NAMES = ['gpt3-175b-a100', 'llama3-405b-h100', 'mixtral-8x7b-h100', 'deepseek-v3-h800'] as const;

/** Every searchable layout field `auto`. */
export const ALL_AUTO: Omit<LayoutSpec, 'order'> = {
  tp: 'auto', pp: 'auto', vp: 'auto', ep: 'auto', etp: 'auto', cp: 'auto', dp: 'auto', sequenceParallel: 'auto',
  zero: 'auto', fsdpShardSize: 'auto', recompute: 'auto', microBatch: 'auto', schedule: 'auto',
};

/** `scenario` with its layout replaced field by field (all `auto` by default). */
export function withLayout(scenario: Scenario, layout: Partial<LayoutSpec> = ALL_AUTO): Scenario {
  return { ...scenario, layout: { ...scenario.layout, ...layout } };
}
