/** Where one training step goes: compute, exposed communication by parallelism, bubble, optimizer. */
import { scaleLinear } from 'd3-scale';
import type { StepReport } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard } from '../ui/chart-card.js';
import { formatPercent, formatSeconds } from '../format.js';

const ROW = 26;
const M = { l: 150, r: 90, t: 8 };

export function StepChart({ step }: { readonly step: StepReport }) {
  const W = useChartWidth();
  const t = step.time;
  const rows: readonly (readonly [string, number, string])[] = [
    ['compute', t.computeSeconds, 's1'],
    ['exposed TP comm.', t.exposed.tp, 's2'],
    ['exposed EP all-to-all', t.exposed.ep, 's3'],
    ['exposed CP comm.', t.exposed.cp, 's6'],
    ['exposed DP reduce', t.exposed.dp, 's4'],
    ['exposed PP send/recv', t.exposed.pp, 's7'],
    ['pipeline bubble', t.bubbleSeconds, 's5'],
    ['optimizer', t.optimizerSeconds, 's8'],
  ];
  const H = M.t + rows.length * ROW + 8;
  const x = scaleLinear().domain([0, Math.max(...rows.map((r) => r[1]), 1e-9)]).range([M.l, W - M.r]);
  return (
    <ChartCard name="step" title="Step time breakdown" subtitle={`${formatSeconds(t.stepSeconds)} per step · pipeline ${formatSeconds(t.pipelineSeconds)} · ${step.schedule.id}, ${step.schedule.microBatches} micro-batches`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Step time by component">
        {rows.map(([label, seconds, cls], i) => {
          const yTop = M.t + i * ROW;
          return (
            <g key={label}>
              <text class="tick" x={M.l - 8} y={yTop + ROW / 2 + 4} text-anchor="end">{label}</text>
              <rect class={cls} x={M.l} y={yTop + 4} width={Math.max(0, x(seconds) - M.l)} height={ROW - 8}><title>{`${label}: ${formatSeconds(seconds)}`}</title></rect>
              <text class="value" x={x(seconds) + 6} y={yTop + ROW / 2 + 4}>{`${formatSeconds(seconds)} · ${formatPercent(seconds / t.stepSeconds)}`}</text>
            </g>
          );
        })}
      </svg>
    </ChartCard>
  );
}
