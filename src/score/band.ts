/**
 * The band of pass rates a filter keeps: `--keep LO<p<HI` (each side `<` or `<=`, either side may be left out, and
 * `p>LO` / `p>=LO` read the other way round), or `--min P --max P` (both inclusive). The default, `0<p<1`, drops the
 * items every sample solved and the items no sample solved.
 */
import { UsageError } from '../core/errors.js';

export interface Band {
  lo: number;
  hi: number;
  loInclusive: boolean;
  hiInclusive: boolean;
}

export const DEFAULT_BAND: Band = { lo: 0, hi: 1, loInclusive: false, hiInclusive: false };

const NUM = '(\\d+(?:\\.\\d+)?|\\.\\d+)';

function rate(raw: string, flag: string): number {
  const x = Number(raw);
  if (!(x >= 0 && x <= 1)) throw new UsageError(`${flag}: ${raw} is not a pass rate in [0, 1]`);
  return x;
}

/** Parses --keep; an empty band is a usage error. */
export function parseKeep(raw: string): Band {
  const s = raw.replace(/\s+/g, '');
  let m: RegExpExecArray | null;
  let band: Band | null = null;
  if ((m = new RegExp(`^${NUM}(<=?)p(<=?)${NUM}$`).exec(s))) {
    band = { lo: rate(m[1]!, '--keep'), loInclusive: m[2] === '<=', hiInclusive: m[3] === '<=', hi: rate(m[4]!, '--keep') };
  } else if ((m = new RegExp(`^p(<=?)${NUM}$`).exec(s)) || (m = new RegExp(`^${NUM}(>=?)p$`).exec(s))) {
    const [op, num] = m[1]!.startsWith('<') || m[1]!.startsWith('>') ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    band = { lo: 0, loInclusive: true, hi: rate(num, '--keep'), hiInclusive: op.endsWith('=') };
  } else if ((m = new RegExp(`^${NUM}(<=?)p$`).exec(s)) || (m = new RegExp(`^p(>=?)${NUM}$`).exec(s))) {
    const [op, num] = m[1]!.startsWith('<') || m[1]!.startsWith('>') ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    band = { lo: rate(num, '--keep'), loInclusive: op.endsWith('='), hi: 1, hiInclusive: true };
  }
  if (!band) throw new UsageError(`--keep: '${raw}' is not a band such as 0<p<1, 0.2<=p<=0.8, p<0.5 or p>=0.1`);
  return checkBand(band, `--keep ${raw}`);
}

/** --min / --max, both inclusive; either may be left out. */
export function bandFromMinMax(min: number | undefined, max: number | undefined): Band {
  const lo = min === undefined ? 0 : rate(String(min), '--min');
  const hi = max === undefined ? 1 : rate(String(max), '--max');
  return checkBand({ lo, hi, loInclusive: true, hiInclusive: true }, `--min ${lo} --max ${hi}`);
}

export function checkBand(b: Band, what: string): Band {
  if (b.lo > b.hi || (b.lo === b.hi && !(b.loInclusive && b.hiInclusive))) throw new UsageError(`${what}: the band is empty (no pass rate p satisfies ${describeBand(b)})`);
  return b;
}

export function inBand(b: Band, p: number): boolean {
  return (b.loInclusive ? p >= b.lo : p > b.lo) && (b.hiInclusive ? p <= b.hi : p < b.hi);
}

export function describeBand(b: Band): string {
  return `${b.lo} ${b.loInclusive ? '<=' : '<'} p ${b.hiInclusive ? '<=' : '<'} ${b.hi}`;
}
