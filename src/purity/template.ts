/** Purity of handlebars templates: the literal text of a template, with its expressions blanked out. */
import type { PurityFinding } from './types.js';

/** A finding in a template file, with its 1-based line and column (column counts UTF-16 units from 1). */
export interface TemplatePurityFinding extends PurityFinding {
  file: string;
  line: number;
  column: number;
}

/**
 * Blank every handlebars expression (`{{...}}`, `{{{...}}}`, `{{!-- ... --}}`, block open/close tags) to spaces, keeping
 * newlines, so offsets and line numbers stay those of the source. `\{{` is an escaped literal and is kept. An
 * expression that never closes is blanked to the end (handlebars would refuse the template anyway).
 */
export function blankHandlebars(source: string): string {
  let out = '';
  let from = 0;
  let i = source.indexOf('{{');
  while (i >= 0) {
    if (i > 0 && source.charCodeAt(i - 1) === 92 /* \ */) {
      i = source.indexOf('{{', i + 2);
      continue;
    }
    let end: number;
    if (source.startsWith('{{!--', i)) {
      const close = source.indexOf('--}}', i + 5);
      end = close < 0 ? source.length : close + 4;
    } else {
      const close = source.indexOf('}}', i + 2);
      end = close < 0 ? source.length : close + 2;
      if (end < source.length && source.charCodeAt(end) === 125 /* } */ && source.charCodeAt(i + 2) === 123 /* { */) end++;
    }
    out += source.slice(from, i) + source.slice(i, end).replace(/[^\n]/g, ' ');
    from = end;
    i = end < source.length ? source.indexOf('{{', end) : -1;
  }
  return out + source.slice(from);
}

/** 1-based line and column of each offset, computed in one pass over sorted offsets. */
export function locate(source: string, findings: readonly PurityFinding[], file: string): TemplatePurityFinding[] {
  const out: TemplatePurityFinding[] = [];
  let line = 1;
  let lineStart = 0;
  let pos = 0;
  for (const f of findings) {
    while (pos < f.start) {
      if (source.charCodeAt(pos) === 10) {
        line++;
        lineStart = pos + 1;
      }
      pos++;
    }
    out.push({ ...f, match: source.slice(f.start, f.end), file, line, column: f.start - lineStart + 1 });
  }
  return out;
}
