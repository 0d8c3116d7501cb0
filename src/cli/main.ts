#!/usr/bin/env node
/** The verigen command line: each verb is a module in this folder; none holds logic beyond parsing. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands.js';
import type { GlobalArgs } from './common.js';

const argv = hideBin(process.argv);
// The global options are flags without values, so the first word that is not an option names the command.
const named = argv.find((a) => !a.startsWith('-'));
const load = named !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
const commands = await Promise.all(load.map((l) => l()));

const cli = yargs(argv)
  .scriptName('verigen')
  .usage('$0 <command> [options]')
  .option('json', { type: 'boolean', describe: 'machine-readable output on stdout (progress as JSON lines on stderr)' })
  .option('quiet', { type: 'boolean', describe: 'no progress or summary' });
for (const c of commands) cli.command(c as never);
await cli
  .demandCommand(1, 'name a command (see --help)')
  .strict()
  .recommendCommands()
  .version(VERSION)
  .help()
  .epilogue('Exit codes: 0 ok, 1 a check failed or the run could not finish, 2 usage error (bad flag, file or line).')
  .fail((msg, err, y) => {
    if (err) throw err;
    const args = (y as unknown as { parsed?: { argv?: GlobalArgs } }).parsed?.argv;
    if (args?.json) process.stdout.write(JSON.stringify({ error: msg, exit: 2 }) + '\n');
    process.stderr.write(`verigen: ${msg}\nRun 'verigen --help' for usage.\n`);
    process.exit(2);
  })
  .parseAsync();
