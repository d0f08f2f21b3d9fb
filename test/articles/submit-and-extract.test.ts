import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.startWorker();
});
afterAll(() => app.close());

describe('when an editor posts an article', () => {
  it('then it is accepted, extracted by the worker, and its claims slice the posted body', async () => {
    const article = buildArticle();
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: article });
    expect(posted.status).toBe(202);
    expect(posted.body).toMatchObject({ status: 'queued', duplicate: false });
    const id = posted.body.id as string;

    const done = await eventually(async () => {
      const r = await app.request('GET', `/v1/articles/${id}`);
      return r.body.status === 'extracted' && r.body;
    });
    expect(done.claim_count).toBeGreaterThan(0);

    const claims = await app.request('GET', `/v1/articles/${id}/claims`, { key: app.keys.reviewer });
    expect(claims.status).toBe(200);
    const quote = claims.body.items.find((c: { text: string }) => c.text.includes('40 new schools'));
    expect(quote).toBeDefined();
    for (const [a, b] of quote.spans.content) expect(quote.text).toContain(article.body.slice(a, b));
    expect(article.body.slice(...(quote.spans.cue[0] as [number, number]))).toBe('said');
  });
});
