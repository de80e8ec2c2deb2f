/**
 * Human quantities at the edge of a scenario: `14.8T`, `469B`, `2.5e9`, `300 B`.
 * Suffixes are decimal SI multipliers (K = 1e3, M = 1e6, B or G = 1e9, T = 1e12, P = 1e15),
 * case-insensitive, as papers write token counts ("14.8T tokens", DeepSeek-V3 TR §4.2).
 */

/** Accepted text form: a decimal number, an optional exponent, an optional multiplier suffix. */
export const QUANTITY_PATTERN = /^\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*([kKmMbBgGtTpP]?)\s*$/;

const MULTIPLIERS = {
  '': 1,
  k: 1e3,
  m: 1e6,
  b: 1e9,
  g: 1e9,
  t: 1e12,
  p: 1e15,
} satisfies Record<string, number>;

function isSuffix(text: string): text is keyof typeof MULTIPLIERS {
  return Object.hasOwn(MULTIPLIERS, text);
}

/**
 * The number a quantity stands for, or null when the text is not a quantity.
 * `parseQuantity("14.8T") === 14.8e12`; numbers pass through unchanged.
 */
export function parseQuantity(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const match = QUANTITY_PATTERN.exec(value);
  if (match === null) return null;
  const suffix = (match[2] ?? '').toLowerCase();
  if (!isSuffix(suffix)) return null;
  // Round to an integer count when the suffix scales it (14.8 × 1e12 has float noise).
  const scaled = Number(match[1]) * MULTIPLIERS[suffix];
  return suffix === '' ? scaled : Math.round(scaled);
}

/**
 * Sequence lengths with a binary suffix, as the field writes context sizes ("8K context" = 8192
 * tokens, Llama 3 §3.4; "128K" = 131,072): k = 1024, M = 1024². `8k`, `1.5k`, `1M`.
 */
export const SEQUENCE_LENGTH_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([kKmM])\s*$/;

/** Tokens a sequence-length string stands for (`"8k"` → 8192), or null when it is not one. */
export function parseSequenceLength(value: number | string): number | null {
  if (typeof value === 'number') return value;
  const match = SEQUENCE_LENGTH_PATTERN.exec(value);
  if (match === null) return null;
  const multiplier = (match[2] ?? '').toLowerCase() === 'k' ? 1024 : 1024 ** 2;
  return Number(match[1]) * multiplier;
}
