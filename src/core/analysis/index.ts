/**
 * Analysis: six-domain bottleneck scores with their evidence and remedies, what-if re-runs, and the
 * quantified TP-vs-PP and DP-vs-EP comparisons. Public manifest of src/core/analysis.
 */
export type { AnalysisOptions } from './options.js';
export { analyzeBottlenecks, reportBottlenecks, scoreBottlenecks } from './bottlenecks/analyze.js';
export { deriveBottleneckFacts } from './bottlenecks/facts.js';
export { BOTTLENECK_RULES } from './bottlenecks/rules.js';
export { ANCHORS } from './bottlenecks/anchors.js';
export { DOMAINS } from './bottlenecks/types.js';
export type { BottleneckFacts, BottleneckReport, BottleneckRule, Domain, DomainScore, Evidence, EvidenceUnit, EvidenceValue, Finding } from './bottlenecks/types.js';
export { estimateForAnalysis, type AnalysisEstimates } from './estimates.js';
export { estimateMemoryWall, type MemoryWall } from './memory-wall.js';
export { estimateTraffic, hideBandwidth, TRAFFIC_KINDS, type Traffic, type TrafficFlow, type TrafficKind } from './traffic.js';
export { SCALE_KEYS, WHAT_IF_KEYS, formatWhatIf, parseWhatIf, type ScaleKey, type WhatIfChange, type WhatIfKey } from './what-if-parse.js';
export { applyWhatIf, runWhatIf, type DomainDelta, type WhatIfResult } from './what-if.js';
export { evaluateLayout, layoutFields, type InvalidLayout, type LayoutEvaluation } from './evaluate-layout.js';
export {
  compareTpPp,
  type CompareTpPpOptions, type InvalidStrategy, type ModelParallelTraffic, type TpPpComparison, type TpPpStrategy, type TpPpStrategyId,
} from './compare-tp-pp.js';
export { compareDpEp, type DpEpComparison, type DpEpNotApplicable, type DpEpPoint, type DpEpStrategy, type DpEpStrategyId } from './compare-dp-ep.js';
