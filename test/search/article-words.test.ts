import { randomUUID } from 'node:crypto';
import { contentHash } from '../../src/articles/service';
import { insertImportedArticles, openImport } from '../../src/imports/repository';
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

  it("when an import's statement stores many articles at once, then each is found by its words, which are those a single article gets, and none wait in the index's pending list", async () => {
    const db = app.deps.db;
    // What the index's pending list holds from earlier tests, merged, so what is left after is this test's.
    await db.query(`select gin_clean_pending_list('article_search_search_idx'::regclass)`);
    const { row } = await openImport(db, null, null);
    // 250: merged in chunks of 100 (000023), the last one partial.
    const planned = Array.from({ length: 250 }, (_, i) => {
      const a = buildArticle({ title: `Harbour report ${i} numbatcove${i}` });
      const body = `${a.body}\nThe ferry to kookaburrash${i} was late.`;
      return {
        ...a,
        body,
        id: randomUUID(),
        author: null,
        published_at: null,
        content_hash: contentHash(body),
        extract_job: 'j',
      };
    });
    expect(await insertImportedArticles(db, row.id, 'test', planned)).toHaveLength(250);
    const merged = await db.query<{ pages: number }>(
      `select gin_clean_pending_list('article_search_search_idx'::regclass) as pages`,
    );
    expect(merged.rows[0]!.pages).toBe(0);
    const differing = await db.query(
      `select a.id from article a join article_search s on s.article_id = a.id
        where a.id = any($1::uuid[])
          and (s.search, s.search_lead) is distinct from (
            setweight(to_tsvector('english', coalesce(a.title, '')), 'A') || setweight(to_tsvector('english', left(a.body, 20000)), 'B'),
            setweight(to_tsvector('english', coalesce(a.title, '')), 'A') || setweight(to_tsvector('english', left(a.body, 800)), 'B'))`,
      [planned.map((a) => a.id)],
    );
    const stored = await db.query('select count(*)::int as n from article_search where article_id = any($1::uuid[])', [
      planned.map((a) => a.id),
    ]);
    expect({ stored: stored.rows[0].n, differing: differing.rows }).toEqual({ stored: 250, differing: [] });
    expect(await searchIds('kookaburrash37')).toEqual([planned[37]!.id]);
    expect(await searchIds('numbatcove162')).toEqual([planned[162]!.id]);
    expect(await searchIds('kookaburrash249')).toEqual([planned[249]!.id]);

    // A single article's words wait in the list, as they always did, until a later insert or vacuum merges it.
    const single = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: buildArticle() });
    expect(single.status).toBe(202);
    const left = await db.query<{ pages: number }>(
      `select gin_clean_pending_list('article_search_search_idx'::regclass) as pages`,
    );
    expect(left.rows[0]!.pages).toBeGreaterThan(0);
  });
});
