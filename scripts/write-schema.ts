/**
 * Writes the JSON Schemas generated from the zod schemas: schema/scenario.schema.json (scenario
 * files) and schema/profile.schema.json (calibration profiles).
 * Run: `npm run schema` (builds, then runs dist/scripts/write-schema.js); an optional argument
 * overrides the output folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProfileJsonSchema } from '../src/core/profile/schema.js';
import { formatScenarioJsonSchema } from '../src/core/scenario/json-schema.js';

// dist/scripts/write-schema.js → <package root>/schema/
const folder = process.argv[2] ?? fileURLToPath(new URL('../../schema/', import.meta.url));
for (const [name, text] of [['scenario.schema.json', formatScenarioJsonSchema()], ['profile.schema.json', formatProfileJsonSchema()]] as const) {
  writeFileSync(join(folder, name), text);
  process.stdout.write(`wrote ${join(folder, name)}\n`);
}
