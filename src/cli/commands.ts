/** The command table of `verigen`; main.ts loads from it only the command that runs. */
import type { CommandModule } from 'yargs';

/**
 * The commands, each loaded only when it runs: a command's module pulls in the library it calls (the generators, the
 * verifiers, TensorFlow.js for scoring), and loading all of them cost every invocation about 0.4 s. Help, and a
 * name that is no command (for yargs' suggestions), load them all.
 */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  generate: async () => (await import('./generate.js')).generateCommand as CommandModule,
  verify: async () => (await import('./verify.js')).verifyCommand as CommandModule,
  audit: async () => (await import('./audit.js')).auditCommand as CommandModule,
  list: async () => (await import('./list.js')).listCommand as CommandModule,
  show: async () => (await import('./show.js')).showCommand as CommandModule,
  merge: async () => (await import('./merge.js')).mergeCommand as CommandModule,
  profile: async () => (await import('./profile.js')).profileCommand as CommandModule,
  purity: async () => (await import('./purity.js')).purityCommand as CommandModule,
  eval: async () => (await import('./eval.js')).evalCommand as CommandModule,
  compare: async () => (await import('./compare.js')).compareCommand as CommandModule,
  experiment: async () => (await import('./experiment.js')).experimentCommand as CommandModule,
  selfpredict: async () => (await import('./selfpredict.js')).selfpredictCommand as CommandModule,
  score: async () => (await import('./score.js')).scoreCommand as CommandModule,
  ref: async () => (await import('./ref.js')).refCommand as CommandModule,
  doctor: async () => (await import('./doctor.js')).doctorCommand as CommandModule,
  serve: async () => (await import('./serve.js')).serveCommand as CommandModule,
};
