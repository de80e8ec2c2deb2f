/**
 * The one error type of bad input. Every rejection names the field, the value and the rule,
 * so a shell can print one clear line and exit with code 2.
 */
export class InputError extends Error {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;

  constructor(field: string, value: unknown, rule: string) {
    super(`${field} = ${formatValue(value)}: ${rule}`);
    this.name = 'InputError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}

/** Characters of a value echoed in an error message; longer values end with an ellipsis. */
export const MAX_ECHOED_CHARS = 120;

function cut(text: string): string {
  return text.length > MAX_ECHOED_CHARS ? `${text.slice(0, MAX_ECHOED_CHARS - 1)}…` : text;
}

/** The value as the error quotes it: JSON, cut to MAX_ECHOED_CHARS (strings keep their quotes). */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value.length > MAX_ECHOED_CHARS ? `${JSON.stringify(value.slice(0, MAX_ECHOED_CHARS - 3)).slice(0, -1)}…"` : JSON.stringify(value);
  if (value === undefined) return '(missing)';
  try {
    return cut(JSON.stringify(value) ?? String(value));
  } catch {
    // Cyclic or too deep to serialise: name the kind only (String() of a deep list recurses too).
    return Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : cut(String(value));
  }
}

/**
 * How an internal input is named in the scenario: the user's field path and the conversion of a
 * numeric value into the user's unit (`blockItWatts` in W → `datacenter.blockMw` in MW).
 */
export interface UserField {
  readonly field: string;
  readonly toUserUnit?: (value: number) => number;
}

/**
 * Runs `compute`; an InputError about one of the internal names in `fields` is re-thrown naming
 * the user's field, with the value in the user's unit, so that no error shows an internal name.
 * A key ending in `*` renames a prefix: `'schedule*' → datacenter.growth` turns `schedule[2].gpus`
 * into `datacenter.growth[2].gpus`.
 * Call it where the scenario's fields are turned into an internal function's inputs.
 */
export function inUserTerms<T>(fields: Readonly<Record<string, UserField>>, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const renamed = userField(fields, error.field);
    if (renamed === null) throw error;
    const user = renamed.user;
    const value = typeof error.value === 'number' && user.toUserUnit !== undefined ? user.toUserUnit(error.value) : error.value;
    throw new InputError(renamed.field, value, error.rule);
  }
}

/** The entry for `field`: an exact key, or a key ending in `*` that prefixes it (the rest is kept). */
function userField(fields: Readonly<Record<string, UserField>>, field: string): { user: UserField; field: string } | null {
  const exact = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (exact !== undefined) return { user: exact, field: exact.field };
  for (const [key, user] of Object.entries(fields)) {
    if (key.endsWith('*') && field.startsWith(key.slice(0, -1))) return { user, field: user.field + field.slice(key.length - 1) };
  }
  return null;
}

/** Type guard used by the shells to tell bad input (exit 2) from bugs. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
