import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScenarioJsonSchema, formatScenarioJsonSchema } from './json-schema.js';

describe('scenario JSON Schema', () => {
  it('schema/scenario.schema.json equals the schema generated from zod (run `npm run schema` after a change)', () => {
    const committed = readFileSync(new URL('../../../schema/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(formatScenarioJsonSchema());
  });
  it('is strict and documents the layout defaults', () => {
    const schema = createScenarioJsonSchema();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['model', 'cluster', 'training']);
    expect(JSON.stringify(schema)).toContain('Default: auto = gpus / (tp·cp·pp).');
  });
});
