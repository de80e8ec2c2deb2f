/**
 * "Did you mean …?" suggestions for unknown catalog ids (models, accelerators, …).
 * Case-insensitive Levenshtein edit distance (insert, delete, substitute: cost 1 each).
 */

/**
 * Levenshtein distance between two strings, case-insensitive.
 * Two-row dynamic programme: O(|a|·|b|) time, O(|b|) memory.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = new Array<number>(right.length + 1);
  let current = new Array<number>(right.length + 1);
  for (let j = 0; j <= right.length; j += 1) previous[j] = j;
  for (let i = 1; i <= left.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length] ?? 0;
}

/** Characters of an unknown id compared with the candidates. */
const MAX_COMPARED = 64;

/**
 * The candidate closest to `id` by edit distance; ties go to the candidate listed first.
 * A candidate that starts with `id` (a typed prefix such as "llama3") counts as distance 0
 * behind exact matches, so prefixes suggest the first completion.
 * Returns null when there are no candidates.
 */
export function nearest(id: string, candidates: readonly string[]): string | null {
  // Catalog ids are short: compare at most the first MAX_COMPARED characters, so a pasted
  // megabyte costs no more than a typo.
  const needle = id.slice(0, MAX_COMPARED).toLowerCase();
  let best: string | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    // exact match 0, prefix 0.5, otherwise the edit distance (≥ 1)
    const score = lower === needle ? 0 : needle.length > 0 && lower.startsWith(needle) ? 0.5 : editDistance(needle, lower);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
