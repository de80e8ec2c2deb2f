/**
 * Writes schema/scenario.schema.json from the zod scenario schema.
 * Run: `npm run schema` (builds, then runs dist/scripts/write-schema.js); an optional argument
 * overrides the output path.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatScenarioJsonSchema } from '../src/core/scenario/json-schema.js';

// dist/scripts/write-schema.js → <package root>/schema/scenario.schema.json
const target = process.argv[2] ?? fileURLToPath(new URL('../../schema/scenario.schema.json', import.meta.url));
writeFileSync(target, formatScenarioJsonSchema());
process.stdout.write(`wrote ${target}\n`);
