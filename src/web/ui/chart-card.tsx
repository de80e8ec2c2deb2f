/** A chart's frame: title, the `data-chart` root the tests and users find, and SVG/PNG export. */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { exportPng, exportSvg } from './export-chart.js';

interface ChartCardProps {
  readonly name: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly wide?: boolean;
  readonly children: ComponentChildren;
}

export function ChartCard({ name, title, subtitle, wide, children }: ChartCardProps) {
  const body = useRef<HTMLDivElement>(null);
  const svg = (): SVGSVGElement | null => body.current?.querySelector('svg.chart') ?? null;
  const titleId = `chart-${name}-title`;
  return (
    <section class={wide === true ? 'card wide' : 'card'} data-chart={name} aria-labelledby={titleId} id={`view-${name}`}>
      <header class="card-head">
        <h2 id={titleId}>{title}</h2>
        <div class="card-actions">
          <button type="button" class="small" aria-label={`Export ${title} as SVG`} onClick={() => { const s = svg(); if (s !== null) exportSvg(s, `scaleplan-${name}`); }}>SVG</button>
          <button type="button" class="small" aria-label={`Export ${title} as PNG`} onClick={() => { const s = svg(); if (s !== null) exportPng(s, `scaleplan-${name}`); }}>PNG</button>
        </div>
      </header>
      {subtitle === undefined ? null : <p class="card-sub">{subtitle}</p>}
      <div ref={body} class="card-body">{children}</div>
    </section>
  );
}

/** A colour key under a chart. */
export function Legend({ items }: { readonly items: readonly (readonly [string, string])[] }) {
  return (
    <ul class="legend">
      {items.map(([cls, label]) => (
        <li key={cls}><span class={`swatch ${cls}`} aria-hidden="true" />{label}</li>
      ))}
    </ul>
  );
}
