import type { EfficiencyParams } from '../compute/efficiency.js';
import type { Cluster } from '../hardware/types.js';
import type { LayoutSpec } from '../layout/spec.js';
import type { ModelSpec } from '../model/types.js';
import type { Training } from '../training/types.js';
import type { DatacenterInput, EconomicsInput, ReferenceInput } from './site-schema.js';

export type { Choice, LayoutSpec } from '../layout/spec.js';

/** A parsed and resolved scenario: catalog ids replaced by full specs, defaults filled in. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly model: ModelSpec;
  readonly cluster: Cluster;
  readonly training: Training;
  readonly layout: LayoutSpec;
  /** Price basis, energy price, grid intensity, storage (all optional; defaults in src/core/run). */
  readonly economics: EconomicsInput;
  /** Cooling, climate, power chain, block size, growth (all optional; defaults in src/core/datacenter). */
  readonly datacenter: DatacenterInput;
  /** Published figures printed beside the estimate for comparison; never an input of any model. */
  readonly reference: ReferenceInput;
  /** The scenario's `calibration:` profile file, as written (a shell reads it; the core does no I/O). */
  readonly calibrationFile?: string;
  /** A calibration profile in force (`withCalibrationProfile`); absent: the built-in calibration. */
  readonly calibration?: ScenarioCalibration;
}

/** A user's calibration profile applied to a scenario: its name and the efficiency data it sets. */
export interface ScenarioCalibration {
  readonly name: string;
  /** Where it was read from (shown where it is in force). */
  readonly file: string;
  readonly efficiency: EfficiencyParams;
}
