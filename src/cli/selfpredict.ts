/** `verigen selfpredict prompts|build`: behaviour self-prediction in two stages; see src/selfpredict/. */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { writeFileAtomicSync } from '../shards/atomic.js';
import { objectPrompts } from '../selfpredict/prompts.js';
import { buildSelfPrediction } from '../selfpredict/build.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface SelfpredictArgs extends GlobalArgs {
  stage: string;
  count?: number;
  seed: string;
  out: string;
  prompts?: string;
  responses?: string;
  model?: string;
  checkpoint?: string;
}

export const selfpredictCommand: CommandModule<GlobalArgs, SelfpredictArgs> = {
  command: 'selfpredict <stage>',
  describe: "Behaviour self-prediction: 'prompts' writes object-level prompts; 'build' turns the model's answers into items",
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('stage', { type: 'string', choices: ['prompts', 'build'], demandOption: true })
      .option('count', { type: 'number', describe: 'prompts: how many' })
      .option('seed', { type: 'string', default: '0', describe: 'prompts: the seed (same seed, same prompts)' })
      .option('out', { type: 'string', demandOption: true, describe: 'prompts: the prompts JSONL; build: the items JSONL' })
      .option('prompts', { type: 'string', describe: "build: the prompts file from 'selfpredict prompts'" })
      .option('responses', { type: 'string', describe: 'build: the model\'s answers, {id, response} per line (temperature 0, fresh context)' })
      .option('model', { type: 'string', describe: 'build: the model that answered (recorded on every item)' })
      .option('checkpoint', { type: 'string', describe: 'build: its checkpoint (recorded on every item)' }) as unknown as Argv<SelfpredictArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      if (args.stage === 'prompts') {
        if (args.count === undefined || !Number.isSafeInteger(args.count) || args.count < 1) throw new UsageError(`--count must be a positive integer, got ${args.count}`);
        const prompts = objectPrompts(args.count, args.seed);
        writeFileAtomicSync(args.out, prompts.map((p) => JSON.stringify(p)).join('\n') + '\n');
        if (args.json) printJson({ prompts: prompts.length, out: args.out });
        else if (!args.quiet) process.stdout.write(`wrote ${prompts.length} prompts to ${args.out}; answer each at temperature 0 in a fresh context, as {id, response} lines\n`);
        return;
      }
      for (const flag of ['prompts', 'responses', 'model'] as const) if (!args[flag]) throw new UsageError(`selfpredict build needs --${flag}`);
      const r = await buildSelfPrediction({ prompts: args.prompts!, responses: args.responses!, model: args.model!, ...(args.checkpoint ? { checkpoint: args.checkpoint } : {}), out: args.out });
      if (args.json) return printJson(r);
      if (args.quiet) return;
      process.stdout.write(`wrote ${r.items} items from ${r.prompts} answered prompts to ${args.out}\nmost-common-answer baseline per property (score any model against these):\n`);
      for (const b of r.baselines) process.stdout.write(`  ${b.property.padEnd(18)} ${String(b.items).padStart(6)} items  baseline ${b.baseline.toFixed(3)} (always '${b.most_common}')\n`);
    }),
};
