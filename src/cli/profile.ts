/** `verigen profile from-hf CONFIG.json [--tokenizer tokenizer.json] [--name N] [--out FILE]`. */
import fs from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { profileFromHfFiles } from '../profiles/from-hf.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { runCommand, type GlobalArgs } from './common.js';

interface FromHfArgs extends GlobalArgs {
  config: string;
  tokenizer?: string;
  name?: string;
  out?: string;
  force: boolean;
}

const fromHf: CommandModule<GlobalArgs, FromHfArgs> = {
  command: 'from-hf <config>',
  describe: 'Build a profile from a Hugging Face config.json; what the config does not say stays absent',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('config', { type: 'string', demandOption: true })
      .option('tokenizer', { type: 'string', describe: 'the model\'s tokenizer.json (enables token questions)' })
      .option('name', { type: 'string', describe: 'profile name ([a-z0-9._-]+)' })
      .option('out', { type: 'string', describe: 'write the profile here instead of stdout' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite --out if it exists' }) as unknown as Argv<FromHfArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      let profile;
      try {
        profile = profileFromHfFiles(args.config, args.tokenizer, args.name);
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const text = JSON.stringify(profile, null, 2) + '\n';
      if (!args.out) {
        process.stdout.write(text);
        return;
      }
      if (fs.existsSync(args.out) && !args.force) throw new UsageError(`--out ${args.out} exists; pass --force to overwrite it`);
      writeFileAtomicSync(args.out, text);
      if (!args.quiet) process.stderr.write(`verigen: wrote profile ${profile.name} to ${args.out}\n`);
    }),
};

export const profileCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'profile <command>',
  describe: 'Model profiles (the only source of self-fact answers)',
  builder: (y: Argv<GlobalArgs>) => y.command(fromHf as never).demandCommand(1, 'name a profile command: from-hf'),
  handler: () => {},
};
