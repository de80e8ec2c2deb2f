import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProfileJsonSchema } from './schema.js';

describe('profile JSON Schema', () => {
  it('schema/profile.schema.json equals the schema generated from zod (run `npm run schema` after a change)', () => {
    const committed = readFileSync(new URL('../../../schema/profile.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(formatProfileJsonSchema());
  });
});
