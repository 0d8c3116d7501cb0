/** `verigen purity [FILE|-]`: flags subjective or experiential claims in plain lines or JSONL with a `text` field. */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Argv, CommandModule } from 'yargs';
import { CheckFailed, UsageError } from '../core/errors.js';
import { scanPurityLinesAsync } from '../purity/index.js';
import { runCommand, type GlobalArgs } from './common.js';

interface PurityArgs extends GlobalArgs {
  file?: string;
}

export const purityCommand: CommandModule<GlobalArgs, PurityArgs> = {
  command: 'purity [file]',
  describe: 'Check text for subjective or experiential claims (plain lines, or JSONL with a "text" field); exit 1 if any is flagged',
  builder: (y: Argv<GlobalArgs>) => y.positional('file', { type: 'string', describe: 'a file, or - (default) for standard input' }) as unknown as Argv<PurityArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const name = args.file && args.file !== '-' ? args.file : '-';
      let input: NodeJS.ReadableStream;
      if (name === '-') input = process.stdin;
      else {
        if (!fs.existsSync(name)) throw new UsageError(`${name}: no such file`);
        input = fs.createReadStream(name);
      }
      const rl = readline.createInterface({ input, crlfDelay: Infinity });
      let flagged = 0;
      let lines = 0;
      const out: string[] = [];
      const flush = () => {
        if (out.length) process.stdout.write(out.join('\n') + '\n');
        out.length = 0;
      };
      for await (const r of scanPurityLinesAsync(rl)) {
        if (r.error) throw new UsageError(`${name}:${r.line}: ${r.error}`);
        lines++;
        if (r.findings.length > 0) flagged++;
        if (args.json) out.push(JSON.stringify({ line: r.line, ...(r.id !== undefined ? { id: r.id } : {}), pass: r.findings.length === 0, findings: r.findings }));
        else if (!args.quiet) {
          for (const f of r.findings) out.push(`${name}:${r.line}:${f.start + 1}: ${f.rule} (${f.category}): ${JSON.stringify(f.match)}`);
        }
        if (out.length >= 1024) flush();
      }
      flush();
      if (!args.json && !args.quiet) process.stderr.write(`verigen: ${flagged} of ${lines} line(s) flagged\n`);
      if (flagged > 0) {
        process.exitCode = new CheckFailed('').exitCode;
      }
    }),
};
