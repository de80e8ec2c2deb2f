/** Memory per pipeline stage, stacked, against the HBM capacity and the planner's headroom limit. */
import { scaleLinear } from 'd3-scale';
import type { MemoryEstimate, StageMemory } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { formatBytes } from '../format.js';
import { YAxis } from '../ui/axes.js';

const PARTS: readonly (readonly [keyof StageMemory, string, string])[] = [
  ['weightsBytes', 's1', 'weights'],
  ['gradsBytes', 's2', 'gradients'],
  ['optimizerBytes', 's3', 'optimizer'],
  ['activationsBytes', 's4', 'activations'],
  ['buffersBytes', 's5', 'buffers'],
];
const H = 280;
const M = { l: 56, r: 12, t: 14, b: 34 };

export function MemoryChart({ memory, headroomFraction }: { readonly memory: MemoryEstimate; readonly headroomFraction: number }) {
  const W = useChartWidth();
  const stages = memory.stages;
  // Drawn in GiB so the ticks fall on round GiB values.
  const GIB = 2 ** 30;
  const top = (Math.max(memory.capacityBytes, memory.peakBytesPerGpu) * 1.12) / GIB;
  const yGib = scaleLinear().domain([0, top]).range([H - M.b, M.t]).nice();
  const y = (bytes: number): number => yGib(bytes / GIB);
  const band = (W - M.l - M.r) / Math.max(1, stages.length);
  const barW = Math.max(2, band * 0.72);
  const limit = memory.capacityBytes * (1 - headroomFraction);
  return (
    <ChartCard name="memory" title="Memory per pipeline stage" subtitle={`peak ${formatBytes(memory.peakBytesPerGpu)} on stage ${memory.peakStage} of ${formatBytes(memory.capacityBytes)} HBM · ${memory.fits ? 'fits' : `over by ${formatBytes(memory.overByBytes)}`}`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Stacked memory per pipeline stage in GiB">
        <YAxis scale={yGib} left={M.l} width={W - M.l - M.r} format={(v) => String(v)} label="GiB" />
        {stages.map((s, i) => {
          let base = 0;
          const x = M.l + i * band + (band - barW) / 2;
          return (
            <g key={s.stage}>
              {PARTS.map(([key, cls, label]) => {
                const value = Number(s[key]);
                const y0 = y(base);
                base += value;
                const y1 = y(base);
                return <rect key={key} class={cls} x={x} y={y1} width={barW} height={Math.max(0, y0 - y1)}><title>{`stage ${s.stage} ${label}: ${formatBytes(value)}`}</title></rect>;
              })}
              {stages.length <= 32 || i % 4 === 0 ? <text class="tick" x={x + barW / 2} y={H - M.b + 14} text-anchor="middle">{s.stage}</text> : null}
            </g>
          );
        })}
        <line class="limit-line" x1={M.l} x2={W - M.r} y1={y(memory.capacityBytes)} y2={y(memory.capacityBytes)} />
        <text class="note" x={W - M.r} y={y(memory.capacityBytes) - 4} text-anchor="end">HBM {formatBytes(memory.capacityBytes)}</text>
        <line class="headroom-line" x1={M.l} x2={W - M.r} y1={y(limit)} y2={y(limit)} />
        <text class="note" x={M.l + 4} y={y(memory.capacityBytes) - 4}>{`planner limit: ${Math.round(headroomFraction * 100)}% headroom (dashed)`}</text>
        <text class="axis-label" x={M.l + (W - M.l - M.r) / 2} y={H - 4} text-anchor="middle">pipeline stage</text>
      </svg>
      <Legend items={PARTS.map(([, cls, label]) => [cls, label])} />
    </ChartCard>
  );
}
