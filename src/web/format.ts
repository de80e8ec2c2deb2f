/** Number formatting for the page (SI inside the core; units chosen here, at the edge). */

export function formatSeconds(s: number): string {
  if (s === 0) return '0 s';
  if (s >= 100) return `${s.toFixed(0)} s`;
  if (s >= 1) return `${s.toFixed(2)} s`;
  return `${(s * 1e3).toFixed(s >= 0.01 ? 0 : 1)} ms`;
}

export function formatBytes(b: number): string {
  const gib = b / 2 ** 30;
  return gib >= 100 ? `${gib.toFixed(0)} GiB` : `${gib.toFixed(1)} GiB`;
}

export function formatPercent(f: number): string {
  return `${(f * 100).toFixed(1)}%`;
}

/** Thousands separators, with K/M/B above a million. */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${(n / 1e12).toFixed(2)}T`;
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (abs >= 1e4) return `${(n / 1e3).toFixed(1)}K`;
  return n.toLocaleString('en-US', { maximumFractionDigits: abs >= 100 ? 0 : 2 });
}

export function formatUsd(usd: number): string {
  return `$${formatCount(usd)}`;
}

export function formatWatts(w: number): string {
  if (w >= 1e6) return `${(w / 1e6).toFixed(1)} MW`;
  if (w >= 1e3) return `${(w / 1e3).toFixed(1)} kW`;
  return `${w.toFixed(0)} W`;
}
