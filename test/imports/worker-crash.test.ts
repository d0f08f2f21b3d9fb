import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { REDIS_URL } from '../support/env';
import { buildLongArticle, claimsMatchCleanRun, ensureImportSchema, ndjson, postImport, waitFinished } from './support';

jest.setTimeout(90_000);

let app: TestApp;
const children: ChildProcess[] = [];
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await app.close();
});

/** Starts a worker process on this file's database and queue; resolves once it is consuming jobs. */
function spawnWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, 'worker-process.js')], {
    env: {
      ...process.env,
      DATABASE_URL: app.deps.config.DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: app.deps.config.QUEUE_PREFIX,
      LOG_LEVEL: 'silent',
      WORKER_CONCURRENCY: '4',
      // A killed worker's jobs come back within seconds instead of the production 15-30 s.
      STALLED_INTERVAL_MS: '1000',
      EXTRACT_LEASE_SECONDS: '5',
      RECONCILE_EVERY_SECONDS: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => String(d).includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready: ${stderr}`)));
  });
}

const countExtracted = async (id: string) =>
  (
    await app.deps.db.query('select count(*)::int as n from article where import_id = $1 and status = $2', [
      id,
      'extracted',
    ])
  ).rows[0].n as number;

describe('when a worker process is killed with SIGKILL in the middle of an import', () => {
  it('then another worker finishes it and every article has exactly the claims of a clean extraction', async () => {
    const first = await spawnWorker();
    const posted = await postImport(app, ndjson(Array.from({ length: 400 }, () => buildLongArticle())));
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;

    await eventually(async () => (await countExtracted(id)) >= 20, 30_000);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const left = 400 - (await countExtracted(id));
    expect(left).toBeGreaterThan(0);

    await spawnWorker();
    const done = await waitFinished(app, id, 60_000);
    expect(done.totals).toMatchObject({ queued: 400, extracted: 400, failed: 0 });
    const check = await claimsMatchCleanRun(app, id);
    expect(check.articles).toBe(400);
    expect(check.mismatched).toEqual([]);
    expect(done.claims).toBe(check.claims);
  });
});
