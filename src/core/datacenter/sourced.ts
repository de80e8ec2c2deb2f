/**
 * A default value together with where it comes from. Every facility default in this folder is one of
 * these, so a report can print the number and its source side by side.
 */

/** How the value was obtained (tags as in data/hardware-facts.md, plus our own calibrations). */
export type Confidence = 'primary' | 'secondary' | 'derived' | 'assumption';

export interface Sourced<T = number> {
  readonly value: T;
  /** Unit of `value`, spelled out (e.g. "W", "USD per IT watt", "fraction of the year"). */
  readonly unit: string;
  readonly confidence: Confidence;
  /** Section of data/hardware-facts.md and the original source, or the derivation / assumption. */
  readonly source: string;
}
