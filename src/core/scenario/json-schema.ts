/**
 * The scenario format as JSON Schema (draft 2020-12), generated from the zod schema so it can
 * never drift: `scripts/write-schema.ts` writes it to `schema/scenario.schema.json`, and a test
 * checks the committed file equals this.
 */
import * as z from 'zod';
import { ScenarioInputSchema } from './schema.js';

/** JSON Schema of a scenario file, as editors consume it (input side: defaults are optional). */
export function createScenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioInputSchema, { io: 'input', target: 'draft-2020-12' });
  return { ...schema, title: 'scaleplan scenario' };
}

/** The schema file's exact text: two-space JSON and a final newline. */
export function formatScenarioJsonSchema(): string {
  return `${JSON.stringify(createScenarioJsonSchema(), null, 2)}\n`;
}
