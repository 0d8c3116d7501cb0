/** `verigen serve`: the verifiers over HTTP (POST /verify) for RL trainers; see src/serve/server.ts. */
import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY_BYTES, serve } from '../serve/server.js';
import { runCommand, type GlobalArgs } from './common.js';

interface ServeArgs extends GlobalArgs {
  port: number;
  host: string;
  'max-body-mb': number;
  'max-batch': number;
}

export const serveCommand: CommandModule<GlobalArgs, ServeArgs> = {
  command: 'serve',
  describe: 'Serve the verifiers over HTTP: POST /verify takes a batch of {item|{verifier, ground_truth}, response}',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('port', { type: 'number', default: 8377, describe: 'port (0: any free port, printed)' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind; anything but loopback exposes the server to the network' })
      .option('max-body-mb', { type: 'number', default: DEFAULT_MAX_BODY_BYTES / 1024 / 1024, describe: 'largest request body, in MiB (larger: 413)' })
      .option('max-batch', { type: 'number', default: DEFAULT_MAX_BATCH, describe: 'most entries per request (more: 413)' }) as unknown as Argv<ServeArgs>,
  handler: (args) =>
    runCommand(args, async () => {
      if (!Number.isSafeInteger(args.port) || args.port < 0 || args.port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got ${args.port}`);
      if (!(args['max-body-mb'] > 0)) throw new UsageError(`--max-body-mb must be positive, got ${args['max-body-mb']}`);
      if (!Number.isSafeInteger(args['max-batch']) || args['max-batch'] < 1) throw new UsageError(`--max-batch must be a positive integer, got ${args['max-batch']}`);
      let started;
      try {
        started = await serve({ port: args.port, host: args.host, maxBodyBytes: Math.floor(args['max-body-mb'] * 1024 * 1024), maxBatch: args['max-batch'] });
      } catch (e) {
        throw new UsageError(`cannot listen on ${args.host}:${args.port}: ${(e as Error).message}`);
      }
      const line = { listening: started.url, verify: `${started.url}/verify`, health: `${started.url}/health` };
      if (args.json) process.stdout.write(JSON.stringify(line) + '\n');
      else process.stdout.write(`verigen serve: listening on ${started.url} (POST /verify, GET /health); Ctrl-C stops\n`);
      if (!/^(127\.|::1$|localhost$)/.test(args.host)) process.stderr.write(`verigen serve: warning: bound to ${args.host}, reachable from the network\n`);
      await new Promise<void>((resolve) => {
        const stop = () => started.server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    }),
};
