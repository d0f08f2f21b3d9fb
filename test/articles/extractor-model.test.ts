import { extractClaims } from '../../src/extraction';
import { ndjson, waitFinished } from '../imports/support';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

/**
 * Two models, one interface: a deployment names its default (EXTRACTOR_MODEL), an article or an import may ask for
 * another with ?model=, and every claim records the model that made it.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ EXTRACTOR_MODEL: 'fast' });
  app.startWorker();
});
afterAll(() => app.close());

async function extracted(id: string) {
  const article = await eventually(async () => {
    const r = await app.request('GET', `/v1/articles/${id}`);
    return r.body.status === 'extracted' && r.body;
  });
  const claims = await app.request('GET', `/v1/articles/${id}/claims`, { key: app.keys.reviewer });
  return { article, claims: claims.body.items as { text: string; extractor: { model: string | null } }[] };
}

test("when an article asks for the accurate model, then its claims are that model's and say so; others get the deployment's", async () => {
  const asked = buildArticle();
  const plain = buildArticle();
  const a = await app.request('POST', '/v1/articles?model=accurate', { key: app.keys.editor, body: asked });
  const b = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: plain });
  expect([a.status, b.status]).toEqual([202, 202]);

  const accurate = await extracted(a.body.id);
  expect(accurate.article.extractor_model).toBe('accurate');
  expect(accurate.claims.length).toBeGreaterThan(0);
  for (const c of accurate.claims) expect(c.extractor.model).toBe('accurate');
  expect(accurate.claims.map((c) => c.text)).toEqual(
    extractClaims(asked.body, { model: 'accurate' }).map((c) => c.text),
  );

  const fast = await extracted(b.body.id);
  expect(fast.article.extractor_model).toBeNull();
  for (const c of fast.claims) expect(c.extractor.model).toBe('fast');
  expect(fast.claims.map((c) => c.text)).toEqual(extractClaims(plain.body, { model: 'fast' }).map((c) => c.text));
});

test('when an import asks for a model, then each of its articles is extracted with it', async () => {
  const posted = await app.request('POST', '/v1/imports?model=accurate', {
    key: app.keys.importer,
    body: ndjson([buildArticle(), buildArticle()]),
    headers: { 'content-type': 'application/x-ndjson' },
  });
  expect(posted.status).toBe(202);
  await waitFinished(app, posted.body.id);
  const { rows } = await app.deps.db.query<{ extractor_model: string; models: string[] }>(
    `select a.extractor_model, array_agg(distinct c.extractor_model) as models
       from article a join claim c on c.article_id = a.id where a.import_id = $1 group by a.id`,
    [posted.body.id],
  );
  expect(rows).toHaveLength(2);
  for (const r of rows) expect(r).toEqual({ extractor_model: 'accurate', models: ['accurate'] });
});

test.each([
  ['POST', '/v1/articles?model=bert'],
  ['POST', '/v1/imports?model=huge'],
])(
  'when %s %s names no model there is, then the answer is a 400 problem and nothing is stored',
  async (method, path) => {
    const before = await app.deps.db.query('select count(*)::int as n from article');
    const body = path.includes('imports') ? ndjson([buildArticle()]) : buildArticle();
    const headers: Record<string, string> = path.includes('imports') ? { 'content-type': 'application/x-ndjson' } : {};
    const r = await app.request(method as 'POST', path, { key: app.keys.admin, body, headers });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('invalid_query');
    const after = await app.deps.db.query('select count(*)::int as n from article');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  },
);
