/** `verigen experiment transfer`: train two embedded models (without and with self-facts) and compare their AUROC. */
import type { Argv, CommandModule } from 'yargs';
import { transferExperiment, transferMarkdown } from '../experiment/transfer.js';
import type { BackendChoice } from '../score/backend.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface ExperimentArgs extends GlobalArgs {
  name: string;
  out: string;
  steps: number;
  config: string;
  'train-items': number;
  'held-out': number;
  seed: string;
  backend: BackendChoice;
  bootstrap: number;
}

export const experimentCommand: CommandModule<GlobalArgs, ExperimentArgs> = {
  command: 'experiment <name>',
  describe: "'transfer': does training on self-facts move the AUROC of a small model's confidence? (a harness demo, not evidence)",
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('name', { type: 'string', choices: ['transfer'], demandOption: true })
      .option('out', { type: 'string', demandOption: true, describe: 'folder for data, both models, per-arm reports, transfer.json and transfer.md (rerun resumes)' })
      .option('steps', { type: 'number', default: 400, describe: 'training steps per model' })
      .option('config', { type: 'string', default: 'default', describe: 'model shape: tiny, default, or a config JSON file' })
      .option('train-items', { type: 'number', default: 3000, describe: 'inference items to train on (arm B adds half as many self-fact items)' })
      .option('held-out', { type: 'number', default: 300, describe: 'held-out inference items both models answer' })
      .option('seed', { type: 'string', default: '0' })
      .option('backend', { choices: ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const, default: 'auto' as BackendChoice })
      .option('bootstrap', { type: 'number', default: 1000, describe: 'bootstrap resamples for the intervals' }) as unknown as Argv<ExperimentArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const r = await transferExperiment({
        out: args.out,
        steps: args.steps,
        config: args.config,
        trainItems: args['train-items'],
        heldOut: args['held-out'],
        seed: args.seed,
        backend: args.backend,
        resamples: args.bootstrap,
        log: args.quiet || args.json ? undefined : (line) => process.stderr.write(`${line}\n`),
      });
      if (args.json) printJson(r);
      else if (!args.quiet) process.stdout.write(transferMarkdown(r));
    }),
};
