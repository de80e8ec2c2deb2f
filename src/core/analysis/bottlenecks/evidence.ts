/**
 * Evidence: the named numbers behind a score, each with its unit, in SI. Names say what the number
 * is ("peakPerGpu", "exposedTp"); the unit says how to read it, so a shell formats by the unit and
 * never by the name.
 *
 * | unit | value | e.g. |
 * |---|---|---|
 * | bytes, bytes/s, watts, seconds | SI | HBM peak, link demand, rack power, exposed time |
 * | fraction | share of a whole, 0–1 | MFU, bubble share |
 * | ratio | dimensionless, around 1 | FP8 over BF16 peak, wire utilisation |
 * | W/W | watts per watt of IT load | power-chain loss, cooling power |
 * | count | a whole number | GPUs, parallel degrees, blocks |
 * | number | a plain number | PUE, expected failures |
 */
export type EvidenceUnit = 'bytes' | 'bytes/s' | 'watts' | 'seconds' | 'fraction' | 'ratio' | 'W/W' | 'count' | 'number';

export interface EvidenceValue {
  readonly value: number;
  readonly unit: EvidenceUnit;
}

/** Named numbers behind a score, each with its unit. */
export type Evidence = Readonly<Record<string, EvidenceValue>>;

export const bytes = (value: number): EvidenceValue => ({ value, unit: 'bytes' });
export const bytesPerSec = (value: number): EvidenceValue => ({ value, unit: 'bytes/s' });
export const watts = (value: number): EvidenceValue => ({ value, unit: 'watts' });
export const seconds = (value: number): EvidenceValue => ({ value, unit: 'seconds' });
export const fraction = (value: number): EvidenceValue => ({ value, unit: 'fraction' });
export const ratio = (value: number): EvidenceValue => ({ value, unit: 'ratio' });
export const wattsPerWatt = (value: number): EvidenceValue => ({ value, unit: 'W/W' });
export const count = (value: number): EvidenceValue => ({ value, unit: 'count' });
export const plain = (value: number): EvidenceValue => ({ value, unit: 'number' });
