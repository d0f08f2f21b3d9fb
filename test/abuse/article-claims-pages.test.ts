import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

let app: TestApp;
let articleId: string;
const SENTENCES = Array.from({ length: 7 }, (_, i) => `Official ${i} said the bridge will reopen in week ${i + 10}.`);

beforeAll(async () => {
  app = await startTestApp();
  ({ articleId } = await insertArticleWithClaims(
    app.deps.db,
    SENTENCES.join(' '),
    SENTENCES.map((_, i) => ({ speaker: `Official ${i}`, content: `the bridge will reopen in week ${i + 10}` })),
  ));
});
afterAll(() => app.close());

describe("when an article's claims are read page by page", () => {
  it('when following next_cursor, then every claim comes once, in reading order, and the last page says so', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await app.request(
        'GET',
        `/v1/articles/${articleId}/claims?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ article_id: articleId, status: 'extracted' });
      seen.push(...r.body.items.map((c: { speaker: { name: string } }) => c.speaker.name));
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(SENTENCES.map((_, i) => `Official ${i}`));
  });

  it('when no limit is given, then a page holds up to 200 claims and next_cursor is null at the end', async () => {
    const r = await app.request('GET', `/v1/articles/${articleId}/claims`);
    expect(r.body.items).toHaveLength(7);
    expect(r.body.next_cursor).toBeNull();
  });

  it('when a page ends exactly at the last claim, then next_cursor is null and the page holds them all', async () => {
    const r = await app.request('GET', `/v1/articles/${articleId}/claims?limit=7`);
    expect(r.body.items.map((c: { speaker: { name: string } }) => c.speaker.name)).toEqual(
      SENTENCES.map((_, i) => `Official ${i}`),
    );
    expect(r.body.next_cursor).toBeNull();
  });

  it('when one claim is left after a full page, then the next page holds exactly that claim', async () => {
    const first = await app.request('GET', `/v1/articles/${articleId}/claims?limit=6`);
    expect(first.body.items).toHaveLength(6);
    const rest = await app.request('GET', `/v1/articles/${articleId}/claims?limit=6&cursor=${first.body.next_cursor}`);
    expect(rest.body.items.map((c: { speaker: { name: string } }) => c.speaker.name)).toEqual(['Official 6']);
    expect(rest.body.next_cursor).toBeNull();
  });

  it('when the article has no claims yet, then its page is empty, with its status and no cursor', async () => {
    const { articleId: empty } = await insertArticleWithClaims(app.deps.db, 'Nobody said anything.', []);
    await app.deps.db.query(`update article set status = 'queued' where id = $1`, [empty]);
    const r = await app.request('GET', `/v1/articles/${empty}/claims`);
    expect(r.text).toBe(JSON.stringify({ article_id: empty, status: 'queued', items: [], next_cursor: null }));
  });

  it.each([
    'limit=0',
    'limit=501',
    'limit=abc',
    'cursor=not-a-cursor',
    `cursor=${Buffer.from('[1,"x"]').toString('base64url')}`,
  ])('when the query is %s, then the answer is 400', async (q) => {
    const r = await app.request('GET', `/v1/articles/${articleId}/claims?${q}`);
    expect(r.status).toBe(400);
  });
});
