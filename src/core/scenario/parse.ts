/**
 * Scenario text (YAML or JSON) → validated input → resolved Scenario. The only entry points a
 * shell needs; every failure is one InputError naming the field, the value and the rule.
 */
import { InputError } from '../errors.js';
import { parseTextDocument, type TextFormat } from './document.js';
import { ONE_DOCUMENT_PARSE, inputErrorFromIssue } from './issue.js';
import { resolveScenario } from './resolve.js';
import { ScenarioInputSchema, type ScenarioInput } from './schema.js';
import type { Scenario } from './types.js';

export type { TextFormat } from './document.js';

/** Validates plain data against the scenario schema; throws the first issue as an InputError. */
export function parseScenarioInput(data: unknown): ScenarioInput {
  const result = ScenarioInputSchema.safeParse(data, ONE_DOCUMENT_PARSE);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  if (first === undefined) throw new InputError('scenario', data, 'does not match the scenario schema');
  throw inputErrorFromIssue(first, data, 'scenario');
}

/** Plain data (already parsed from YAML/JSON, or built in code) → resolved Scenario. */
export function parseScenario(data: unknown): Scenario {
  return resolveScenario(parseScenarioInput(data));
}

/**
 * Scenario text → resolved Scenario (catalog ids looked up, defaults filled, SI units).
 * `formatHint` forces JSON or YAML; without it, text starting with `{` is JSON.
 * @throws InputError on malformed text, a schema violation, or an unknown catalog id.
 */
export function parseScenarioText(text: string, formatHint?: TextFormat): Scenario {
  return parseScenario(parseTextDocument(text, 'scenario', formatHint));
}
