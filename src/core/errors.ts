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

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return '(missing)';
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Type guard used by the shells to tell bad input (exit 2) from bugs. */
export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
