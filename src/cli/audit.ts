/** `verigen audit RUN|FILE`: re-checks a finished run (or a JSONL items file) and writes audit.json and audit.md. */
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { audit } from '../audit/audit.js';
import { failureLines, writeAuditReport } from '../audit/report.js';
import type { SampleSpec } from '../audit/sample.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface AuditArgs extends GlobalArgs {
  run: string;
  out?: string;
  sample?: string;
}

function parseSample(raw: string | undefined): SampleSpec {
  if (raw === undefined) return undefined;
  if (raw === 'all') return 'all';
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--sample must be 'all' or a number of items, got ${JSON.stringify(raw)}`);
  return Number(raw.trim());
}

/** Progress on stderr: JSON lines with --json, a rewritten line on a terminal, nothing on a pipe or with --quiet. */
function progress(args: AuditArgs): ((done: number, total: number | null) => void) | undefined {
  if (args.quiet) return undefined;
  const started = process.hrtime.bigint();
  let last = -1;
  return (done, total) => {
    const t = Number(process.hrtime.bigint() - started) / 1e9;
    if (done !== total && t - last < 1) return;
    last = t;
    const rate = Math.round(done / Math.max(t, 1e-3));
    if (args.json) process.stderr.write(JSON.stringify({ type: 'progress', done, total, items_per_s: rate }) + '\n');
    else if (process.stderr.isTTY) process.stderr.write(`\raudit ${done}${total !== null ? `/${total}` : ''} rows | ${rate} rows/s${done === total ? '\n' : ''}`);
  };
}

export const auditCommand: CommandModule<GlobalArgs, AuditArgs> = {
  command: 'audit <run>',
  describe: 'Re-check a finished run (or a JSONL items file) without trusting it; exit 1 on any failed check',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('run', { type: 'string', demandOption: true, describe: 'a run folder, or a JSONL items file (plain or .gz)' })
      .option('out', { type: 'string', describe: 'folder for audit.json and audit.md (default RUN/audit, or FILE.audit)' })
      .option('sample', { type: 'string', describe: "items to regenerate: 'all' or N (default: all up to 100,000 items, else 10,000 + each shard's first and last)" }) as unknown as Argv<AuditArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const sample = parseSample(args.sample);
      const onProgress = progress(args);
      const report = await audit({ source: args.run, sample, ...(onProgress ? { onProgress } : {}) });
      const out = args.out ?? (report.kind === 'run' ? path.join(args.run, 'audit') : `${args.run}.audit`);
      const files = writeAuditReport(out, report);
      if (args.json) printJson({ ...report, report: files });
      else if (!args.quiet) {
        process.stdout.write(`audit of ${args.run}: ${report.passed ? 'passed' : 'FAILED'} (${report.rows} rows; regenerated ${report.sample})\n`);
        for (const c of report.checks) process.stdout.write(`  ${c.name.padEnd(18)} ${c.status.padEnd(14)} ${String(c.checked).padStart(9)} checked ${String(c.failed).padStart(7)} failed\n`);
        process.stdout.write(`report: ${files.markdown}\n`);
      }
      if (!report.passed) {
        for (const l of failureLines(report)) process.stderr.write(`verigen: audit: ${l}\n`);
        process.exitCode = 1;
      }
    }),
};
