/** A published run turned into something scaleplan can model and compare against. */
import type { Precision } from '../hardware/types.js';
import type { Layout } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import type { AssumedField } from './record-conventions.js';
import type { MfuConvention } from './record-mfu-convention.js';

/** Measurements to compare against; read from the record's `measured` block only. */
export interface RunMeasured {
  readonly tokensPerSecPerGpu?: number;
  readonly stepTimeS?: number;
  /** As published; definitions differ by source (data/README.md "MFU definitions differ"). */
  readonly mfu?: number;
  readonly peakMemGiB?: number;
  /** Whole-run GPU-hours per 10^12 tokens, as published (DeepSeek reports). */
  readonly gpuHoursPerTrillionTokens?: number;
}

export interface RunFlags {
  readonly forcedBalancedRouting: boolean;
  readonly proxyLayers: boolean;
  readonly analyticalNotMeasured: boolean;
  readonly selfInconsistent: boolean;
}

export type PrecisionClass = 'bf16' | 'fp16' | 'fp8' | 'fp4';

export interface RunTags {
  readonly accelerator: string;
  readonly moe: boolean;
  readonly precisionClass: PrecisionClass;
  readonly workload: 'pretrain' | 'sft' | 'lora';
  /** The record's software stack (data/README.md `framework`), null when not stated. */
  readonly framework: string | null;
}

/** A modelable run: the scenario and layout built from the record's inputs, and what was measured. */
export interface RunCase {
  readonly id: string;
  readonly source: string;
  /** One steady-state step: totalTokens = globalBatch·seqLen (the records carry no run length as input). */
  readonly scenario: Scenario;
  readonly layout: Layout;
  readonly measured: RunMeasured;
  readonly flags: RunFlags;
  readonly tags: RunTags;
  /**
   * Layout fields the record leaves null that matter for this run, and how each was resolved
   * (`record-conventions.ts`). Empty: the run is fully specified.
   */
  readonly assumed: readonly AssumedField[];
  /** Every value assumed or derived while building the case (e.g. "microBatch not given: 1"). */
  readonly notes: readonly string[];
  /** How the source counted the model FLOPs of `measured.mfu` (`record-mfu-convention.ts`); absent: the model's own count. */
  readonly mfuConvention?: MfuConvention;
}

/** A record that cannot be modelled, and why. */
export interface RunSkip {
  readonly id: string;
  readonly skipReason: string;
}

export const PRECISION_CLASS = {
  bf16: 'bf16',
  fp16: 'fp16',
  fp8: 'fp8',
  'fp8-block': 'fp8',
  mxfp8: 'fp8',
  nvfp4: 'fp4',
} satisfies Record<Precision, PrecisionClass>;
