/** `verigen show DIR --index N`: one item of a run, pretty-printed. */
import type { Argv, CommandModule } from 'yargs';
import { findItem } from '../shards/find.js';
import { runCommand, type GlobalArgs } from './common.js';
import { parseIndex } from './parse.js';

interface ShowArgs extends GlobalArgs {
  dir: string;
  index: string;
}

export const showCommand: CommandModule<GlobalArgs, ShowArgs> = {
  command: 'show <dir>',
  describe: 'Print the item with a given index from a run',
  builder: (y: Argv<GlobalArgs>) =>
    y.positional('dir', { type: 'string', demandOption: true }).option('index', { type: 'string', demandOption: true, describe: 'item index' }) as unknown as Argv<ShowArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const item = await findItem(args.dir, parseIndex('--index', args.index));
      process.stdout.write(args.json ? JSON.stringify(item) + '\n' : JSON.stringify(item, null, 2) + '\n');
    }),
};
