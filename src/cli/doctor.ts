/** `verigen doctor`: which TensorFlow.js backends load here, and how fast each multiplies matrices. */
import type { Argv, CommandModule } from 'yargs';
import { backendReport } from '../score/backend.js';
import { printJson, runCommand, type GlobalArgs } from './common.js';

export const doctorCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'doctor',
  describe: 'List the TensorFlow.js backends found and their speed on a 256x256 matrix product',
  builder: (y: Argv<GlobalArgs>) => y,
  handler: (args) =>
    runCommand(args, async () => {
      const rows = await backendReport();
      if (args.json) return printJson({ node: process.version, backends: rows });
      process.stdout.write(`node ${process.version}\n`);
      for (const r of rows) {
        const detail = r.speed ? `${r.speed.gflops.toFixed(2)} GFLOP/s (${r.speed.ms.toFixed(2)} ms per ${r.speed.size}x${r.speed.size} matmul)` : `not available: ${r.reason}`;
        process.stdout.write(`${r.name.padEnd(15)} ${detail}\n`);
      }
    }),
};
