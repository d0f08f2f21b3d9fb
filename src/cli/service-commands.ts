import type { Command } from 'commander';
import { createApiKey } from '../auth/keys';
import { ROLES, type Role } from '../auth/types';
import { ConfigError, loadConfig } from '../config';
import { runMigrations } from '../db/migrate';
import { createPool } from '../db/pool';
import { createLogger } from '../logger';
import { checkPostgres, DependencyDown } from '../server/preflight';
import { startServer, startWorkerProcess, stopOnSignals } from '../server/runtime';

/** Known start-up failures print one clear message and exit, never a stack trace. */
async function friendly(fn: () => Promise<void>): Promise<void> {
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

  const keys = program.command('keys').description('Manage API keys');
  keys
    .command('create')
    .description('Create an API key; the key is printed once, as the last line')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--name <label>', 'who or what the key is for (shown in review history)')
    .action((opts: { role: string; name: string }) =>
      friendly(async () => {
        if (!(ROLES as readonly string[]).includes(opts.role)) {
          process.stderr.write(`claimtrack: --role must be one of ${ROLES.join(', ')} (got "${opts.role}")\n`);
          process.exit(2);
        }
        if (!opts.name.trim()) {
          process.stderr.write('claimtrack: --name must not be empty\n');
          process.exit(2);
        }
        const config = loadConfig();
        await checkPostgres(config);
        await runMigrations(config.DATABASE_URL);
        const db = createPool(config.DATABASE_URL, { max: 1 });
        try {
          const created = await createApiKey(db, opts.role as Role, opts.name.trim());
          process.stdout.write(
            `created ${created.role} key "${created.name}" (id ${created.id}); it is shown only once:\n${created.key}\n`,
          );
        } finally {
          await db.end();
        }
      }),
    );
}
