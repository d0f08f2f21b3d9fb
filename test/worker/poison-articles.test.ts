import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { killAll, type Spawned, spawnClaimtrack } from '../support/processes';

// The largest articles the API takes (1.5 million characters; curly quotes make 2 MB of UTF-8), built to
// make the extractor work hard. Each must end extracted, or failed with a reason, and the worker (with
// the recommended 192 MB heap cap) must live on.
jest.setTimeout(240_000);
const MAX_CHARS = 1_500_000;
const POISON: Record<string, string> = {
  'a chain of colons': 'The minister said: officials: sources: analysts: critics: '.repeat(MAX_CHARS / 60),
  'curly quotes': '“'.repeat(700_000),
  '"according to" repeated': 'Prices rose, according to the minister, according to '.repeat(MAX_CHARS / 55),
};
// Shorter than the shipped 60 s so the file stays quick; a refused article fails with this in its reason.
const TIMEOUT_SECONDS = 20;

let app: TestApp;
let worker: Spawned;
beforeAll(async () => {
  app = await startTestApp({ BODY_LIMIT: '8mb' });
  worker = await spawnClaimtrack(
    ['worker'],
    {
      DATABASE_URL: app.deps.config.DATABASE_URL,
      REDIS_URL: app.deps.config.REDIS_URL,
      QUEUE_PREFIX: app.deps.config.QUEUE_PREFIX,
      EXTRACT_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
    },
    /claimtrack worker started/,
    { nodeArgs: ['--max-old-space-size=192'] },
  );
});
afterAll(async () => {
  await killAll();
  await app.close();
});

async function post(body: string): Promise<string> {
  const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: { ...buildArticle(), body } });
  expect(r.status).toBe(202);
  return r.body.id;
}
const settled = (id: string) =>
  eventually(
    async () => {
      const a = (await app.request('GET', `/v1/articles/${id}`)).body;
      return (a.status === 'extracted' || a.status === 'failed') && a;
    },
    TIMEOUT_SECONDS * 1000 * 3,
    250,
  );

describe.each(Object.entries(POISON))('when a worker capped at 192 MB gets an article made of %s', (_, body) => {
  it('then the article ends extracted or failed with its reason, and the worker lives on', async () => {
    // On failure, the worker's own log says why (a crash, a thread that never answered).
    const done = await settled(await post(body)).catch((err: Error) => {
      throw new Error(`${err.message}\nworker output (tail):\n${worker.output().slice(-3000)}`);
    });
    if (done.status === 'failed') expect(done.error).toMatch(/longer than|out of memory|too many claims/);
    expect(worker.child.exitCode).toBeNull();
    const next = await settled(await post(buildArticle().body));
    expect(next.status).toBe('extracted');
  });
});
