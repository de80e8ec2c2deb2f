/**
 * Input checks of the data-center model. Each failure is an InputError naming the field, the value
 * and the rule, never a silent clamp.
 */
import { InputError } from '../errors.js';

/** Largest GPU count accepted: 10 M GPUs is > 10 GW of IT, beyond any site in hardware-facts.md §4.7. */
export const MAX_GPUS = 10_000_000;

/** Largest power accepted for one block or site [W]: 50 GW, above the whole AI demand of §4.9 for 2028. */
export const MAX_WATTS = 50e9;

export function requirePositive(field: string, value: number, max = Number.MAX_VALUE): number {
  if (!Number.isFinite(value) || value <= 0) throw new InputError(field, value, 'must be a finite number > 0');
  if (value > max) throw new InputError(field, value, `must be at most ${max}`);
  return value;
}

export function requireNonNegative(field: string, value: number, max = Number.MAX_VALUE): number {
  if (!Number.isFinite(value) || value < 0) throw new InputError(field, value, 'must be a finite number ≥ 0');
  if (value > max) throw new InputError(field, value, `must be at most ${max}`);
  return value;
}

export function requirePositiveInteger(field: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 1) throw new InputError(field, value, 'must be an integer ≥ 1');
  if (value > max) throw new InputError(field, value, `must be at most ${max}`);
  return value;
}

export function requireNonNegativeInteger(field: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 0) throw new InputError(field, value, 'must be an integer ≥ 0');
  if (value > max) throw new InputError(field, value, `must be at most ${max}`);
  return value;
}

/** A fraction in [0, 1] (share of the year, of heat, of capex). */
export function requireFraction(field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new InputError(field, value, 'must be a fraction in [0, 1]');
  return value;
}

/** An efficiency in (0, 1]. */
export function requireEfficiency(field: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 1) throw new InputError(field, value, 'must be an efficiency in (0, 1]');
  return value;
}
