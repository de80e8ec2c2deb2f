/** What `scaleplan validate` reports: each published run predicted from its inputs, and the errors. */
import type { AssumedField } from '../runs/record-conventions.js';
import type { RunTags } from '../runs/types.js';

/** The measurement compared: tokens/s/GPU when published, else step time, else MFU. */
export type ValidationMetric = 'tokensPerSecPerGpu' | 'stepTimeS' | 'mfu';

export interface RunValidation {
  readonly id: string;
  readonly source: string;
  readonly model: string;
  readonly metric: ValidationMetric;
  readonly predicted: number;
  readonly measured: number;
  /** (predicted − measured) / measured × 100. */
  readonly errorPct: number;
  readonly tags: RunTags;
  /** Short description of the layout used. */
  readonly layout: string;
  /** Null layout fields that matter for this run and how they were resolved (`runs/record-conventions.ts`); empty = fully specified. */
  readonly assumed: readonly AssumedField[];
  readonly forcedBalancedRouting: boolean;
  /** With `--cross-validate family`: the prediction of the calibration fitted without this run's source family. */
  readonly crossValidated?: { readonly predicted: number; readonly errorPct: number };
  /** When the run publishes GPU-hours per trillion tokens: predicted (from tokens/s/GPU), published, and (predicted / published − 1) × 100. */
  readonly gpuHoursPerTrillionTokens?: { readonly predicted: number; readonly measured: number; readonly errorPct: number };
}

export interface MemoryValidation {
  readonly id: string;
  readonly model: string;
  readonly predictedGiB: number;
  readonly measuredGiB: number;
  readonly errorPct: number;
  /** true for Korthikanti Fig. 1 values (formula vs formula, not a measurement). */
  readonly analytical: boolean;
  /** The record's software stack (data/README.md `framework`). */
  readonly framework: string | null;
  /** The peak compared: allocated (live tensors) or reserved (+ the allocator's cache), and whether the source states it. */
  readonly statistic: string;
  /** Layout fields the record leaves null, set by the stack's convention (empty: fully specified for memory). */
  readonly assumed: readonly string[];
  /**
   * Non-null when the printed peak is the device full (`validate-memory.ts`): no byte count, only the
   * bound that the run's allocated peak fit the device. `predictedGiB` is then the predicted allocated
   * peak, `measuredGiB` the most the allocator can hold, `errorPct` the predicted peak's distance to
   * that bound (negative: fits), and the row is left out of the error summaries.
   */
  readonly bound: MemoryBound | null;
}

/** A device-full reading, compared as a bound: the predicted allocated peak must fit the device. */
export interface MemoryBound {
  readonly kind: 'device-full';
  /** The predicted allocated peak fits what the allocator can hold (capacity less the runtime reserve). */
  readonly met: boolean;
}

export interface SkippedRun {
  readonly id: string;
  readonly reason: string;
}

export interface ErrorSummary {
  readonly modeled: number;
  readonly meanAbsPctError: number;
  readonly meanSignedPctError: number;
  readonly maxAbsPctError: number;
}

/** Errors of runs predicted by a calibration that never saw their source family. */
export interface CrossValidationSummary extends ErrorSummary {
  readonly by: 'family';
  readonly byFamily: Readonly<Record<string, ErrorSummary>>;
  readonly byAccelerator: Readonly<Record<string, ErrorSummary>>;
  readonly byPrecision: Readonly<Record<string, ErrorSummary>>;
  readonly byArchitecture: Readonly<Record<'dense' | 'moe', ErrorSummary>>;
}

export interface ValidationSummary extends ErrorSummary {
  readonly skipped: number;
  readonly byAccelerator: Readonly<Record<string, ErrorSummary>>;
  readonly byArchitecture: Readonly<Record<'dense' | 'moe', ErrorSummary>>;
  readonly byPrecision: Readonly<Record<string, ErrorSummary>>;
  readonly bySource: Readonly<Record<string, ErrorSummary>>;
  /** The run with the largest absolute error. */
  readonly worst: { readonly id: string; readonly errorPct: number } | null;
  /** Runs with every layout field that matters given by the record. */
  readonly fullySpecified: ErrorSummary;
  /** Runs with at least one such field resolved by a convention or a generic default ("assumed"). */
  readonly assumed: ErrorSummary;
  /** With `--cross-validate family` only. */
  readonly crossValidation?: CrossValidationSummary;
}

export interface ValidationReport {
  readonly summary: ValidationSummary;
  readonly runs: readonly RunValidation[];
  readonly memory: {
    readonly summary: ErrorSummary;
    readonly analyticalSummary: ErrorSummary;
    /** Measured rows by source family. */
    readonly bySource: Readonly<Record<string, ErrorSummary>>;
    /** Measured rows by software stack. */
    readonly byFramework: Readonly<Record<string, ErrorSummary>>;
    /** Measured rows, largest absolute error first (at most five). */
    readonly worst: readonly { readonly id: string; readonly errorPct: number }[];
    /** Device-full readings compared as bounds (left out of the summaries above), and how many hold. */
    readonly deviceFullBounds: { readonly runs: number; readonly met: number };
    readonly runs: readonly MemoryValidation[];
    /** Records with a measured peak that cannot be modelled, and why. */
    readonly skipped: readonly SkippedRun[];
  };
  readonly skipped: readonly SkippedRun[];
}
