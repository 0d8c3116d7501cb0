/** A reliability diagram as a standalone SVG: observed accuracy per confidence bin against the diagonal. */
import type { ReliabilityBin } from '../metrics/calibration.js';

const W = 360;
const H = 360;
const PAD = 48;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function reliabilitySvg(bins: readonly ReliabilityBin[], title: string): string {
  const plot = W - 2 * PAD;
  const x = (v: number) => PAD + v * plot;
  const y = (v: number) => H - PAD - v * plot;
  const total = bins.reduce((s, b) => s + b.weight, 0) || 1;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<title>${esc(title)}</title>`);
  parts.push(`<rect x="${PAD}" y="${PAD}" width="${plot}" height="${plot}" fill="#fff" stroke="#888"/>`);
  parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#bbb" stroke-dasharray="4 3"/>`);
  for (const b of bins) {
    if (b.mean_actual === null) continue;
    const bw = (b.hi - b.lo) * plot;
    // Bar: observed accuracy in the bin; its opacity grows with the bin's share of the samples.
    const share = b.weight / total;
    parts.push(
      `<rect x="${x(b.lo) + 1}" y="${y(b.mean_actual)}" width="${bw - 2}" height="${y(0) - y(b.mean_actual)}" fill="#3b6ea8" fill-opacity="${(0.25 + 0.75 * Math.min(1, share * 4)).toFixed(2)}"><title>${b.lo.toFixed(1)}-${b.hi.toFixed(1)}: accuracy ${b.mean_actual.toFixed(3)}, mean confidence ${b.mean_predicted!.toFixed(3)}, n=${b.weight}</title></rect>`,
    );
    parts.push(`<circle cx="${x(b.mean_predicted!)}" cy="${y(b.mean_actual)}" r="2.5" fill="#c0392b"/>`);
  }
  for (let t = 0; t <= 10; t += 2) {
    const v = t / 10;
    parts.push(`<text x="${x(v)}" y="${H - PAD + 14}" text-anchor="middle">${v.toFixed(1)}</text>`);
    parts.push(`<text x="${PAD - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${W / 2}" y="${H - 10}" text-anchor="middle">stated confidence</text>`);
  parts.push(`<text x="14" y="${H / 2}" text-anchor="middle" transform="rotate(-90 14 ${H / 2})">accuracy</text>`);
  parts.push(`<text x="${W / 2}" y="${PAD - 16}" text-anchor="middle" font-size="13">${esc(title)}</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
