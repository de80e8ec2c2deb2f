/**
 * The second way an unknown layout field of a published run is resolved (issue "Unknown is not a
 * default", `runs/record-conventions.ts` is the first): the value the planner would choose with
 * the rest of the layout fixed — what a tuned run uses. The fields so resolved:
 *
 * | field | candidates (the planner's own `auto` set, planner/space.ts) |
 * |---|---|
 * | vp | 1 and, when the record names no schedule, 2… with pp·vp dividing the layers (interleaved); with a named schedule, what it accepts (its `virtualChunks` / `checkDepth` facts) |
 * | recompute | none, selective, full |
 * | microBatch | divisors of the per-replica batch (≤ the planner's limit) that the schedule accepts |
 * | sequenceParallel | on with tp > 1 (the same TP traffic as without, less activation memory: `planner/space.ts`) |
 *
 * The unknown fields are left `auto`, everything the record gives (or a convention fixes) stays
 * fixed, and `planLayouts` searches them: its layout rules, its memory gate (the shared fit
 * policy) and its step pricer pick the layout with the shortest step that fits. Each field is then
 * marked `planner`: assumed and validated; a run with a planner vp or recomputation is never
 * fitted on (the choice is the model's own, `calibration/fit.ts` `isFittable`). When no candidate fits the memory model, the published run
 * (which ran) shows that the model over-predicts its memory, so the memory gate cannot separate
 * the candidates and the shortest step alone chooses (the source says so). When the layout rules
 * accept no candidate, the case keeps its generic defaults marked `unknown`.
 *
 * The choice is priced with the literature priors (`PRIOR_EFFICIENCY_PARAMS`), not the fitted
 * efficiencies, so that the calibration's inputs do not depend on its own previous output.
 */
import { PRIOR_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import { planLayouts } from '../planner/plan.js';
import type { AssumedField, LayoutField, WorkloadField } from '../runs/record-conventions.js';
import type { RunCase } from '../runs/types.js';
import type { LayoutSpec, Scenario } from '../scenario/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import { runStepOptions } from './run-step-options.js';

/** Fields the planner resolves when no convention states them. */
const PLANNED_FIELDS = ['vp', 'recompute', 'microBatch', 'sequenceParallel'] as const satisfies readonly LayoutField[];
type PlannedField = (typeof PLANNED_FIELDS)[number];

const PLANNER_SOURCE = 'the planner\'s choice with the rest of the layout fixed: the fastest layout that fits in HBM';
const UNGATED_SOURCE = 'the planner\'s choice with the rest of the layout fixed: the fastest layout (none fits the memory model, which the published run shows over-predicts here)';

/** `scenario` on accelerators without a memory limit: the memory gate lets every layout through. */
function withoutMemoryLimit(scenario: Scenario): Scenario {
  const cluster = scenario.cluster;
  return { ...scenario, cluster: { ...cluster, accelerator: { ...cluster.accelerator, hbmBytes: Number.POSITIVE_INFINITY } } };
}

function isPlanned(field: LayoutField | WorkloadField): field is PlannedField {
  return (PLANNED_FIELDS as readonly (LayoutField | WorkloadField)[]).includes(field);
}

/** The case's layout with the unknown fields left to the search (a schedule the record does not state follows vp). */
function searchedSpec(spec: LayoutSpec, unknown: readonly PlannedField[]): LayoutSpec {
  const open = (f: PlannedField): boolean => unknown.includes(f);
  return {
    ...spec,
    vp: open('vp') ? 'auto' : spec.vp,
    recompute: open('recompute') ? 'auto' : spec.recompute,
    microBatch: open('microBatch') ? 'auto' : spec.microBatch,
    sequenceParallel: open('sequenceParallel') ? 'auto' : spec.sequenceParallel,
  };
}

/** `c` with its unknown vp, recompute, micro-batch and sequence parallelism replaced by the planner's choice; unchanged when none is unknown or nothing fits. */
export function resolveByPlanner(c: RunCase, options: StepOptions = { ...DEFAULT_STEP_OPTIONS, efficiency: PRIOR_EFFICIENCY_PARAMS }): RunCase {
  const unknown = c.assumed.filter((a) => a.basis === 'unknown' && isPlanned(a.field)).map((a) => a.field as PlannedField);
  if (unknown.length === 0) return c;
  const scenario = { ...c.scenario, layout: searchedSpec(c.scenario.layout, unknown) };
  const planOptions = { top: 1, stepOptions: runStepOptions(c, options) };
  // The published run ran: when no candidate fits the memory model, the model over-predicts this
  // run's memory and cannot tell the candidates apart by it; step time alone then chooses.
  const gated = planLayouts(scenario, planOptions).best;
  const best = gated ?? planLayouts(withoutMemoryLimit(scenario), planOptions).best;
  if (best === null) return c;
  const source = gated === null ? UNGATED_SOURCE : PLANNER_SOURCE;
  const layout = best.layout;
  const chosen = (field: PlannedField): number | boolean | 'none' | 'selective' | 'full' => layout[field];
  const resolved = (a: AssumedField): AssumedField =>
    (a.basis === 'unknown' && isPlanned(a.field) ? { field: a.field, value: chosen(a.field), basis: 'planner', source } : a);
  const { vp, recompute, microBatch, schedule, sequenceParallel } = layout;
  return {
    ...c,
    scenario: { ...c.scenario, layout: { ...c.scenario.layout, vp, recompute, microBatch, schedule, sequenceParallel } },
    layout,
    assumed: c.assumed.map(resolved),
    notes: [...c.notes, ...unknown.map((f) => `layout.${f} not given: ${String(chosen(f))} (planner: ${source})`)],
  };
}
