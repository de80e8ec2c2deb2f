/**
 * The planner in the browser: run it (progress, cancel), then its Pareto front of days against
 * dollars (or GPUs) and the top-N table. Clicking a point or a row loads that layout.
 */
import { scaleLinear } from 'd3-scale';
import type { PlannedLayout, PlanResult } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { XAxis, YAxis } from '../ui/axes.js';
import { formatCount, formatSeconds, formatUsd } from '../format.js';

const H = 300;
const M = { l: 64, r: 14, t: 12, b: 44 };

export interface PlanState {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  readonly result: PlanResult | null;
  readonly searchedAll: boolean;
  readonly elapsedMs: number;
  readonly error: string | null;
}

interface Props {
  readonly plan: PlanState;
  readonly objective: string;
  readonly objectives: readonly string[];
  readonly onObjective: (objective: string) => void;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onPick: (planned: PlannedLayout) => void;
}

export function describeLayout(p: PlannedLayout): string {
  const l = p.layout;
  const parts = [`TP${l.tp}`, `PP${l.pp}${l.vp > 1 ? `×${l.vp}` : ''}`, `DP${l.dp}`, ...(l.ep > 1 ? [`EP${l.ep}`] : []), ...(l.cp > 1 ? [`CP${l.cp}`] : [])];
  return `${parts.join(' ')} · ZeRO-${l.zero}${l.zero === 3 && l.fsdpShardSize !== l.dp ? ` (shard ${l.fsdpShardSize})` : ''} · ${l.recompute} · mb ${l.microBatch} · ${l.schedule}`;
}

/** The values' range with a tenth of it (or of the value, when all are equal) on each side. */
function padded(values: readonly number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.01 || 1;
  return [lo - pad, hi + pad];
}

function Front({ result, onPick }: { readonly result: PlanResult; readonly onPick: (p: PlannedLayout) => void }) {
  const W = useChartWidth();
  const byCost = result.paretoAxes === 'time-cost';
  const second = (p: PlannedLayout): number => (byCost ? p.point.usd : p.point.gpus);
  const all = [...result.top, ...result.pareto];
  const days = all.map((p) => p.point.days);
  const ys = all.map(second);
  const x = scaleLinear().domain(padded(days)).range([M.l, W - M.r]).nice();
  const y = scaleLinear().domain(padded(ys)).range([H - M.b, M.t]).nice();
  const front = [...result.pareto].sort((a, b) => a.point.days - b.point.days);
  const line = front.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.point.days)},${y(second(p))}`).join(' ');
  const dot = (p: PlannedLayout, cls: string, key: string) => (
    <circle key={key} class={`dot clickable ${cls}`} cx={x(p.point.days)} cy={y(second(p))} r={cls === 's3' ? 6 : 4.5} tabIndex={0} role="button"
      aria-label={`load ${describeLayout(p)}: ${p.point.days.toFixed(1)} days`}
      onClick={() => onPick(p)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(p); } }}>
      <title>{`${describeLayout(p)}\n${p.point.days.toFixed(1)} days · ${formatUsd(p.point.usd)} · ${p.point.gpus} GPUs (click to load)`}</title>
    </circle>
  );
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label="Pareto front: training days against cost; each point loads its layout">
      <XAxis scale={x} top={M.t} height={H - M.t - M.b} format={(v) => v.toFixed(1)} label="training days (with failures)" />
      <YAxis scale={y} left={M.l} width={W - M.l - M.r} format={(v) => (byCost ? formatUsd(v) : formatCount(v))} label={byCost ? 'run cost' : 'GPUs'} />
      <path class="front" d={line} />
      {result.top.map((p, i) => dot(p, 's1', `t${i}`))}
      {front.map((p, i) => dot(p, 's3', `p${i}`))}
    </svg>
  );
}

export function ParetoChart({ plan, objective, objectives, onObjective, onRun, onCancel, onPick }: Props) {
  const r = plan.result;
  return (
    <ChartCard name="pareto" wide title="Layout search: Pareto front and top layouts" subtitle={r === null ? 'searches the layout fields set to auto, or every field when the scenario fixes them all' : `${formatCount(r.evaluated)} layouts priced of ${formatCount(r.counts.enumerated)} enumerated in ${formatSeconds(plan.elapsedMs / 1000)}${plan.searchedAll ? ' (every field searched, against this layout)' : ''}${r.stoppedEarly ? ' · stopped early' : ''}`}>
      <div class="toolbar">
        <label>objective{' '}
          <select value={objective} onChange={(e) => onObjective(e.currentTarget.value)} disabled={plan.running}>
            {objectives.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        {plan.running
          ? <button type="button" onClick={onCancel}>Cancel</button>
          : <button type="button" class="primary" onClick={onRun}>Plan layouts</button>}
        {plan.running ? <progress max={Math.max(1, plan.total)} value={plan.done} aria-label="planner progress" /> : null}
        {plan.running ? <span class="note" role="status">{`${formatCount(plan.done)} / ${formatCount(plan.total)}`}</span> : null}
      </div>
      {plan.error === null ? null : <p class="error" role="alert">{plan.error}</p>}
      {r === null || r.best === null ? (r?.diagnosis ? <p class="note">{r.diagnosis.summary}</p> : null) : (
        <>
          <Front result={r} onPick={onPick} />
          <Legend items={[['s3', 'Pareto front'], ['s1', `top ${r.top.length} by ${r.objective}`]]} />
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">#</th><th scope="col">layout</th><th scope="col">GPUs</th><th scope="col">step</th><th scope="col">MFU</th><th scope="col">days</th><th scope="col">cost</th><th scope="col"><span class="sr-only">load</span></th></tr></thead>
              <tbody>
                {r.top.map((p, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td><td>{describeLayout(p)}</td><td>{p.gpus}</td><td>{formatSeconds(p.step.time.stepSeconds)}</td>
                    <td>{(p.step.throughput.mfu * 100).toFixed(1)}%</td><td>{p.point.days.toFixed(1)}</td><td>{formatUsd(p.point.usd)}</td>
                    <td><button type="button" class="small" onClick={() => onPick(p)} aria-label={`load layout ${i + 1}`}>load</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ChartCard>
  );
}
