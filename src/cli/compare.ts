/** `verigen compare A B`: metric changes between two eval reports with paired bootstrap intervals. */
import type { Argv, CommandModule } from 'yargs';
import { compareReports, comparisonMarkdown } from '../eval/compare.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface CompareArgs extends GlobalArgs {
  a: string;
  b: string;
  bootstrap: number;
  seed: string;
}

export const compareCommand: CommandModule<GlobalArgs, CompareArgs> = {
  command: 'compare <a> <b>',
  describe: 'Change of each eval metric from A to B (eval.json files or their folders), paired bootstrap intervals',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('a', { type: 'string', demandOption: true })
      .positional('b', { type: 'string', demandOption: true })
      .option('bootstrap', { type: 'number', default: 1000, describe: 'paired bootstrap resamples' })
      .option('seed', { type: 'string', default: '0' }) as unknown as Argv<CompareArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const c = compareReports(args.a, args.b, { resamples: args.bootstrap, seed: args.seed });
      if (args.json) printJson(c);
      else if (!args.quiet) process.stdout.write(comparisonMarkdown(c));
    }),
};
