/** `verigen verify`: responses → verdicts, with accuracy per generator. */
import type { Argv, CommandModule } from 'yargs';
import { verifyRun, type GroupScore } from '../verify/run.js';
import { formatIfevalReport } from '../families/instruct/ifeval-report.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface VerifyArgs extends GlobalArgs {
  items: string;
  responses: string;
  out?: string;
  'skip-missing': boolean;
}

function table(title: string, groups: Record<string, GroupScore>): string {
  const rows = Object.entries(groups).map(([k, g]) => `  ${k.padEnd(34)} ${String(g.passed).padStart(8)} / ${String(g.items).padEnd(8)} ${(g.accuracy * 100).toFixed(2).padStart(6)}%`);
  return `${title}\n${rows.join('\n')}`;
}

export const verifyCommand: CommandModule<GlobalArgs, VerifyArgs> = {
  command: 'verify',
  describe: 'Verify model responses against items (a run folder, a shard, or IFEval-format JSONL)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder, a shard file, or an IFEval input_data.jsonl' })
      .option('responses', { type: 'string', demandOption: true, describe: 'JSONL: {"id"|"key"|"prompt", "response"} per line' })
      .option('out', { type: 'string', describe: 'write one verdict line per item here' })
      .option('skip-missing', { type: 'boolean', default: false, describe: 'leave items without a response out of the scores' }) as unknown as Argv<VerifyArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const s = await verifyRun({ items: args.items, responses: args.responses, ...(args.out ? { out: args.out } : {}), skipMissing: args['skip-missing'] });
      if (args.json) printJson(s);
      else if (!args.quiet) {
        process.stdout.write(
          `verified ${s.items} items: ${s.passed} passed (${(s.accuracy * 100).toFixed(2)}%), ${s.missing} without a response\n` +
            `${table('by family', s.by_family)}\n${table('by generator', s.by_generator)}\n` +
            (s.ifeval ? `${formatIfevalReport(s.ifeval)}\n` : ''),
        );
      }
    }),
};
