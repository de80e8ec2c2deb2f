/**
 * The anchors of the score ramps: the value of a measured quantity at which a rule scores 0 and the
 * value at which it scores 100, each with why. Rules read them from here so that the README table,
 * the tests and the code agree.
 */

export const ANCHORS = {
  /**
   * Full recomputation re-runs the whole forward: 4 forward-equivalents instead of 3 (Narayanan et al.
   * 2021 eq. 3), i.e. 1/4 of tensor-core time. Score 100 at that share of the step.
   */
  recomputeStepShareFull: 0.25,
  /** FP8 at twice the 16-bit peak saves at most half the tensor-core time: score 100 at 50 % of the step saved. */
  fp8SavingFull: 0.5,
  /** A pipeline idle half of the step (bubble share 0.5) scores 100. */
  bubbleShareFull: 0.5,
  /** Memory used: below half of HBM there is room to double the micro-batch (score 0); full HBM scores 100. */
  memoryUsedLow: 0.5,
  memoryUsedHigh: 1,
  /** A peak rank's memory "dominated" by one part: at least half of it. */
  dominantShare: 0.5,
  /** Memory is "tight" (the specific capacity rules apply) above 90 % of HBM. */
  memoryTight: 0.9,
  /** HBM-bound compute over half of the step scores 100 (the memory wall owns the step). */
  memoryBoundStepShareFull: 0.5,
  /** Exposed communication of 25 % of compute time (step ≥ 1.25 × compute, ≥ 20 % of MFU lost) scores 100. */
  exposedPerComputeFull: 0.25,
  /** Wire time equal to compute time (utilization 1): the traffic cannot be hidden even with perfect overlap. */
  utilizationFull: 1,
  /**
   * Use of a feed (rack feed of the power chain, utility feed of the site, rack limit of the cooling
   * option): half of its rating leaves room for the next generation → 0; the full rating → 100.
   */
  feedUseLow: 0.5,
  feedUseHigh: 1,
  /** Power-chain loss per IT watt: 2 % is the best chain modeled (HVDC) → 0; 20 % → 100. */
  chainLossLow: 0.02,
  chainLossHigh: 0.2,
  /** One modular block (datacenter SIZING, 2 MW) → 0; 200 MW of facility power (a utility-scale project) → 100, log scale [W]. */
  siteWattsLow: 2e6,
  siteWattsHigh: 200e6,
  /** §4.1 Schneider 2021: "below 35kW per rack … standard air-cooled designs" → 0 [W]. */
  airComfortRackWatts: 35_000,
  /** §4.1 Schneider: "When you surpass the 50-kilowatt threshold, thermal management becomes a critical concern" → 100 [W]. */
  airCriticalRackWatts: 50_000,
  /** Cooling W per IT W: warm-water liquid with free cooling ≈ 0.05 → 0; air with chillers all year (0.55) → 100. */
  coolingLow: 0.05,
  coolingHigh: 0.55,
  /** Checkpoint writes taking 5 % of the time score 100. */
  checkpointShareFull: 0.05,
  /** Rework and restarts taking 10 % of the time score 100 (Llama 3 at 16k GPUs: ≈ 6 %). */
  failureShareFull: 0.1,
  /** A run losing 15 % of its wall time to checkpoints, rework and restarts scores 100. */
  lostFractionFull: 0.15,
} as const;
