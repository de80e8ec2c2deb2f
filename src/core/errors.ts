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

/** Type guard used by the shells to tell bad input (exit 2) from bugs. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
