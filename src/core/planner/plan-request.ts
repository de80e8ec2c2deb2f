/**
 * `planRequest`: a `plan` request as a shell receives it (objective by name, the fields to search
 * as text, the limits as numbers) → the scenario and the options `planLayouts` searches with.
 *
 * - A field named in `search` is searched even when the scenario fixes it: it becomes `auto`
 *   (dp follows as the remainder, sequence parallelism with tp), and the scenario's own layout
 *   stays the reference the winner is compared with.
 * - A scenario that fixes every layout field has nothing to search: without `search`, every field
 *   is searched, against its own layout (`searchedAll`).
 * - The run is priced with the scenario's economics, as `estimate` prices it.
 *
 * The option rules have one owner, `checkPlanOptions`, which `planLayouts` applies too.
 */
import { InputError } from '../errors.js';
import { economicsOptions } from '../report/estimate-scenario.js';
import type { Scenario } from '../scenario/types.js';
import { OBJECTIVES, type Objective } from './objective.js';
import { referenceOf, SEARCHABLE_FIELDS, withSearchedFields, type SearchableField } from './search-all.js';
import type { PlanOptions } from './types.js';

/** Largest `top`: more layouts than anyone reads, and each costs a full step report. */
export const MAX_TOP = 1000;

/** The options a request names in its errors. */
export type PlanOptionName = 'objective' | 'search' | 'top' | 'headroomFraction' | 'maxGpus' | 'budgetUsd' | 'deadlineDays' | 'gpuCounts' | 'progressEvery';

/** Names of the options in error messages (a shell's flags, e.g. `{ top: '--top' }`); default `plan.<option>`. */
export type PlanOptionNames = Readonly<Partial<Record<PlanOptionName, string>>>;

export interface PlanRequest extends Omit<PlanOptions, 'objective' | 'reference' | 'run'> {
  /** One of OBJECTIVES. Default 'time'. */
  readonly objective?: string;
  /** "all" or a comma list of SEARCHABLE_FIELDS, searched on top of the fields left auto or listed. */
  readonly search?: string;
  readonly names?: PlanOptionNames;
}

export interface PlannedRequest {
  /** The scenario with every searched field `auto`. */
  readonly scenario: Scenario;
  /** What `planLayouts` takes: the request's options, `reference` and the scenario's economics as `run`. */
  readonly options: PlanOptions;
  /** The scenario fixed every field and `search` was not given: every field is searched. */
  readonly searchedAll: boolean;
}

function nameOf(names: PlanOptionNames, option: PlanOptionName): string {
  return names[option] ?? `plan.${option}`;
}

function isObjective(value: string): value is Objective {
  return (OBJECTIVES as readonly string[]).includes(value);
}

function isSearchable(field: string): field is SearchableField {
  return (SEARCHABLE_FIELDS as readonly string[]).includes(field);
}

/** "all" → every field; "tp, pp" → [tp, pp]. @throws InputError naming an unknown field. */
export function parseSearchFields(text: string, field = 'plan.search'): SearchableField[] {
  if (text.trim() === 'all') return [...SEARCHABLE_FIELDS];
  return text.split(',').map((f) => {
    const name = f.trim();
    if (!isSearchable(name)) throw new InputError(field, text, `fields must be "all" or a comma list of: ${SEARCHABLE_FIELDS.join(', ')}`);
    return name;
  });
}

function requirePositive(field: string, value: number | undefined, integer: boolean): void {
  if (value === undefined) return;
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new InputError(field, value, integer ? 'must be a positive integer' : 'must be a positive number');
  }
}

/** The rules of the plan options. @throws InputError for the first option that breaks one. */
export function checkPlanOptions(options: Omit<PlanOptions, 'objective'> & { readonly objective?: string }, names: PlanOptionNames = {}): void {
  if (options.objective !== undefined && !isObjective(options.objective)) {
    throw new InputError(nameOf(names, 'objective'), options.objective, `must be one of: ${OBJECTIVES.join(', ')}`);
  }
  const top = options.top;
  if (top !== undefined && !(Number.isInteger(top) && top >= 1 && top <= MAX_TOP)) {
    throw new InputError(nameOf(names, 'top'), top, `must be an integer from 1 to ${MAX_TOP}`);
  }
  const h = options.headroomFraction;
  if (h !== undefined && !(h >= 0 && h < 1)) throw new InputError(nameOf(names, 'headroomFraction'), h, 'must be a fraction in [0, 1)');
  requirePositive(nameOf(names, 'maxGpus'), options.maxGpus, true);
  requirePositive(nameOf(names, 'budgetUsd'), options.budgetUsd, false);
  requirePositive(nameOf(names, 'deadlineDays'), options.deadlineDays, false);
  requirePositive(nameOf(names, 'progressEvery'), options.progressEvery, true);
  for (const gpus of options.gpuCounts ?? []) requirePositive(nameOf(names, 'gpuCounts'), gpus, true);
}

/**
 * The scenario and options `planLayouts` searches with for `request` (see the file comment).
 * @throws InputError for a broken option rule or an unknown search field, named by `request.names`.
 */
export function planRequest(scenario: Scenario, request: PlanRequest = {}): PlannedRequest {
  const { objective, search, names = {}, ...rest } = request;
  checkPlanOptions(request, names);
  const own = referenceOf(scenario);
  const searchedAll = search === undefined && own !== undefined;
  const fields = searchedAll ? [...SEARCHABLE_FIELDS] : search === undefined ? [] : parseSearchFields(search, nameOf(names, 'search'));
  const reference = search === undefined && !searchedAll ? undefined : own;
  const options: PlanOptions = {
    ...rest,
    ...(objective !== undefined && isObjective(objective) ? { objective } : {}),
    ...(reference === undefined ? {} : { reference }),
    run: economicsOptions(scenario.economics),
  };
  return { scenario: withSearchedFields(scenario, fields), options, searchedAll };
}
