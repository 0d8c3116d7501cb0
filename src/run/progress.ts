/**
 * Progress of a run for people and for pipes: a bar (items/s, ETA) on a terminal, JSON lines with --json, nothing
 * with --quiet or on a pipe without --json. Writes to stderr so that stdout stays the command's result.
 */
import cliProgress from 'cli-progress';
import type { RunEvent } from './generate.js';

/** bar: a terminal; json: --json; plain: a pipe (notices only); none: --quiet. */
export type ProgressMode = 'bar' | 'json' | 'plain' | 'none';

export function progressMode(opts: { json?: boolean; quiet?: boolean }, stream: NodeJS.WriteStream = process.stderr): ProgressMode {
  if (opts.quiet) return 'none';
  if (opts.json) return 'json';
  return stream.isTTY ? 'bar' : 'plain';
}

/** Turns run events into progress output. Notices (a shard regenerated, and why) are printed in every mode but none. */
export function progressReporter(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr): (e: RunEvent) => void {
  let bar: cliProgress.SingleBar | null = null;
  let done = 0;
  let total = 0;
  let lastJson = 0;
  const startedAt = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - startedAt) / 1e9;
  return (e) => {
    if (mode === 'none') return;
    if (e.type === 'notice') {
      stream.write(mode === 'json' ? JSON.stringify(e) + '\n' : `verigen: ${e.message}\n`);
      return;
    }
    if (e.type === 'regenerate') {
      if (mode === 'json') stream.write(JSON.stringify(e) + '\n');
      else stream.write(`verigen: shard ${e.shard} (${e.file}): ${e.reason}; regenerating it\n`);
      return;
    }
    if (mode === 'plain') return;
    if (e.type === 'phase') {
      bar?.stop();
      done = 0;
      total = e.items;
      if (mode === 'bar' && total > 0) {
        bar = new cliProgress.SingleBar(
          { format: `${e.phase === 'write' ? 'generate' : 'dedupe pass'} [{bar}] {percentage}% | {value}/{total} items | {speed} items/s | ETA {eta_formatted}`, stream, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { speed: 0 });
      } else if (mode === 'json') stream.write(JSON.stringify(e) + '\n');
      return;
    }
    if (e.type === 'progress') {
      done += e.items;
      const t = elapsed();
      if (bar) bar.update(done, { speed: Math.round(done / Math.max(t, 1e-3)) });
      else if (mode === 'json' && (t - lastJson >= 1 || done === total)) {
        lastJson = t;
        stream.write(JSON.stringify({ type: 'progress', done, total, items_per_s: Math.round(done / Math.max(t, 1e-3)) }) + '\n');
      }
      return;
    }
    if (e.type === 'done') {
      bar?.stop();
      bar = null;
    }
    if (mode === 'json' && e.type !== 'shard') stream.write(JSON.stringify(e) + '\n');
  };
}
