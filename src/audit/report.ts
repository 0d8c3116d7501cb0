/** The audit's outputs: audit.json (the report as is) and audit.md (a table of checks, then each failure's offenders). */
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import type { AuditReport } from './audit.js';
import type { CheckResult } from './tally.js';

const STATUS: Record<CheckResult['status'], string> = { pass: 'pass', fail: '**FAIL**', 'not-applicable': 'n/a' };

/** Markdown table cells: a pipe or a line break inside would end the cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function auditMarkdown(r: AuditReport): string {
  const out: string[] = [];
  out.push(`# verigen audit: ${r.passed ? 'passed' : 'FAILED'}`, '');
  out.push(`- source: \`${r.source}\` (${r.kind === 'run' ? 'a run' : 'an items file'}${r.preset ? `, rows in the '${r.preset}' preset` : ''})`);
  out.push(`- rows read: ${r.rows}`, `- regenerated: ${r.sample}`, '');
  out.push('| check | status | checked | failed | what it checks |', '| --- | --- | ---: | ---: | --- |');
  for (const c of r.checks) out.push(`| ${c.name} | ${STATUS[c.status]} | ${c.checked} | ${c.failed} | ${cell(c.description)} |`);
  for (const c of r.checks) {
    if (!c.note && !c.counts && c.offenders.length === 0) continue;
    out.push('', `## ${c.name}`);
    if (c.note) out.push('', c.note);
    if (c.counts) out.push('', Object.entries(c.counts).map(([k, v]) => `${k}: ${v}`).join(', '));
    if (c.offenders.length > 0) {
      out.push('', c.status === 'fail' ? `First offenders (of ${c.failed}):` : 'Examples:', '');
      for (const o of c.offenders) out.push(`- \`${o.id}\`: ${o.detail.replace(/[\r\n]+/g, ' ')}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Writes audit.json and audit.md into `dir` (created), atomically; returns their paths. */
export function writeAuditReport(dir: string, r: AuditReport): { json: string; markdown: string } {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot create: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const json = path.join(dir, 'audit.json');
  const markdown = path.join(dir, 'audit.md');
  writeFileAtomicSync(json, JSON.stringify(r, null, 2) + '\n');
  writeFileAtomicSync(markdown, auditMarkdown(r));
  return { json, markdown };
}

/** One line per failed check, naming its first offenders: what the CLI prints. */
export function failureLines(r: AuditReport): string[] {
  return r.checks
    .filter((c) => c.status === 'fail')
    .map((c) => `${c.name}: ${c.failed} failed; first: ${c.offenders.slice(0, 3).map((o) => `${o.id} (${o.detail})`).join('; ')}`);
}
