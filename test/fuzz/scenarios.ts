/**
 * Generated scenario documents for the fuzz suite: mutations of the examples (dropped fields,
 * wrong types, extreme numbers, unknown ids) and valid but extreme scenarios (1 GPU, 131,072 GPUs,
 * 1M-token sequences), each written as YAML or JSON text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

type Doc = Record<string, unknown>;

function isRecord(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The example scenarios as plain data, read once. */
export function exampleDocuments(examplesDir: string): Doc[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(examplesDir, f), 'utf8')))
    .filter(isRecord);
}

/** Every path to a value inside `doc` (objects only; list items are values). */
function paths(doc: Doc, prefix: readonly string[] = []): string[][] {
  const out: string[][] = [];
  for (const [key, value] of Object.entries(doc)) {
    const path = [...prefix, key];
    out.push(path);
    if (isRecord(value)) out.push(...paths(value, path));
  }
  return out;
}

function clone(doc: Doc): Doc {
  return structuredClone(doc);
}

/** Sets (or, with `undefined`, deletes) the value at `path` in a copy of `doc`. */
function edit(doc: Doc, path: readonly string[], value: unknown): Doc {
  const copy = clone(doc);
  let node: Doc = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isRecord(next)) return copy;
    node = next;
  }
  const last = path[path.length - 1];
  if (last === undefined) return copy;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Values that break types and ranges, and ids that are almost right. */
const ODD_VALUE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e-300, 1e308, -1e308, 2 ** 31, 2 ** 53, 131_072, 1_048_576, 10_000_001),
  fc.constantFrom('auto', '', ' ', '8k', '15T', '1e3', '-1', 'NaN', 'Infinity', '0x10', 'h100-sxn', 'llama3-8', 'fp9', 'dualpipe-x'),
  fc.constantFrom([], {}, ['auto'], [1, 2, 3], [0], [-1, 'x'], { auto: true }),
  fc.integer({ min: -4, max: 300 }),
  fc.string({ maxLength: 12 }),
  fc.constant('x'.repeat(2000)),
);

/** One mutation of one document: drop a field, or replace it by an odd value. */
export function mutated(base: fc.Arbitrary<Doc>): fc.Arbitrary<Doc> {
  return base.chain((doc) => {
    const all = paths(doc);
    return fc.tuple(fc.integer({ min: 0, max: Math.max(0, all.length - 1) }), fc.option(ODD_VALUE, { freq: 4 }), fc.integer({ min: 1, max: 3 }))
      .map(([i, value, times]) => {
        let out = doc;
        for (let t = 0; t < times; t += 1) out = edit(out, all[(i * (t + 1)) % Math.max(1, all.length)] ?? [], value === null ? undefined : value);
        return out;
      });
  });
}

const SMALL_MODELS = ['llama3-8b', 'gpt-1.7b', 'mixtral-8x7b', 'llama3-70b', 'gpt3-175b', 'deepseek-v2'] as const;
const ACCELERATORS = ['h100-sxm', 'a100-80gb', 'h800', 'h200', 'b200', 'gb200', 'gb300', 'mi300x'] as const;

/**
 * Scenarios in range but at the edges, mostly valid: GPUs = tp·pp·dp from 1 to 131,072, sequences
 * up to 1M tokens, every ZeRO stage and recomputation, batches of whole micro-batches.
 */
export const extremeDocument: fc.Arbitrary<Doc> = fc.record({
  model: fc.constantFrom(...SMALL_MODELS),
  accelerator: fc.constantFrom(...ACCELERATORS),
  tp: fc.constantFrom(1, 2, 4, 8),
  pp: fc.constantFrom(1, 2, 4),
  dp: fc.constantFrom(1, 2, 9, 64, 144, 4096, 16384),
  microBatches: fc.constantFrom(1, 4, 8),
  seqLen: fc.constantFrom<number | string>(128, 2048, '4k', '8k', 32768, 1_048_576),
  precision: fc.constantFrom('bf16', 'bf16', 'fp8', 'fp8-block', 'mxfp8', 'nvfp4', 'fp16'),
  layout: fc.record({
    zero: fc.constantFrom(0, 1, 2, 3),
    recompute: fc.constantFrom('none', 'selective', 'full'),
    microBatch: fc.constantFrom(1, 2),
    schedule: fc.constantFrom('1f1b', 'gpipe', 'zb-h1', 'dualpipev'),
  }, { requiredKeys: [] }),
}).filter((r) => r.tp * r.pp * r.dp <= 131_072).map((r) => ({
  model: r.model,
  cluster: { accelerator: r.accelerator, gpus: r.tp * r.pp * r.dp },
  training: { seqLen: r.seqLen, globalBatch: r.dp * (r.layout.microBatch ?? 1) * r.microBatches, totalTokens: '10B', precision: r.precision },
  layout: { tp: r.tp, pp: r.pp, ...r.layout },
}));

/** A document as the text of a file, and the file extension that says which. */
export interface ScenarioText {
  readonly text: string;
  readonly ext: 'yaml' | 'json';
}

export function asText(doc: fc.Arbitrary<Doc>): fc.Arbitrary<ScenarioText> {
  return fc.tuple(doc, fc.boolean()).map(([d, json]) => (json ? { text: JSON.stringify(d), ext: 'json' as const } : { text: stringify(d), ext: 'yaml' as const }));
}
