/**
 * `checkScenario`: every rule any estimate of a scenario applies, run by computing them. A rule
 * belongs to the computation that needs it (the layout's divisibility, the schedule's depth, the
 * run's goodput, the site's cooling); checking runs the layout, memory, step, run and site
 * estimates, so `check` accepts exactly what `estimate`, `datacenter` and `report` accept.
 */
import type { Layout } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { estimateScenario } from './estimate-scenario.js';
import { estimateSite } from './estimate-site.js';

/**
 * The checked layout of `scenario`.
 * @throws InputError for the first rule the scenario breaks, in any estimate.
 */
export function checkScenario(scenario: Scenario): Layout {
  const estimate = estimateScenario(scenario);
  estimateSite(scenario, estimate);
  return estimate.layout;
}
