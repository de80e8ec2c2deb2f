/** TP vs PP (a model-parallel factor spent either way) and DP vs EP (MoE), side by side. */
import { scaleLinear } from 'd3-scale';
import type { DpEpComparison, DpEpNotApplicable, TpPpComparison } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { formatBytes, formatSeconds } from '../format.js';

const ROW = 24;

interface Bar { readonly label: string; readonly value: number; readonly text: string; readonly cls: string; readonly note?: string }

function Bars({ bars, title, top }: { readonly bars: readonly Bar[]; readonly title: string; readonly top: number }) {
  const W = useChartWidth();
  const M = { l: W < 500 ? 100 : 150, r: W < 500 ? 120 : 190 };
  const x = scaleLinear().domain([0, Math.max(...bars.map((b) => b.value), 1e-12)]).range([M.l, W - M.r]);
  return (
    <g transform={`translate(0 ${top})`}>
      <text class="axis-label" x={0} y={12}>{title}</text>
      {bars.map((b, i) => {
        const y = 18 + i * ROW;
        return (
          <g key={b.label}>
            <text class="tick" x={M.l - 8} y={y + 15} text-anchor="end">{b.label}</text>
            {b.note === undefined
              ? <rect class={b.cls} x={M.l} y={y + 4} width={Math.max(0, x(b.value) - M.l)} height={ROW - 8}><title>{`${b.label}: ${b.text}`}</title></rect>
              : null}
            <text class={b.note === undefined ? 'value' : 'note'} x={b.note === undefined ? x(b.value) + 6 : M.l} y={y + 15}>{b.note ?? b.text}</text>
          </g>
        );
      })}
    </g>
  );
}

function tpPpBars(c: TpPpComparison): { step: Bar[]; memory: Bar[] } {
  const step: Bar[] = [];
  const memory: Bar[] = [];
  for (const s of c.strategies) {
    const label = s.id === 'scenario' ? 'this layout' : `${s.id === 'tensor' ? 'TP' : 'PP'} ${c.factor}`;
    if (!s.valid) {
      const note = s.reason.length > 48 ? `${s.reason.slice(0, 47)}…` : s.reason;
      step.push({ label, value: 0, text: '', cls: 's1', note: `invalid: ${note}` });
      continue;
    }
    step.push({ label, value: s.stepSeconds, text: `${formatSeconds(s.stepSeconds)} · bubble ${(s.bubbleFraction * 100).toFixed(0)}%`, cls: 's1' });
    memory.push({ label, value: s.memory.peakBytesPerGpu, text: `${formatBytes(s.memory.peakBytesPerGpu)}${s.memory.fits ? '' : ' (does not fit)'}`, cls: s.memory.fits ? 's3' : 'sev-high' });
  }
  return { step, memory };
}

function dpEpBars(c: DpEpComparison): Bar[] {
  return c.strategies.flatMap((s) => [
    { label: `${s.id === 'data' ? 'DP' : 'EP'}: gradients`, value: s.gradientBytesPerGpuPerStep, text: formatBytes(s.gradientBytesPerGpuPerStep), cls: 's4' },
    { label: `${s.id === 'data' ? 'DP' : 'EP'}: all-to-all`, value: s.allToAllBytesPerGpuPerStep, text: formatBytes(s.allToAllBytesPerGpuPerStep), cls: 's3' },
  ]);
}

export function CompareChart({ tpPp, dpEp }: { readonly tpPp: TpPpComparison; readonly dpEp: DpEpComparison | DpEpNotApplicable }) {
  const W = useChartWidth();
  const { step, memory } = tpPpBars(tpPp);
  const ep = dpEp.applicable ? dpEpBars(dpEp) : [];
  const h1 = 22 + step.length * ROW;
  const h2 = memory.length > 0 ? 22 + memory.length * ROW : 0;
  const h3 = ep.length > 0 ? 22 + ep.length * ROW : 0;
  const H = h1 + h2 + h3 + 8;
  return (
    <ChartCard name="compare" title="TP vs PP, DP vs EP" subtitle={`model-parallel factor ${tpPp.factor} spent on tensor or on pipeline parallelism${dpEp.applicable ? `; ${dpEp.experts} experts, top-${dpEp.topK}: data vs expert parallelism` : `; DP vs EP: ${dpEp.reason}`}`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Step time and memory of TP and PP, and bytes per GPU of DP and EP">
        <Bars bars={step} title="step time" top={0} />
        {h2 > 0 ? <Bars bars={memory} title="peak memory per GPU" top={h1} /> : null}
        {h3 > 0 ? <Bars bars={ep} title="bytes each GPU sends per step (DP vs EP)" top={h1 + h2} /> : null}
      </svg>
      {dpEp.applicable ? <Legend items={[['s4', 'gradient reduction'], ['s3', 'token all-to-all']]} /> : null}
    </ChartCard>
  );
}
