/**
 * What an overlapped transfer adds to the time of the compute it overlaps: the part the compute
 * window cannot hide, plus the contention the hidden part costs that compute — the communication
 * kernels' SMs and HBM traffic, a slowdown × hidden seconds: the stack's `overlapGemmSlowdown`
 * (framework/) for its TP and CP overlap, the SM share of an NCCL kernel
 * (`StepFramework.collectiveGemmSlowdown`) for data-parallel collectives. The one rule for every
 * overlapped collective: TP, CP and ZeRO-3 gathers per layer (`stage-times.ts`), and the
 * data-parallel gradient reduce and parameter gather of the step's tail (`rank-tail.ts`).
 *
 *   added = max(0, comm − window) + slowdown · min(comm, window)      [s]
 */
export function overlappedSeconds(commSeconds: number, windowSeconds: number, slowdown: number): number {
  return Math.max(0, commSeconds - windowSeconds) + slowdown * Math.min(commSeconds, windowSeconds);
}
