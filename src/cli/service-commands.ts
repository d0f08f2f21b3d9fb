import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config';
import { runMigrations } from '../db/migrate';
import { createLogger } from '../logger';
import { checkPostgres, DependencyDown } from '../server/preflight';
import { startServer, startWorkerProcess, stopOnSignals } from '../server/runtime';

/** Known start-up failures print one clear message and exit, never a stack trace. */
export async function friendly(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DependencyDown) {
      process.stderr.write(`claimtrack: ${err.message}\n`);
      process.exit(err instanceof ConfigError ? 2 : 1);
    }
    throw err;
  }
}

export function registerServiceCommands(program: Command): void {
  program
    .command('serve')
    .description('Apply migrations and serve the API (with an in-process worker unless --no-worker)')
    .option('--no-worker', 'serve the API only; run `claimtrack worker` processes separately')
    .action((opts: { worker: boolean }) =>
      friendly(async () => {
        const config = loadConfig();
        const log = createLogger(config.LOG_LEVEL);
        const running = await startServer({ worker: opts.worker, config, log });
        stopOnSignals(running, log);
      }),
    );

  program
    .command('worker')
    .description('Run a queue worker (any number, on any machine sharing Postgres and Redis)')
    .action(() =>
      friendly(async () => {
        const config = loadConfig();
        const log = createLogger(config.LOG_LEVEL);
        stopOnSignals(await startWorkerProcess({ config, log }), log);
      }),
    );

  program
    .command('migrate')
    .description('Create the database if needed and apply pending migrations')
    .action(() =>
      friendly(async () => {
        const config = loadConfig();
        await checkPostgres(config);
        await runMigrations(config.DATABASE_URL, (msg) => process.stdout.write(`${msg}\n`));
      }),
    );
}
