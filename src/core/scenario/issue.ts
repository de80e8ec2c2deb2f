/**
 * Turns the first zod issue into the one InputError of bad input: the field path
 * (`layout.tp`, `model.attention.heads`, `layout.order[2]`), the offending value, and the rule.
 */
import type * as z from 'zod';
import { InputError } from '../errors.js';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * `["layout", "order", 2]` → `layout.order[2]`; `[3, "id"]` → `root[3].id`; the empty path is
 * `root` (the whole document).
 */
export function formatPath(path: readonly PathKey[], root: string): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += text === '' ? `${root}[${key}]` : `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? root : text;
}

/** The value found at `path` inside `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

/**
 * A union issue whose branch matched the value's type but failed inside it (a wrong field in an
 * inline model, say) is reported from inside that branch, where the message is precise.
 */
function innerIssue(issue: Issue): Issue | null {
  if (issue.code !== 'invalid_union') return null;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first !== undefined && (first.path.length > 0 || first.code === 'unrecognized_keys')) {
      return { ...first, path: [...issue.path, ...first.path] };
    }
  }
  return null;
}

/** The InputError for one zod issue raised while parsing `data`. `root` names the document. */
export function inputErrorFromIssue(issue: Issue, data: unknown, root: string): InputError {
  const inner = innerIssue(issue);
  if (inner !== null) return inputErrorFromIssue(inner, data, root);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const path = [...issue.path, key];
    return new InputError(formatPath(path, root), valueAt(data, path), issue.message);
  }
  return new InputError(formatPath(issue.path, root), valueAt(data, issue.path), issue.message);
}

/**
 * Messages for issues no schema part words itself: a missing field, a wrong type.
 * Passed to `safeParse` as the per-parse error map (schema-level messages take precedence).
 */
export function defaultIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined) return 'required field';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
  return undefined;
}

/**
 * `safeParse` options for one document parsed once (a scenario, a profile): the messages above,
 * and zod's interpreted object parser rather than the one it generates and compiles per object
 * schema (`jitless`), which a single parse does not repay: a scenario's parse 16–19 → 3–5 ms CPU
 * in a fresh process. Same result and issues either way.
 */
export const ONE_DOCUMENT_PARSE = { error: defaultIssueMessage, jitless: true } as const;

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
