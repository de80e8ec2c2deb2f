/**
 * Why the winner wins: its step time against another layout's, component by component. The
 * components add up to the step time (step/types.ts): compute + exposed TP, EP, CP, DP and PP
 * communication + bubble + optimizer.
 */
import type { Layout } from '../layout/types.js';
import type { StepTime } from '../step/types.js';
import type { ComponentDelta, PlannedLayout, StepComparison } from './types.js';

const COMPONENTS: readonly { readonly component: ComponentDelta['component']; readonly seconds: (t: StepTime) => number }[] = [
  { component: 'compute', seconds: (t) => t.computeSeconds },
  { component: 'exposed tp', seconds: (t) => t.exposed.tp },
  { component: 'exposed ep', seconds: (t) => t.exposed.ep },
  { component: 'exposed cp', seconds: (t) => t.exposed.cp },
  { component: 'exposed dp', seconds: (t) => t.exposed.dp },
  { component: 'exposed pp', seconds: (t) => t.exposed.pp },
  { component: 'bubble', seconds: (t) => t.bubbleSeconds },
  { component: 'optimizer', seconds: (t) => t.optimizerSeconds },
];

const FIELDS: readonly (keyof Layout)[] = ['tp', 'sequenceParallel', 'cp', 'pp', 'vp', 'dp', 'ep', 'etp', 'zero', 'fsdpShardSize', 'recompute', 'microBatch', 'schedule'];

/** Layout fields (and the GPU count) that differ between two planned layouts. */
export function layoutChanges(best: PlannedLayout, other: PlannedLayout): StepComparison['changes'] {
  const changes: { field: string; best: string; other: string }[] = [];
  if (best.gpus !== other.gpus) changes.push({ field: 'gpus', best: String(best.gpus), other: String(other.gpus) });
  for (const field of FIELDS) {
    const a = String(best.layout[field]);
    const b = String(other.layout[field]);
    if (a !== b) changes.push({ field, best: a, other: b });
  }
  return changes;
}

/** Step of `best` against `other`, largest component difference first. */
export function compareSteps(against: StepComparison['against'], best: PlannedLayout, other: PlannedLayout): StepComparison {
  const a = best.step.time;
  const b = other.step.time;
  const components = COMPONENTS.map(({ component, seconds }) => ({
    component,
    bestSeconds: seconds(a),
    otherSeconds: seconds(b),
    deltaSeconds: seconds(a) - seconds(b),
  })).sort((x, y) => Math.abs(y.deltaSeconds) - Math.abs(x.deltaSeconds));
  return {
    against,
    bestStepSeconds: a.stepSeconds,
    otherStepSeconds: b.stepSeconds,
    deltaSeconds: a.stepSeconds - b.stepSeconds,
    changes: layoutChanges(best, other),
    components,
  };
}
