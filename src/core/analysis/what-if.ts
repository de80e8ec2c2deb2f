/**
 * What-if: apply a typed change list to a scenario (new cluster / accelerator / training records,
 * the input never mutated), re-run the bottleneck analysis, and report the change of every domain
 * score and of the step time. Parsing: `what-if-parse.ts`.
 */
import { InputError, isInputError } from '../errors.js';
import { peakFlopsPerSec } from '../hardware/peak-flops.js';
import type { Accelerator, Cluster, PeakFlops } from '../hardware/types.js';
import { createLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { analyzeBottlenecks } from './bottlenecks/analyze.js';
import type { BottleneckReport, Domain } from './bottlenecks/types.js';
import type { AnalysisOptions } from './options.js';
import { formatWhatIf, parseWhatIf, type ScaleKey, type WhatIfChange } from './what-if-parse.js';

export interface DomainDelta {
  readonly domain: Domain;
  readonly before: number;
  readonly after: number;
  /** after − before [score points]. */
  readonly delta: number;
  readonly ruleBefore: string | null;
  readonly ruleAfter: string | null;
}

export interface WhatIfResult {
  readonly changes: readonly WhatIfChange[];
  /** The changes as a canonical spec. */
  readonly spec: string;
  readonly scenario: Scenario;
  readonly layout: Layout;
  readonly before: BottleneckReport;
  readonly after: BottleneckReport;
  readonly domains: readonly DomainDelta[];
  readonly stepSeconds: { readonly before: number; readonly after: number; readonly delta: number; readonly speedup: number };
  readonly mfu: { readonly before: number; readonly after: number };
}

function scalePeaks(peaks: PeakFlops, f: number): PeakFlops {
  const s = (v: number | null): number | null => (v === null ? null : v * f);
  return { tf32: s(peaks.tf32), bf16: s(peaks.bf16), fp16: s(peaks.fp16), fp8: s(peaks.fp8), fp4: s(peaks.fp4) };
}

/** The cluster with one factor applied (accelerator fields kept consistent with the cluster's). */
function scaleCluster(cluster: Cluster, key: ScaleKey, f: number): Cluster {
  const a = cluster.accelerator;
  switch (key) {
    case 'scaleUpBandwidth': {
      const scaleUp = { ...a.scaleUp, bandwidthBytesPerSec: a.scaleUp.bandwidthBytesPerSec * f, achievedBytesPerSec: a.scaleUp.achievedBytesPerSec === null ? null : a.scaleUp.achievedBytesPerSec * f };
      return { ...cluster, accelerator: { ...a, scaleUp }, scaleUpBandwidthBytesPerSec: cluster.scaleUpBandwidthBytesPerSec * f };
    }
    case 'scaleOutBandwidth': {
      const scaleOut = { ...a.scaleOut, bandwidthBytesPerSec: a.scaleOut.bandwidthBytesPerSec * f };
      return { ...cluster, accelerator: { ...a, scaleOut }, scaleOutBandwidthBytesPerSec: cluster.scaleOutBandwidthBytesPerSec * f };
    }
    case 'hbmBandwidth':
      return { ...cluster, accelerator: { ...a, hbmBandwidthBytesPerSec: a.hbmBandwidthBytesPerSec * f } };
    case 'hbmCapacity':
      return { ...cluster, accelerator: { ...a, hbmBytes: a.hbmBytes * f } };
    case 'peakFlops':
      return { ...cluster, accelerator: { ...a, peakFlopsPerSec: scalePeaks(a.peakFlopsPerSec, f) } };
  }
}

function withGpus(cluster: Cluster, change: Extract<WhatIfChange, { key: 'gpus' }>, spec: string): Cluster {
  const gpus = change.mode === 'count' ? change.value : Math.round(cluster.gpus * change.value);
  if (!(gpus >= 1)) throw new InputError('--what-if', spec, `gpus: ${cluster.gpus} × ${change.value} leaves no GPU`);
  return { ...cluster, gpus };
}

function withDomain(cluster: Cluster, gpus: number): Cluster {
  const accelerator: Accelerator = { ...cluster.accelerator, scaleUp: { ...cluster.accelerator.scaleUp, domainGpus: gpus } };
  return { ...cluster, accelerator, scaleUpDomainGpus: gpus };
}

/**
 * The scenario with `changes` applied, in list order (cooling goes to its `datacenter` section).
 * Never mutates its input.
 * @throws InputError('--what-if', spec, rule) when the accelerator cannot run the new precision.
 */
export function applyWhatIf(scenario: Scenario, changes: readonly WhatIfChange[]): Scenario {
  const spec = formatWhatIf(changes);
  let cluster = scenario.cluster;
  let training = scenario.training;
  let datacenter = scenario.datacenter;
  for (const c of changes) {
    if (c.key === 'precision') training = { ...training, precision: c.precision };
    else if (c.key === 'gpus') cluster = withGpus(cluster, c, spec);
    else if (c.key === 'scaleUpDomain') cluster = withDomain(cluster, c.gpus);
    else if (c.key === 'cooling') datacenter = { ...datacenter, cooling: c.cooling };
    else cluster = scaleCluster(cluster, c.key, c.factor);
  }
  try {
    peakFlopsPerSec(cluster.accelerator, training.precision);
  } catch (error) {
    if (isInputError(error)) throw new InputError('--what-if', spec, error.rule);
    throw error;
  }
  return { ...scenario, cluster, training, datacenter };
}

/** The layout on the changed cluster: the same one, or with dp (and a whole-group FSDP shard) following a new GPU count. */
function changedLayout(scenario: Scenario, layout: Layout, spec: string): Layout {
  const modelParallel = layout.tp * layout.cp * layout.pp;
  if (modelParallel * layout.dp === scenario.cluster.gpus) return layout;
  const dp = scenario.cluster.gpus / modelParallel;
  if (!Number.isInteger(dp)) throw new InputError('--what-if', spec, `${scenario.cluster.gpus} GPUs are not divisible by tp·cp·pp = ${modelParallel}`);
  const { edp: _edp, microBatches: _m, ...fixed } = layout;
  try {
    return createLayout(scenario, { ...fixed, dp, fsdpShardSize: layout.fsdpShardSize === layout.dp ? dp : layout.fsdpShardSize });
  } catch (error) {
    if (isInputError(error)) throw new InputError('--what-if', spec, `with ${scenario.cluster.gpus} GPUs (dp ${dp}): ${error.message}`);
    throw error;
  }
}

/**
 * Re-runs the bottleneck analysis with `changes` (a spec string or a parsed list) and returns
 * before, after, and the per-domain and step-time deltas.
 * @throws InputError('--what-if', spec, rule) for a bad spec or a change the scenario cannot take.
 */
export function runWhatIf(scenario: Scenario, layout: Layout, changes: string | readonly WhatIfChange[], options: AnalysisOptions = {}): WhatIfResult {
  const list = typeof changes === 'string' ? parseWhatIf(changes) : changes;
  const spec = formatWhatIf(list);
  const applied = applyWhatIf(scenario, list);
  const newLayout = changedLayout(applied, layout, spec);
  const before = analyzeBottlenecks(scenario, layout, options);
  const after = analyzeBottlenecks(applied, newLayout, options);
  const domains = before.domains.map((b, i) => {
    const a = after.domains[i];
    const score = a?.score ?? 0;
    return { domain: b.domain, before: b.score, after: score, delta: score - b.score, ruleBefore: b.rule, ruleAfter: a?.rule ?? null };
  });
  return {
    changes: list, spec, scenario: applied, layout: newLayout, before, after, domains,
    stepSeconds: { before: before.stepSeconds, after: after.stepSeconds, delta: after.stepSeconds - before.stepSeconds, speedup: before.stepSeconds / after.stepSeconds },
    mfu: { before: before.mfu, after: after.mfu },
  };
}
