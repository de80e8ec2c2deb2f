/**
 * The code cache the binary runs its command bundle through (`src/cli/cached-script.ts`): used only
 * for the bundle it was made from, and never in the way of a run (stale, corrupt or unwritable).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCached } from '../../src/cli/cached-script.js';

/** What the test scripts set (a global, since a CommonJS script's exports are its own). */
const RESULT = '__cachedScriptTestResult';
const results = globalThis as unknown as Record<string, unknown>;

let work: string;
let bundle: string;
let cache: string;

/** A CommonJS script that records `value`, `__filename` and a built-in `require`. */
const script = (value: string): string =>
  `'use strict';\nconst { sep } = require('node:path');\nglobalThis.${RESULT} = { value: ${JSON.stringify(value)}, file: __filename, sep, twice: [1, 2].map((x) => x * 2) };\n`;

function runFresh(tag = 'plan'): { fromCache: boolean; value: unknown } {
  delete results[RESULT];
  const compiled = compileCached(bundle, tag, cache);
  compiled.run();
  compiled.saveIfNew();
  return { fromCache: compiled.fromCache, value: (results[RESULT] as { value: unknown }).value };
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'scaleplan-cached-script-'));
  bundle = join(work, 'bundle.js');
  cache = join(work, 'cache');
  writeFileSync(bundle, script('first'));
  // The cache folder is the caller's (`cacheDir()` makes it and checks its owner); here a fresh one.
  mkdirSync(cache);
});

afterEach(() => {
  delete results[RESULT];
  rmSync(work, { recursive: true, force: true });
});

describe('compileCached', () => {
  it('compiles from the source first, then runs the same script from the cache', () => {
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
    expect(runFresh()).toEqual({ fromCache: true, value: 'first' });
    expect((results[RESULT] as { file: string }).file).toBe(bundle);
  });

  it('ignores the cache of a changed bundle of the same length, and replaces it', () => {
    runFresh();
    writeFileSync(bundle, script('other'));
    expect(runFresh()).toEqual({ fromCache: false, value: 'other' });
    expect(runFresh()).toEqual({ fromCache: true, value: 'other' });
  });

  it('keeps one cache per tag', () => {
    runFresh('plan');
    expect(runFresh('estimate').fromCache).toBe(false);
    expect(runFresh('plan').fromCache).toBe(true);
  });

  it('runs from the source when the cache file is corrupt, and writes a good one', () => {
    runFresh();
    for (const name of readdirSync(cache)) writeFileSync(join(cache, name), Buffer.alloc(64, 7));
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
    expect(runFresh()).toEqual({ fromCache: true, value: 'first' });
  });

  it('runs without a cache when the folder is missing or cannot be written', () => {
    rmSync(cache, { recursive: true, force: true });
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
    // A file where the folder should be: nothing can be written under it (whoever runs the test).
    cache = join(bundle, 'cache');
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
    expect(runFresh()).toEqual({ fromCache: false, value: 'first' });
  });

  it('runs without a cache when there is no cache folder at all', () => {
    delete results[RESULT];
    const compiled = compileCached(bundle, 'plan', null);
    compiled.run();
    compiled.saveIfNew();
    expect(compiled.fromCache).toBe(false);
    expect((results[RESULT] as { value: unknown }).value).toBe('first');
  });
});
