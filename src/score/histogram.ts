/**
 * Histograms of pass rates before and after a filter, and their picture as a hand-written SVG (no dependency).
 * Labels of one k fall on k + 1 values (0, 1/k, ..., 1): one bar each. Predicted rates go in 20 equal bins.
 */

export interface Histogram {
  /** Bar captions along the x axis. */
  labels: string[];
  before: number[];
  after: number[];
}

export class HistogramBuilder {
  readonly before: number[];
  readonly after: number[];
  private readonly bins: number;

  /** `k`: one bar per value j/k; null: 20 equal-width bins over [0, 1]. */
  constructor(readonly k: number | null) {
    this.bins = k === null ? 20 : k + 1;
    this.before = new Array<number>(this.bins).fill(0);
    this.after = new Array<number>(this.bins).fill(0);
  }

  bin(p: number): number {
    const x = Number.isFinite(p) ? Math.min(Math.max(p, 0), 1) : 0;
    return this.k === null ? Math.min(Math.floor(x * this.bins), this.bins - 1) : Math.round(x * this.k);
  }

  add(p: number, kept: boolean): void {
    const b = this.bin(p);
    this.before[b]!++;
    if (kept) this.after[b]!++;
  }

  finish(): Histogram {
    const labels =
      this.k === null
        ? Array.from({ length: this.bins }, (_, i) => (i / this.bins).toFixed(2))
        : Array.from({ length: this.bins }, (_, j) => `${j}/${this.k}`);
    return { labels, before: this.before.slice(), after: this.after.slice() };
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A "nice" axis maximum ≥ m: 1, 2 or 5 times a power of ten. */
export function niceMax(m: number): number {
  if (m <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(m));
  for (const f of [1, 2, 5, 10]) if (f * p >= m) return f * p;
  return 10 * p;
}

/** Two bars per bin (before in grey, after in blue), a y axis with 5 gridlines, captions and a legend. */
export function histogramSvg(h: Histogram, title: string, xCaption: string): string {
  const W = 720;
  const H = 360;
  const left = 60;
  const right = 20;
  const top = 40;
  const bottom = 60;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = h.labels.length;
  const max = niceMax(Math.max(1, ...h.before, ...h.after));
  const slot = plotW / Math.max(n, 1);
  const barW = Math.max(1, (slot * 0.8) / 2);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`);
  for (let g = 0; g <= 5; g++) {
    const v = (max * g) / 5;
    const gy = y(v).toFixed(1);
    out.push(`<line x1="${left}" y1="${gy}" x2="${W - right}" y2="${gy}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${left - 6}" y="${gy}" text-anchor="end" dominant-baseline="middle">${+v.toPrecision(6)}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 12)); // at most about a dozen captions
  for (let i = 0; i < n; i++) {
    const x0 = left + i * slot + slot * 0.1;
    const b = h.before[i]!;
    const a = h.after[i]!;
    out.push(`<rect x="${x0.toFixed(1)}" y="${y(b).toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - y(b)).toFixed(1)}" fill="#9e9e9e"><title>${esc(h.labels[i]!)}: ${b} before</title></rect>`);
    out.push(`<rect x="${(x0 + barW).toFixed(1)}" y="${y(a).toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - y(a)).toFixed(1)}" fill="#1e88e5"><title>${esc(h.labels[i]!)}: ${a} after</title></rect>`);
    if (i % every === 0) out.push(`<text x="${(left + (i + 0.5) * slot).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${esc(h.labels[i]!)}</text>`);
  }
  out.push(`<line x1="${left}" y1="${top + plotH}" x2="${W - right}" y2="${top + plotH}" stroke="#000000"/>`);
  out.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}" stroke="#000000"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${H - 18}" text-anchor="middle">${esc(xCaption)}</text>`);
  out.push(`<text x="16" y="${top + plotH / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + plotH / 2})">items</text>`);
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  out.push(`<rect x="${W - right - 200}" y="${top}" width="10" height="10" fill="#9e9e9e"/><text x="${W - right - 185}" y="${top + 9}">before (${sum(h.before)})</text>`);
  out.push(`<rect x="${W - right - 200}" y="${top + 16}" width="10" height="10" fill="#1e88e5"/><text x="${W - right - 185}" y="${top + 25}">after (${sum(h.after)})</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
