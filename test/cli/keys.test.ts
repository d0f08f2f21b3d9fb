import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/app';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const cli = path.join(root, 'bin', 'claimtrack.js');

let app: TestApp;
let databaseUrl: string;
beforeAll(async () => {
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'cli', 'index.js'))) {
    throw new Error('dist/ is missing: `npm install` (prepare) or `npm run build` builds the CLI these tests run');
  }
  app = await startTestApp();
  databaseUrl = app.deps.config.DATABASE_URL;
});
afterAll(() => app?.close());

describe('when an operator creates a key with the CLI', () => {
  it('then the key is the last line of the output and it works against the API', async () => {
    const { stdout } = await run('node', [cli, 'keys', 'create', '--role', 'editor', '--name', 'demo'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    const key = stdout.trim().split('\n').pop()!;
    expect(key).toMatch(/^ct_[A-Za-z0-9_-]{40,}$/);
    const r = await app.request('GET', '/v1/claims', { key });
    expect(r.status).toBe(200);
    const { rows } = await app.deps.db.query("select role from api_key where name = 'demo'");
    expect(rows).toEqual([{ role: 'editor' }]);
  });

  it('when the role is unknown, then it exits 2 and says which roles exist', async () => {
    const failed = run('node', [cli, 'keys', 'create', '--role', 'nobody', '--name', 'x'], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    await expect(failed).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--role must be one of admin, editor, reviewer, importer/),
    });
  });

  it('when Postgres is not reachable, then it says where and how to start it, without a stack trace', async () => {
    const failed = run('node', [cli, 'migrate'], {
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    });
    await expect(failed).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /Cannot reach PostgreSQL at 127\.0\.0\.1:1.*\n.*docker compose up -d postgres redis/,
      ),
    });
    await failed.catch((e: { stderr: string }) => expect(e.stderr).not.toMatch(/\n\s+at /));
  });
});

describe('when an operator lists, revokes and rotates keys with the CLI', () => {
  // Each test starts three CLI processes (node, migrations check, Postgres and Redis connections).
  jest.setTimeout(90_000);
  const env = () => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: app.deps.config.REDIS_URL,
    QUEUE_PREFIX: app.deps.config.QUEUE_PREFIX,
    LOG_LEVEL: 'silent',
  });
  const cliRun = (...args: string[]) => run('node', [cli, 'keys', ...args], { env: env() });

  it('then list shows every key without its secret, and a revoked key is refused at once by the running API', async () => {
    const created = await app.request('POST', '/v1/keys', { body: { role: 'editor', name: 'wire desk' } });
    expect((await app.request('GET', '/v1/claims', { key: created.body.key })).status).toBe(200);

    const listed = (await cliRun('list', '--json')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(listed).toContainEqual(
      expect.objectContaining({ id: created.body.id, name: 'wire desk', revoked_at: null }),
    );
    expect(JSON.stringify(listed)).not.toContain(created.body.key);

    const { stdout } = await cliRun('revoke', created.body.id);
    expect(stdout).toMatch(/revoked editor key "wire desk"/);
    expect((await app.request('GET', '/v1/claims', { key: created.body.key })).status).toBe(401);
    await expect(cliRun('revoke', created.body.id)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already revoked/),
    });
  });

  it('then rotate prints a new key that works while the old one stops', async () => {
    const created = await app.request('POST', '/v1/keys', { body: { role: 'reviewer', name: 'night shift' } });
    expect((await app.request('GET', '/v1/claims', { key: created.body.key })).status).toBe(200);
    const { stdout } = await cliRun('rotate', created.body.id);
    const fresh = stdout.trim().split('\n').pop()!;
    expect(fresh).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    expect((await app.request('GET', '/v1/me', { key: fresh })).body).toMatchObject({
      name: 'night shift',
      role: 'reviewer',
    });
    expect((await app.request('GET', '/v1/claims', { key: created.body.key })).status).toBe(401);
  });

  it('when the id is not a key id, then it exits 2', async () => {
    await expect(cliRun('revoke', 'nope')).rejects.toMatchObject({ code: 2 });
  });
});
