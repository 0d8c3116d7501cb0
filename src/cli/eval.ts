/** `verigen eval`: accuracy and the live-error-signal metrics of a response file; see src/eval/evaluate.ts. */
import type { Argv, CommandModule } from 'yargs';
import { evaluateResponses } from '../eval/evaluate.js';
import { ci, f3 } from '../eval/markdown.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

interface EvalArgs extends GlobalArgs {
  items: string;
  responses: string;
  out: string;
  confidence: string;
  bootstrap: number;
  seed: string;
  'skip-missing': boolean;
}

export const evalCommand: CommandModule<GlobalArgs, EvalArgs> = {
  command: 'eval',
  describe: 'Accuracy per family, generator and constraint, and AUROC/ECE/Brier of stated confidence, with bootstrap intervals',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('items', { type: 'string', demandOption: true, describe: 'a run folder, a shard, or an items JSONL (as verify takes)' })
      .option('responses', { type: 'string', demandOption: true, describe: 'JSONL: {id|key|prompt, response, ...}' })
      .option('out', { type: 'string', demandOption: true, describe: 'folder for eval.json, eval.md, reliability.svg, per-item.jsonl' })
      .option('confidence', { type: 'string', default: 'tag', describe: 'tag (confidence items), field:NAME (a probability), logprob:NAME (mean token log-prob, or a list)' })
      .option('bootstrap', { type: 'number', default: 1000, describe: 'bootstrap resamples for the intervals (0: none)' })
      .option('seed', { type: 'string', default: '0', describe: 'seed of the bootstrap' })
      .option('skip-missing', { type: 'boolean', default: false, describe: 'leave items without a response out instead of counting them wrong' }) as unknown as Argv<EvalArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      const r = await evaluateResponses({
        items: args.items,
        responses: args.responses,
        out: args.out,
        confidence: args.confidence,
        resamples: args.bootstrap,
        seed: args.seed,
        skipMissing: args['skip-missing'],
      });
      if (args.json) return printJson(r);
      if (args.quiet) return;
      process.stdout.write(`accuracy ${f3(r.accuracy.value)} ${ci(r.accuracy.ci95)} over ${r.n_items} items (${r.missing} without a response)\n`);
      const m = r.confidence.metrics;
      if (m) {
        process.stdout.write(`confidence (${r.confidence.source}) on ${m.n} responses:\n`);
        for (const [name, v] of [['AUROC', m.auroc], ['ECE', m.ece], ['Brier', m.brier]] as const) {
          process.stdout.write(`  ${name.padEnd(6)} ${f3(v.value)} ${ci(v.ci95)}${v.note ? `  (${v.note})` : ''}\n`);
        }
      } else process.stdout.write(`no response states a confidence (${r.confidence.source})\n`);
      if (r.ifeval) {
        const s = r.ifeval;
        process.stdout.write(`IFEval: prompt strict ${f3(s.prompt_strict)}, instruction strict ${f3(s.instruction_strict)}, prompt loose ${f3(s.prompt_loose)}, instruction loose ${f3(s.instruction_loose)}\n`);
      }
      for (const p of r.selfpredict ?? []) process.stdout.write(`self-prediction ${p.property}: ${f3(p.accuracy)} (most-common-answer baseline ${f3(p.baseline)}, '${p.most_common}')\n`);
      process.stdout.write(`wrote ${args.out}/eval.json, eval.md${m ? ', reliability.svg' : ''}, per-item.jsonl\n`);
    }),
};
