import type { Command } from 'commander';
import { announceRevocation } from '../auth/key-cache';
import { presentKey } from '../auth/key-service';
import { createApiKey } from '../auth/keys';
import { getKey, listKeys, revokeActiveKey } from '../auth/repository';
import { ROLES, type Role } from '../auth/types';
import { type Config, loadConfig } from '../config';
import { runMigrations } from '../db/migrate';
import { createPool, type Db, type Queryable, withTransaction } from '../db/pool';
import { createLogger } from '../logger';
import { createRedis } from '../queue/connection';
import { checkPostgres } from '../server/preflight';
import { friendly } from './service-commands';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function usage(message: string): never {
  process.stderr.write(`claimtrack: ${message}\n`);
  process.exit(2);
}

async function withDb(fn: (db: Db, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfig();
  await checkPostgres(config);
  await runMigrations(config.DATABASE_URL);
  const db = createPool(config.DATABASE_URL, { max: 1 });
  try {
    await fn(db, config);
  } finally {
    await db.end();
  }
}

/** Running API processes drop the key from their caches at once; without Redis they do within seconds. */
async function announce(config: Config, keyId: string): Promise<void> {
  // The offline queue holds the publish until the connection is up (or fails).
  const redis = createRedis(config.REDIS_URL, 'producer', { retryStrategy: () => null, enableOfflineQueue: true });
  try {
    await announceRevocation(redis, config.QUEUE_PREFIX, keyId, createLogger('warn', process.stderr));
  } finally {
    redis.disconnect();
  }
}

/** Revokes an active key: a revoked or unknown one exits 1 saying which. */
async function revokeOrExplain(db: Queryable, id: string) {
  const revoked = await revokeActiveKey(db, id);
  if (revoked) return revoked;
  const existing = await getKey(db, id);
  process.stderr.write(`claimtrack: key ${id} ${existing ? 'is already revoked' : 'does not exist'}\n`);
  process.exit(1);
}

const line = (k: ReturnType<typeof presentKey>) =>
  [
    k.id,
    k.role.padEnd(8),
    k.prefix,
    k.revoked_at ? `revoked ${k.revoked_at}` : 'active',
    k.last_used_at ?? 'never used',
    k.name,
  ].join('  ');

export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Manage API keys (list, create, revoke, rotate)');
  keys
    .command('create')
    .description('Create an API key; the key is printed once, as the last line')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--name <label>', 'who or what the key is for (shown in review history)')
    .action((opts: { role: string; name: string }) =>
      friendly(async () => {
        if (!(ROLES as readonly string[]).includes(opts.role))
          usage(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}")`);
        if (!opts.name.trim()) usage('--name must not be empty');
        await withDb(async (db) => {
          const created = await createApiKey(db, opts.role as Role, opts.name.trim());
          process.stdout.write(
            `created ${created.role} key "${created.name}" (id ${created.id}); it is shown only once:\n${created.key}\n`,
          );
        });
      }),
    );
  keys
    .command('list')
    .description('List keys, newest first: id, role, prefix, state, last used, name')
    .option('--json', 'one JSON object per line')
    .action((opts: { json?: boolean }) =>
      friendly(() =>
        withDb(async (db) => {
          for (const row of await listKeys(db, 10_000)) {
            const k = presentKey(row);
            process.stdout.write(`${opts.json ? JSON.stringify(k) : line(k)}\n`);
          }
        }),
      ),
    );
  keys
    .command('revoke <id>')
    .description('Revoke a key; running API processes refuse it at once')
    .action((id: string) =>
      friendly(async () => {
        if (!UUID.test(id)) usage(`"${id}" is not a key id (see \`claimtrack keys list\`)`);
        await withDb(async (db, config) => {
          const revoked = await revokeOrExplain(db, id);
          await announce(config, id);
          process.stdout.write(`revoked ${revoked.role} key "${revoked.name}" (id ${revoked.id})\n`);
        });
      }),
    );
  keys
    .command('rotate <id>')
    .description('Replace a key by a new one with the same name and role; the new key is the last line')
    .action((id: string) =>
      friendly(async () => {
        if (!UUID.test(id)) usage(`"${id}" is not a key id (see \`claimtrack keys list\`)`);
        await withDb(async (db, config) => {
          const created = await withTransaction(db, async (tx) => {
            const old = await revokeOrExplain(tx, id);
            return createApiKey(tx, old.role, old.name);
          });
          await announce(config, id);
          process.stdout.write(
            `rotated: key ${id} is revoked; new ${created.role} key "${created.name}" (id ${created.id}), shown only once:\n${created.key}\n`,
          );
        });
      }),
    );
}
