/**
 * Conversions from the units datasheets print to the SI units the core computes in.
 * Decimal prefixes, as vendors state them (1 GB = 1e9 bytes, 1 TB/s = 1e12 bytes/s), except DRAM
 * capacities built from 2^n-bit dies, which are binary (1 GiB = 2^30 bytes; `catalog.ts`).
 */

/** TFLOP/s → FLOP/s. */
export function teraflops(value: number): number {
  return value * 1e12;
}

/** GB (decimal) → bytes. */
export function gigabytes(value: number): number {
  return value * 1e9;
}

/** GiB (binary, DRAM capacity) → bytes. */
export function gibibytes(value: number): number {
  return value * 2 ** 30;
}

/** TB/s (decimal) → bytes/s. */
export function terabytesPerSec(value: number): number {
  return value * 1e12;
}

/** GB/s (decimal) → bytes/s. */
export function gigabytesPerSec(value: number): number {
  return value * 1e9;
}

/** Gb/s (link speed in bits) → bytes/s: 400 Gb/s = 50 GB/s. */
export function gigabitsPerSec(value: number): number {
  return (value * 1e9) / 8;
}

/** µs → s. */
export function microseconds(value: number): number {
  return value * 1e-6;
}

/** kW → W. */
export function kilowatts(value: number): number {
  return value * 1e3;
}
