#!/usr/bin/env node
/** The verigen command line: each verb is a module in this folder; none holds logic beyond parsing. */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { auditCommand } from './audit.js';
import { compareCommand } from './compare.js';
import { doctorCommand } from './doctor.js';
import { evalCommand } from './eval.js';
import { experimentCommand } from './experiment.js';
import { generateCommand } from './generate.js';
import { listCommand } from './list.js';
import { mergeCommand } from './merge.js';
import { profileCommand } from './profile.js';
import { purityCommand } from './purity.js';
import { refCommand } from './ref.js';
import { scoreCommand } from './score.js';
import { selfpredictCommand } from './selfpredict.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { verifyCommand } from './verify.js';
import type { GlobalArgs } from './common.js';

await yargs(hideBin(process.argv))
  .scriptName('verigen')
  .usage('$0 <command> [options]')
  .option('json', { type: 'boolean', describe: 'machine-readable output on stdout (progress as JSON lines on stderr)' })
  .option('quiet', { type: 'boolean', describe: 'no progress or summary' })
  .command(generateCommand as never)
  .command(verifyCommand as never)
  .command(auditCommand as never)
  .command(listCommand as never)
  .command(showCommand as never)
  .command(mergeCommand as never)
  .command(profileCommand as never)
  .command(purityCommand as never)
  .command(evalCommand as never)
  .command(compareCommand as never)
  .command(experimentCommand as never)
  .command(selfpredictCommand as never)
  .command(scoreCommand as never)
  .command(refCommand as never)
  .command(doctorCommand as never)
  .command(serveCommand as never)
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
