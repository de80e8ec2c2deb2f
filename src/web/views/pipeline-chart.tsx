/**
 * The simulated pipeline schedule as a Gantt chart, one row per rank, from the discrete-event
 * simulator's ops. Zoom with the buttons, the keyboard (+ / − / 0 / arrows) or the mouse wheel.
 * Hover a colour for its op kind; the trace of single ops is `scaleplan estimate --trace`.
 */
import { scaleLinear } from 'd3-scale';
import { useEffect, useState } from 'preact/hooks';
import type { OpKind, StepReport } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { XAxis } from '../ui/axes.js';
import { formatPercent, formatSeconds } from '../format.js';

const KIND: Readonly<Record<OpKind, readonly [string, string]>> = {
  F: ['s1', 'forward'],
  B: ['s2', 'backward'],
  I: ['s3', 'backward (inputs)'],
  W: ['s4', 'backward (weights)'],
  FB: ['s6', 'forward + backward overlapped'],
};
const M = { l: 44, r: 10, t: 6, b: 36 };

export function PipelineChart({ step }: { readonly step: StepReport }) {
  const W = useChartWidth();
  const sim = step.simulation;
  const makespan = sim.makespanSeconds;
  const [view, setView] = useState<readonly [number, number]>([0, makespan]);
  useEffect(() => setView([0, makespan]), [makespan]);
  const ranks = sim.perStage.length;
  const row = Math.max(8, Math.min(22, 320 / Math.max(1, ranks)));
  const H = M.t + ranks * row + M.b;
  const [t0, t1] = view;
  const x = scaleLinear().domain([t0, t1]).range([M.l, W - M.r]);
  const zoom = (factor: number, centre = (t0 + t1) / 2): void => {
    const span = Math.min(makespan, Math.max(makespan / 200, (t1 - t0) * factor));
    const start = Math.min(Math.max(0, centre - (centre - t0) * (span / (t1 - t0))), makespan - span);
    setView([start, start + span]);
  };
  const pan = (fraction: number): void => {
    const span = t1 - t0;
    const start = Math.min(Math.max(0, t0 + span * fraction), makespan - span);
    setView([start, start + span]);
  };
  const onKey = (e: KeyboardEvent): void => {
    const actions: Record<string, () => void> = { '+': () => zoom(0.5), '=': () => zoom(0.5), '-': () => zoom(2), '0': () => setView([0, makespan]), ArrowLeft: () => pan(-0.25), ArrowRight: () => pan(0.25) };
    const act = actions[e.key];
    if (act !== undefined) { e.preventDefault(); act(); }
  };
  const onWheel = (e: WheelEvent): void => {
    const target = e.currentTarget;
    if (!(target instanceof SVGSVGElement)) return;
    e.preventDefault();
    const box = target.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * W;
    zoom(e.deltaY < 0 ? 0.8 : 1.25, x.invert(Math.min(W - M.r, Math.max(M.l, px))));
  };
  // One path per op kind (thousands of ops under DualPipe): few DOM nodes, so an edit redraws fast.
  const paths = new Map<OpKind, string>();
  for (const op of sim.ops) {
    if (op.endSeconds < t0 || op.startSeconds > t1) continue;
    const x0 = x(op.startSeconds);
    const w = Math.max(0.5, x(op.endSeconds) - x0 - 0.3);
    const rect = `M${x0.toFixed(1)} ${(M.t + op.rank * row + 1).toFixed(1)}h${w.toFixed(2)}v${row - 2}h${(-w).toFixed(2)}z`;
    paths.set(op.kind, (paths.get(op.kind) ?? '') + rect);
  }
  const kinds = [...new Set(sim.ops.map((op) => op.kind))];
  return (
    <ChartCard name="pipeline" wide title="Pipeline schedule (simulated)" subtitle={`${step.schedule.id} · ${ranks} ranks · ${step.schedule.microBatches} micro-batches · makespan ${formatSeconds(makespan)} · bubble ${formatPercent(sim.bubbleFraction)}`}>
      <div class="toolbar" role="group" aria-label="Zoom the pipeline chart">
        <button type="button" class="small" onClick={() => zoom(0.5)}>zoom in</button>
        <button type="button" class="small" onClick={() => zoom(2)}>zoom out</button>
        <button type="button" class="small" onClick={() => pan(-0.25)} aria-label="pan left">◀</button>
        <button type="button" class="small" onClick={() => pan(0.25)} aria-label="pan right">▶</button>
        <button type="button" class="small" onClick={() => setView([0, makespan])}>reset</button>
      </div>
      <svg class="chart gantt" viewBox={`0 0 ${W} ${H}`} role="img" tabIndex={0} aria-label="Gantt chart of the simulated pipeline; + and − zoom, arrows pan, 0 resets" onKeyDown={onKey} onWheel={onWheel}>
        <XAxis scale={x} top={M.t} height={ranks * row} format={(s) => formatSeconds(s)} label="time in the step" />
        {sim.perStage.map((s, r) => <text key={s.rank} class="tick" x={M.l - 6} y={M.t + r * row + row / 2 + 4} text-anchor="end">{`r${s.rank}`}</text>)}
        <clipPath id="gantt-clip"><rect x={M.l} y={0} width={W - M.l - M.r} height={H} /></clipPath>
        <g clip-path="url(#gantt-clip)">
          {kinds.map((kind) => (
            <path key={kind} class={KIND[kind][0]} d={paths.get(kind) ?? ''}><title>{KIND[kind][1]}</title></path>
          ))}
        </g>
      </svg>
      <Legend items={kinds.map((k) => KIND[k])} />
    </ChartCard>
  );
}
