/**
 * Property-based fuzzing of every command, in-process: generated scenarios (mutated examples and
 * valid extremes) must never produce an internal error, and every answer must keep the asserted
 * properties (see test/fuzz/run-case.ts). FUZZ_CASES sets the count (`npm run fuzz`: 100,000).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { checkMemoryProperties } from '../fuzz/memory-properties.js';
import { createTally, runCase, type CommandChoice } from '../fuzz/run-case.js';
import { asText, exampleDocuments, extremeDocument, mutated } from '../fuzz/scenarios.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
/** Scenarios of the memory properties (core calls only, a few per scenario). */
const MEMORY_CASES = Math.min(2000, Math.ceil(CASES / 4));
/** A file the long run rewrites every 1,000 cases with the counts so far. */
const PROGRESS = process.env.FUZZ_PROGRESS;
const DIR = mkdtempSync(join(tmpdir(), 'scaleplan-fuzz-'));
const tally = createTally();

function summary(): string {
  const per = Object.entries(tally.byCommand).map(([k, v]) => `  ${k}: ${v.runs} runs, ${v.answered} answered, ${v.refused} refused`).join('\n');
  return `fuzz: ${tally.cases} cases, ${tally.runs} runs, ${tally.answered} answered, ${tally.refused} refused (exit 2), ${tally.internalErrors} internal errors\n${per}\n`;
}

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  console.log(summary());
  if (PROGRESS !== undefined) writeFileSync(PROGRESS, summary());
});

const EXAMPLES = exampleDocuments(join(ROOT, 'examples'));
/** Small examples for the costlier commands (DeepSeek-V3's 61 layers × 16 stages cost the most). */
const CHEAP = EXAMPLES.filter((d) => d.model !== 'deepseek-v3');

const WHAT_IF = fc.constantFrom('gpus=2x', 'gpus=0.5x', 'precision=fp8', 'scaleUpBandwidth=2x,hbmBandwidth=1.5x', 'scaleUpDomain=72', 'cooling=immersion', 'gpus=3', 'nosuch=1', 'gpus=');

/** Commands that answer a valid scenario in a few milliseconds. */
const QUICK: fc.Arbitrary<Omit<CommandChoice, 'json'>> = fc.constantFrom(
  { words: ['check'], options: [] }, { words: ['memory'], options: [] }, { words: ['inspect'], options: [] },
);

/** Every command; `plan` searches one field under a time limit. */
const ANY: fc.Arbitrary<Omit<CommandChoice, 'json'>> = fc.oneof(
  { weight: 3, arbitrary: QUICK },
  { weight: 3, arbitrary: fc.constant({ words: ['estimate'], options: [] }) },
  { weight: 2, arbitrary: fc.constant({ words: ['datacenter'], options: [] }) },
  { weight: 2, arbitrary: fc.constant({ words: ['bottlenecks'], options: [] }) },
  { weight: 1, arbitrary: WHAT_IF.map((w) => ({ words: ['bottlenecks'], options: ['--what-if', w] })) },
  { weight: 1, arbitrary: fc.constant({ words: ['compare', 'tp-pp'], options: [] }) },
  { weight: 1, arbitrary: fc.constant({ words: ['compare', 'dp-ep'], options: [] }) },
  { weight: 1, arbitrary: fc.constant({ words: ['report'], options: [] }) },
  { weight: 1, arbitrary: fc.constantFrom('microBatch', 'recompute', 'zero').map((f) => ({ words: ['plan'], options: ['--search', f, '--top', '3', '--timeout', '0.3'] })) },
);

const withJson = (c: fc.Arbitrary<Omit<CommandChoice, 'json'>>): fc.Arbitrary<CommandChoice> => fc.tuple(c, fc.boolean()).map(([choice, json]) => ({ ...choice, json }));

/**
 * Scenario text and the command to run on it. DeepSeek-V3's examples (61 layers, 16 stages, 120
 * micro-batches) cost the most to estimate: their mutations go through the quick commands.
 */
const CASE = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(asText(mutated(fc.constantFrom(...EXAMPLES))), withJson(QUICK)) },
  { weight: 4, arbitrary: fc.tuple(asText(mutated(fc.constantFrom(...CHEAP))), withJson(ANY)) },
  { weight: 3, arbitrary: fc.tuple(asText(extremeDocument), withJson(ANY)) },
  { weight: 1, arbitrary: fc.tuple(asText(mutated(extremeDocument)), withJson(ANY)) },
);

describe('fuzz: every command, generated scenarios', () => {
  it(`${CASES} scenarios through one command each (and check): no internal error, properties hold`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(CASE, async ([doc, command]) => {
        n += 1;
        // Every 10th case twice (identical output), every 3rd also through check (same verdict).
        await runCase(join(DIR, `case.${doc.ext}`), doc.text, command, n % 10 === 0, tally, n % 3 === 0);
        if (PROGRESS !== undefined && n % 1000 === 0) writeFileSync(PROGRESS, summary());
      }),
      { numRuns: CASES },
    );
  }, Math.max(900_000, CASES * 300));

  it(`memory falls with TP, PP and ZeRO sharding and never rises with recomputation (${MEMORY_CASES} scenarios)`, () => {
    fc.assert(fc.property(extremeDocument, (doc) => {
      checkMemoryProperties(doc);
    }), { numRuns: MEMORY_CASES });
  }, Math.max(300_000, CASES * 50));
});
