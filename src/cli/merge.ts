/** `verigen merge OUT [DIR...]`: joins the partial manifests of a split run. */
import type { Argv, CommandModule } from 'yargs';
import { mergeRuns } from '../run/merge.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface MergeArgs extends GlobalArgs {
  out: string;
  from?: string[];
}

export const mergeCommand: CommandModule<GlobalArgs, MergeArgs> = {
  command: 'merge <out> [from..]',
  describe: 'Join the partial manifests of a run split with --num-shards (copying shards in from other folders)',
  builder: (y: Argv<GlobalArgs>) =>
    y.positional('out', { type: 'string', demandOption: true }).positional('from', { type: 'string', array: true }) as unknown as Argv<MergeArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const r = mergeRuns(args.out, args.from ?? []);
      const items = r.manifest.shards.reduce((s, x) => s + x.count, 0);
      if (args.json) printJson({ manifest: `${args.out}/manifest.json`, parts: r.parts, copied: r.copied, items, shards: r.manifest.num_shards });
      else if (!args.quiet) process.stderr.write(`verigen: merged ${r.parts} part(s): ${items} items in ${r.manifest.num_shards} shards (${r.copied} copied)\n`);
    }),
};
