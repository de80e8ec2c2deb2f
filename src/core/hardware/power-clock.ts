/**
 * Sustained tensor throughput of a power-capped chip.
 *
 * A datasheet peak is the tensor-core rate at the clock the chip holds within its datasheet board
 * power. A part run under a lower power limit than the one its peak was quoted at (Meta's Grand
 * Teton H100 at 500 W, whose peak the catalog copies from the 700 W H100 SXM) holds a lower clock
 * under large GEMMs, which draw the board to its limit. The sustained tensor rate then scales as
 *
 *   rate(P) / rate(P₀) = (P / P₀)^α                                                         (1)
 *
 * with P the power limit and P₀ the board power of the datasheet peak. α is read from the
 * datasheets' own pairs of one die at two board powers (hardware.json, hardware-facts.md §1.1):
 *
 *   B200 1,000 W / GB200 1,200 W: BF16 2,250 / 2,500 TFLOP/s → α = ln(0.900) / ln(0.833) = 0.58
 *   B300 1,100 W / GB300 1,400 W: BF16 2,250 / 2,500 TFLOP/s → α = ln(0.900) / ln(0.786) = 0.44
 *
 * mean 0.51, taken as 0.5. (Those pairs already carry their own datasheet peaks, so (1) applies
 * only to an accelerator whose catalog peak was quoted at a higher board power than its limit.)
 * Dynamic power P ∝ C·V²·f with the voltage falling with the clock bounds α from below at 1/3
 * (Hennessy & Patterson, Computer Architecture 6th ed. §1.5); the datasheets' 0.5 includes the
 * static power that does not fall with the clock. HBM bandwidth is not scaled: the memory clock is
 * not what the cap lowers.
 */
import type { Accelerator } from './types.js';

/** α of (1), from the datasheet pairs above. */
export const POWER_CLOCK_EXPONENT = 0.5;

/**
 * Sustained tensor-core rate of `accelerator` relative to its catalog peak, (1): 1 without a power
 * limit below the board power its peak was quoted at.
 */
export function sustainedTensorRatio(accelerator: Accelerator): number {
  const limit = accelerator.powerLimit;
  if (limit === undefined || limit.watts >= limit.peakQuotedAtWatts) return 1;
  return (limit.watts / limit.peakQuotedAtWatts) ** POWER_CLOCK_EXPONENT;
}
