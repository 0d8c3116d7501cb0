/** `verigen list families|generators|templates|...`. */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { listing, LISTABLE, type Listable } from '../core/listing.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface ListArgs extends GlobalArgs {
  what: string;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list <what>',
  describe: `List ${LISTABLE.join(', ')}`,
  builder: (y: Argv<GlobalArgs>) => y.positional('what', { type: 'string', demandOption: true }) as unknown as Argv<ListArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      if (!(LISTABLE as readonly string[]).includes(args.what)) throw new UsageError(`list: '${args.what}' is not one of ${LISTABLE.join(', ')}`);
      const rows = listing(args.what as Listable);
      if (args.json) printJson(rows);
      else for (const r of rows) process.stdout.write(r.description ? `${r.name.padEnd(36)} ${r.description}\n` : `${r.name}\n`);
    }),
};
