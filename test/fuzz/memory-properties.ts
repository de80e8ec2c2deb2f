/**
 * Memory properties over generated scenarios, on the core directly: per-GPU model states fall (never
 * rise) as TP, PP or the ZeRO stage shard them further, and recomputation never raises the peak.
 */
import { createLayout, estimateMemory, isInputError, parseScenario, type Layout, type MemoryEstimate, type Scenario } from '../../src/core/index.js';

type Doc = Record<string, unknown>;

/** Weights + gradients + optimizer states of the stage holding the most of them [bytes]. */
function statesBytes(m: MemoryEstimate): number {
  return Math.max(...m.stages.map((s) => s.weightsBytes + s.gradsBytes + s.optimizerBytes));
}

/** The scenario and layout of `doc`, or null when the document is bad input. */
function built(doc: Doc): { scenario: Scenario; layout: Layout } | null {
  try {
    const scenario = parseScenario(doc);
    return { scenario, layout: createLayout(scenario) };
  } catch (error) {
    if (isInputError(error)) return null;
    throw error;
  }
}

function memoryOf(doc: Doc): MemoryEstimate | null {
  const b = built(doc);
  return b === null ? null : estimateMemory(b.scenario, b.layout, { searchMicroBatch: false });
}

function withLayout(doc: Doc, layout: Doc, gpusFactor = 1): Doc {
  const cluster = doc.cluster as { gpus: number };
  return { ...doc, cluster: { ...cluster, gpus: cluster.gpus * gpusFactor }, layout: { ...(doc.layout as Doc), ...layout } };
}

const SLACK = 1 + 1e-9;

/** Throws when a memory property breaks for `doc`; returns how many comparisons it made. */
export function checkMemoryProperties(doc: Doc): number {
  const base = built(doc);
  if (base === null) return 0;
  const { layout } = base;
  const m = estimateMemory(base.scenario, layout, { searchMicroBatch: false });
  let compared = 0;
  const fail = (what: string, detail: unknown): never => {
    throw new Error(`${what}: ${JSON.stringify(detail)}\n  scenario: ${JSON.stringify(doc)}`);
  };
  // ZeRO: each stage shards more of the states over the dp·cp ranks.
  if (layout.dp * layout.cp > 1) {
    for (let zero = layout.zero + 1; zero <= 3; zero += 1) {
      const more = memoryOf(withLayout(doc, { zero, fsdpShardSize: layout.dp }));
      if (more === null) continue;
      compared += 1;
      if (statesBytes(more) > statesBytes(m) * SLACK) fail(`ZeRO ${zero} holds more states than ZeRO ${layout.zero}`, [statesBytes(more), statesBytes(m)]);
    }
  }
  // TP and PP: twice the degree on twice the GPUs (same dp) shards the states further. Going from
  // pp 1 to 2 changes the sharding itself under ZeRO-2/3 (priced as ZeRO-1 with a pipeline), so
  // that step is not a comparison of degrees.
  const degrees: ['tp' | 'pp', number][] = [['tp', layout.tp * 2]];
  if (!(layout.pp === 1 && layout.zero >= 2)) degrees.push(['pp', layout.pp * 2]);
  for (const [field, value] of degrees) {
    const fsdp = layout.zero === 3 ? { fsdpShardSize: layout.fsdpShardSize } : {};
    const more = memoryOf(withLayout(doc, { [field]: value, dp: layout.dp, ...fsdp }, 2));
    if (more === null) continue;
    compared += 1;
    if (statesBytes(more) > statesBytes(m) * SLACK) fail(`${field} ${value} holds more states per GPU than ${field} ${layout[field]}`, [statesBytes(more), statesBytes(m)]);
  }
  // Recomputation trades compute for memory: never more memory.
  const order = ['none', 'selective', 'full'] as const;
  for (let i = order.indexOf(layout.recompute) + 1; i < order.length; i += 1) {
    const more = memoryOf(withLayout(doc, { recompute: order[i] }));
    if (more === null) continue;
    compared += 1;
    if (more.peakBytesPerGpu > m.peakBytesPerGpu * SLACK) fail(`recompute ${order[i]} raises the peak over ${layout.recompute}`, [more.peakBytesPerGpu, m.peakBytesPerGpu]);
  }
  return compared;
}
