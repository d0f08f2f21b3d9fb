import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.startWorker();
});
afterAll(() => app.close());

const searchIds = async (q: string) =>
  (
    await app.request('GET', `/v1/search?types=article&q=${encodeURIComponent(q)}`, { key: app.keys.reviewer })
  ).body.items.map((i: { id: string }) => i.id);
const wordsRow = async (id: string) =>
  (await app.deps.db.query('select xmin::text as version from article_search where article_id = $1', [id])).rows[0];

describe("when an article's words are kept for search", () => {
  it('when the article goes through extraction, then its words are written once and it is found by them', async () => {
    const article = buildArticle({
      body: `The ferry operator cancelled the zanzibarite sailings.\n“Storms,” a spokesman said.`,
    });
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: article });
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;
    const stored = await wordsRow(id);
    expect(stored).toBeDefined();
    await eventually(async () => {
      const a = await app.request('GET', `/v1/articles/${id}`, { key: app.keys.reviewer });
      return a.body.status === 'extracted';
    });
    // The lease and the `extracted` update rewrote the article's row, not its words.
    expect(await wordsRow(id)).toEqual(stored);
    expect(await searchIds('zanzibarite')).toEqual([id]);
    const listed = await app.request('GET', '/v1/articles?q=zanzibarite', { key: app.keys.reviewer });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it("when an article's title changes, then it is found by the new title and no longer by the old", async () => {
    const article = buildArticle({ title: 'Quokkaville council votes' });
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: article });
    const id = posted.body.id as string;
    expect(await searchIds('quokkaville')).toEqual([id]);
    await app.deps.db.query("update article set title = 'Wallabytown council votes' where id = $1", [id]);
    expect(await searchIds('wallabytown')).toEqual([id]);
    expect(await searchIds('quokkaville')).toEqual([]);
  });
});
