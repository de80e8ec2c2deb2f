/**
 * Building blocks of the scenario schema: bounded integers, `auto`-or-list choices and strict
 * objects whose unknown-key error lists the allowed keys. Each carries its own rule text, which
 * `parse.ts` turns into one InputError (field, value, rule).
 */
import * as z from 'zod';
import { MAX_GPUS } from '../datacenter/validate.js';
import { QUANTITY_PATTERN, SEQUENCE_LENGTH_PATTERN } from './quantity.js';

/**
 * Upper bounds that separate a typo from a real (if future) configuration. A value above one is
 * rejected as absurd rather than silently planned.
 */
export const LIMITS = {
  /** The data-center model's bound (10 M GPUs, > 10 GW of IT): every command handles what parses. */
  gpus: MAX_GPUS,
  /** 10 M tokens per sequence (long-context runs reach 1 M; NeMo long-sequence table). */
  seqLen: 10_000_000,
  /** Layers of one model. */
  layers: 10_000,
  /** Hidden, FFN and head widths. */
  width: 10_000_000,
  /** Vocabulary rows. */
  vocab: 100_000_000,
  /** Attention heads, experts. */
  count: 1_000_000,
  /** Sequences per global batch. */
  globalBatch: 100_000_000,
  /** Tokens of a whole run: 10^16 = ~700× DeepSeek-V3's 14.8T. */
  tokens: 1e16,
  /** Bandwidths in GB/s (per GPU per direction). */
  bandwidthGBps: 1_000_000,
  /** Latencies in µs. */
  latencyUs: 1_000_000,
  /** Peak dense throughput in TFLOP/s. */
  tflops: 1_000_000,
  /** HBM capacity in GB. */
  hbmGB: 1_000_000,
  /** Watts of one accelerator or one system unit. */
  watts: 10_000_000,
} satisfies Record<string, number>;

/**
 * A positive integer no larger than `max`: "must be a positive integer" / "must be at most …".
 * The rules go in one `check` (one schema object, not one per `.int().positive().max()` link:
 * every command builds these schemas at start-up).
 */
export function positiveInt(max: number, why = 'larger values are treated as a typo') {
  return z
    .number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a positive integer') })
    .check(z.int('must be a positive integer'), z.gt(0, 'must be a positive integer'), z.lte(max, `must be at most ${max} (${why})`));
}

/** A non-negative integer no larger than `max`. */
export function nonNegativeInt(max: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a non-negative integer') })
    .check(z.int('must be a non-negative integer'), z.gte(0, 'must be a non-negative integer'), z.lte(max, `must be at most ${max} (larger values are treated as a typo)`));
}

/** A positive finite number no larger than `max`. */
export function positiveNumber(max: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? undefined : 'must be a positive number') })
    .check(z.gt(0, 'must be a positive number'), z.lte(max, `must be at most ${max} (larger values are treated as a typo)`));
}

/** One of a fixed list of strings: "must be one of: a, b, c". */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? undefined : `must be one of: ${values.join(', ')}`),
  });
}

/**
 * A layout field the planner may search: a value, `auto`, or a non-empty list of values.
 * `what` names the value kind in the rule ("a positive integer").
 */
export function choice<T extends z.ZodType>(value: T, what: string) {
  const rule = `must be ${what}, "auto", or a non-empty list of them`;
  return z.union([value, z.literal('auto'), z.array(value).min(1, rule)], {
    error: (issue) => (issue.input === undefined ? undefined : rule),
  });
}

/** A strict object: an unknown key is rejected with the list of allowed keys. */
export function strictObject<T extends z.ZodRawShape>(shape: T, description: string) {
  const allowed = Object.keys(shape).join(', ');
  return z
    .strictObject(shape, {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') return `unknown field; allowed: ${allowed}`;
        return issue.input === undefined ? undefined : 'must be an object';
      },
    })
    .describe(description);
}

/** A catalog id string or an inline object: "must be a catalog id or an inline … object". */
export function idOrInline<T extends z.ZodType>(inline: T, what: string) {
  return z.union([z.string().min(1, `must be a non-empty ${what} id`), inline], {
    error: (issue) => (issue.input === undefined ? undefined : `must be a catalog ${what} id (string) or an inline ${what} object`),
  });
}

/**
 * A count written as a number or a human quantity string ("14.8T", "469B"); converted to a
 * number (and bounded by `max`) in resolve.
 */
export function quantity(max: number) {
  const rule = 'must be a positive number or a quantity string like "14.8T" or "469B"';
  return z.union([positiveNumber(max), z.string().regex(QUANTITY_PATTERN, rule)], {
    error: (issue) => (issue.input === undefined ? undefined : rule),
  });
}

/**
 * A sequence length: a positive integer, or a string with a binary suffix ("8k" = 8192, "1M" =
 * 1,048,576); converted and bounded by `max` in resolve.
 */
export function sequenceLength(max: number) {
  const rule = 'must be a positive integer or a length like "8k" (8192) or "1M" (1,048,576)';
  return z.union([positiveInt(max), z.string().regex(SEQUENCE_LENGTH_PATTERN, rule)], {
    error: (issue) => (issue.input === undefined ? undefined : rule),
  });
}
