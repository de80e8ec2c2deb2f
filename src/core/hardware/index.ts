/** Hardware: the accelerator catalog, tensor-core peaks per precision, and cluster construction. */
export type { Accelerator, Cluster, PeakFlops, Precision } from './types.js';
export { PRECISIONS } from './types.js';
export { ACCELERATORS, ACCELERATOR_IDS } from './catalog.js';
export type { AcceleratorId } from './catalog.js';
export { findAccelerator } from './find-accelerator.js';
export { PRECISION_PEAK, peakFlopsPerSec } from './peak-flops.js';
export { POWER_CLOCK_EXPONENT, sustainedTensorRatio } from './power-clock.js';
export { createCluster } from './create-cluster.js';
export type { ClusterOverrides } from './create-cluster.js';
export { MEASURED_LATENCY_SECONDS, SCALE_OUT_FABRICS, SCALE_UP_LATENCY_SECONDS } from './fabrics.js';
export { HGX_HOST_OVERHEAD_WATTS, REFERENCE_SYSTEMS, eightGpuServerWatts } from './systems.js';
export { gigabitsPerSec, gigabytes, gigabytesPerSec, kilowatts, microseconds, terabytesPerSec, teraflops } from './units.js';
