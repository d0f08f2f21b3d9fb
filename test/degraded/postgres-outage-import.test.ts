import {
  buildLongArticle,
  claimsMatchCleanRun,
  ensureImportSchema,
  ndjson,
  postImport,
  waitFinished,
} from '../imports/support';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { killAll, spawnClaimtrack } from '../support/processes';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

jest.setTimeout(180_000);
const ARTICLES = 200;
// Longer than the five attempts' backoff (1 + 2 + 4 + 8 s): jobs that spent their attempts on the outage
// would be parked in the failed set for ever.
const OUTAGE_MS = 20_000;

let app: TestApp;
let proxy: TcpProxy;
beforeAll(async () => {
  app = await startTestApp({ EXTRACT_ATTEMPTS: '5' });
  await ensureImportSchema(app);
  proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
});
afterAll(async () => {
  await killAll();
  await proxy.close();
  await app.close();
});

describe('when Postgres becomes unreachable for a worker in the middle of an import', () => {
  it('then, once it is back, every article is extracted without anyone acting, with the claims of a clean run', async () => {
    // The worker reaches this file's database only through the proxy; the API and the test do not.
    const viaProxy = new URL(app.deps.config.DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const worker = await spawnClaimtrack(
      ['worker'],
      {
        DATABASE_URL: viaProxy.toString(),
        REDIS_URL: app.deps.config.REDIS_URL,
        QUEUE_PREFIX: app.deps.config.QUEUE_PREFIX,
        EXTRACT_ATTEMPTS: '5',
      },
      /claimtrack worker started/,
    );
    const posted = await postImport(app, ndjson(Array.from({ length: ARTICLES }, () => buildLongArticle())));
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;
    await eventually(async () => (await app.request('GET', `/v1/imports/${id}`)).body.totals.extracted >= 20, 60_000);

    await proxy.down();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const during = (await app.request('GET', `/v1/imports/${id}`)).body.totals;
    expect(during.pending).toBeGreaterThan(0);
    await proxy.up();

    // On failure, the worker's own log says why (a crash, an error it kept retrying).
    const done = await waitFinished(app, id, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\nworker output (tail):\n${worker.output().slice(-4000)}`);
    });
    expect(done.totals).toMatchObject({ queued: ARTICLES, extracted: ARTICLES, failed: 0, pending: 0 });
    const check = await claimsMatchCleanRun(app, id);
    expect(check.mismatched).toEqual([]);
    expect(done.claims).toBe(check.claims);
  });
});
