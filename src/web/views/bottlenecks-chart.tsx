/**
 * The six domains (domain → bottleneck → remedies, severity out of 100), with what-if controls
 * that re-run the analysis at once and show each score before and after.
 */
import type { BottleneckReport, DomainScore, WhatIfResult } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard } from '../ui/chart-card.js';
import { formatSeconds } from '../format.js';

const ROW = 58;
const M = { l: 132, r: 46 };
const FACTORS = ['', '1.5x', '2x', '4x'] as const;
const SCALES: readonly (readonly [string, string])[] = [
  ['scaleUpBandwidth', 'scale-up bandwidth'],
  ['scaleOutBandwidth', 'scale-out bandwidth'],
  ['hbmBandwidth', 'HBM bandwidth'],
  ['hbmCapacity', 'HBM capacity'],
  ['peakFlops', 'peak FLOP/s'],
];

/** `key=value` pairs of a what-if spec. */
export function parseSpec(spec: string): Map<string, string> {
  return new Map(spec.split(',').map((p) => p.split('=')).filter((kv): kv is [string, string] => kv.length === 2 && kv[0] !== '' && kv[1] !== '').map(([k, v]) => [k.trim(), v.trim()]));
}

function formatSpec(values: Map<string, string>): string {
  return [...values].filter(([, v]) => v !== '').map(([k, v]) => `${k}=${v}`).join(',');
}

function evidenceText(d: DomainScore): string {
  return Object.entries(d.evidence).slice(0, 3).map(([k, { value: v, unit }]) => `${k} ${Math.abs(v) >= 1e4 || (Math.abs(v) < 0.01 && v !== 0) ? v.toExponential(2) : Number(v.toPrecision(3))} ${unit}`).join(' · ');
}

interface Props {
  readonly report: BottleneckReport;
  readonly whatIf: Omit<WhatIfResult, 'scenario'> | null;
  readonly spec: string;
  readonly precisions: readonly string[];
  readonly onSpec: (spec: string) => void;
}

export function BottlenecksChart({ report, whatIf, spec, precisions, onSpec }: Props) {
  const W = useChartWidth();
  const BAR = W - M.l - M.r;
  const chars = Math.floor((W - M.l) / 5.6);
  const cut = (text: string): string => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);
  const values = parseSpec(spec);
  const set = (key: string, value: string): void => {
    const next = new Map(values);
    next.set(key, value);
    onSpec(formatSpec(next));
  };
  const after = new Map(whatIf?.after.domains.map((d) => [d.domain, d]) ?? []);
  const H = report.domains.length * ROW + 4;
  return (
    <ChartCard name="bottlenecks" wide title="Bottlenecks in six domains" subtitle={`worst: ${report.worst} · step ${formatSeconds(report.stepSeconds)}${whatIf === null ? '' : ` → ${formatSeconds(whatIf.stepSeconds.after)} (×${whatIf.stepSeconds.speedup.toFixed(2)}) with ${whatIf.spec}`}`}>
      <fieldset class="what-if">
        <legend>What if…</legend>
        {SCALES.map(([key, label]) => (
          <label key={key}>{label}
            <select value={values.get(key) ?? ''} onChange={(e) => set(key, e.currentTarget.value)}>
              {FACTORS.map((f) => <option key={f} value={f}>{f === '' ? 'as is' : `× ${f.slice(0, -1)}`}</option>)}
            </select>
          </label>
        ))}
        <label>precision
          <select value={values.get('precision') ?? ''} onChange={(e) => set('precision', e.currentTarget.value)}>
            <option value="">as is</option>
            {precisions.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
      </fieldset>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Severity out of 100 per domain">
        {report.domains.map((d, i) => {
          const y = i * ROW + 4;
          const a = after.get(d.domain);
          const remedy = d.remedies[0];
          return (
            <g key={d.domain}>
              <text class="domain" x={0} y={y + 14}>{d.domain}</text>
              <rect class="track" x={M.l} y={y + 3} width={BAR} height={14} rx={2} />
              <rect class={d.score >= 60 ? 'sev-high' : d.score >= 30 ? 'sev-mid' : 'sev-low'} x={M.l} y={y + 3} width={(BAR * d.score) / 100} height={14} rx={2}><title>{`${d.domain}: ${d.score.toFixed(0)}/100`}</title></rect>
              {a === undefined ? null : <rect class="after-mark" x={M.l + (BAR * a.score) / 100 - 1.5} y={y} width={3} height={20}><title>{`after: ${a.score.toFixed(0)}/100`}</title></rect>}
              <text class="value" x={W - M.r + 6} y={y + 15}>{a === undefined ? d.score.toFixed(0) : `${d.score.toFixed(0)}→${a.score.toFixed(0)}`}</text>
              <text class="tick" x={M.l} y={y + 32}>{d.rule === null ? 'no bottleneck rule fired' : cut(d.describe)}</text>
              <text class="note" x={M.l} y={y + 46}>{remedy === undefined ? cut(evidenceText(d)) : cut(`→ ${remedy}`)}</text>
            </g>
          );
        })}
      </svg>
      <details class="evidence">
        <summary>Evidence and remedies</summary>
        <dl>
          {report.domains.map((d) => [
            <dt key={`${d.domain}-t`}>{d.domain} ({d.score.toFixed(0)}/100)</dt>,
            <dd key={`${d.domain}-d`}><p>{d.describe}</p><p class="note">{evidenceText(d)}</p><ul>{d.remedies.map((r) => <li key={r}>{r}</li>)}</ul></dd>,
          ])}
        </dl>
      </details>
    </ChartCard>
  );
}
