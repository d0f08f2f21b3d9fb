import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

jest.setTimeout(120_000);

// Some seconds of extraction: long enough to ask the API something while it runs.
const LONG_BODY = 'Prices rose, according to the minister, according to '.repeat(2_000);

let app: TestApp;
beforeAll(async () => {
  // `npm start`'s shape: the API and the worker in one process.
  app = await startTestApp();
  app.startWorker(1);
});
afterAll(() => app.close());

describe('when the in-process worker is extracting a long article', () => {
  it('then the API answers other requests while the extraction is still running', async () => {
    const posted = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { ...buildArticle(), body: LONG_BODY },
    });
    const id = posted.body.id as string;
    await eventually(
      async () => (await app.request('GET', `/v1/articles/${id}`)).body.status === 'processing',
      30_000,
      20,
    );
    // Answered at all while `processing`: with extraction on the event loop these would only be served
    // after it, by which time the article would read `extracted`.
    const [health, article] = await Promise.all([
      app.request('GET', '/healthz', { key: null }),
      app.request('GET', `/v1/articles/${id}`),
    ]);
    expect(health.status).toBe(200);
    expect(article.status).toBe(200);
    expect(article.body.status).toBe('processing');
  });
});
