import fc from 'fast-check';
import { type FuzzRequest, hostileRequest } from '../../scripts/fuzz/hostile-requests';
import { halfWritten, send } from '../../scripts/fuzz/drive';
import { allRoutes } from '../../src/server/routes';
import { ndjson, postImport } from '../imports/support';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';
import { buildArticle } from '../support/factories';

let app: TestApp;
let ids: string[];
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '1000000' });
  const body = 'The mayor said 40 schools will open. Analysts said growth would slow.';
  const { articleId, claimIds } = await insertArticleWithClaims(app.deps.db, body, [
    { speaker: 'The mayor', content: '40 schools will open' },
    { speaker: 'Analysts', content: 'growth would slow' },
  ]);
  const imported = await postImport(app, ndjson([buildArticle()]));
  ids = [articleId, ...claimIds, imported.body.id];
});
afterAll(() => app.close());

// Fixed by default so a failure reproduces; FUZZ_SEED explores others. `npm run fuzz` does thousands.
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

describe('when every route is sent hostile paths, queries, bodies, headers and encodings', () => {
  it('then no answer is a 5xx or missing, every route was tried, and nothing is left half-written', async () => {
    const routes = allRoutes(app.deps);
    const tried = new Set<string>();
    const target = { routes, ids, keys: Object.values(app.keys) };
    await fc.assert(
      fc.asyncProperty(hostileRequest(target), async (r: FuzzRequest) => {
        tried.add(r.route);
        const answer = await send(app.url, r);
        if (answer.status >= 500 || answer.status === 0)
          throw new Error(`${r.method} ${r.path} answered ${answer.status} ${answer.error ?? ''}`);
      }),
      { numRuns: 300, seed: SEED, endOnFailure: true },
    );
    expect([...tried].sort()).toEqual(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
    expect(await halfWritten(app.deps.db)).toEqual([]);
  }, 120_000);
});
