import { writeFirstExtractionsWithSpeakers } from '../../src/articles/first-write';
import { contentHash } from '../../src/articles/service';
import { builtClaimJson, pageJson } from '../../src/claims/present-sql';
import { EXTRACTOR, extractClaims } from '../../src/extraction';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

// Listings send each claim's stored listing_json (migration 000020) instead of building it at read time. These
// tests hold what goes out byte for byte equal to what building it at read time gives, after every kind of
// change a claim row goes through.
let app: TestApp;
let article: { articleId: string; claimIds: string[] };
const BODY =
  'The minister said taxes would fall. Analysts said growth would slow. The mayor said schools will open. A witness said the fire began at noon.';

/** GET /v1/articles/:id/claims as the read-time build writes it: the claims' JSON built from their columns. */
async function builtArticlePage(articleId: string): Promise<string> {
  const { rows } = await app.deps.db.query<{ status: string; json: string }>(
    `select a.status, ${builtClaimJson('c')} as json from claim c join article a on a.id = c.article_id
      where c.article_id = $1 order by c.position, c.id`,
    [articleId],
  );
  return pageJson(
    { article_id: articleId, status: rows[0]!.status },
    rows.map((r) => r.json),
    { next_cursor: null },
  ).toString('utf8');
}

/** The claims whose stored text differs from the one built from their columns (the linked verdict aside). */
async function staleClaims(): Promise<string[]> {
  const { rows } = await app.deps.db.query<{ id: string }>(
    `select c.id from (select *, null::uuid as no_group from claim) c
      where c.listing_json is distinct from (${builtClaimJson('c').replaceAll('c.group_id', 'c.no_group')})`,
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  app = await startTestApp();
  article = await insertArticleWithClaims(app.deps.db, BODY, [
    { speaker: 'The minister', content: 'taxes would fall' },
    { speaker: 'Analysts', content: 'growth would slow', type: 'expert' },
    { speaker: 'The mayor', content: 'schools will open' },
    { speaker: 'A witness', content: 'the fire began at noon', type: 'person' },
  ]);
});
afterAll(() => app.close());

describe('when claims are stored and then changed in every way a claim row changes', () => {
  it("then every listing's text is byte for byte the one built from the rows at read time", async () => {
    const db = app.deps.db;
    const [flagged, reviewed, merged, superseded] = article.claimIds as [string, string, string, string];
    expect(await staleClaims()).toEqual([]);
    const listed = async () => (await app.request('GET', `/v1/articles/${article.articleId}/claims`)).text;
    expect(await listed()).toBe(await builtArticlePage(article.articleId));

    await db.query(
      `update claim set status = 'flagged', priority = 'high', flag_reason = 'check "the" figure',
              flagged_at = '2026-03-04 05:06:07.891234+00', assignee_name = 'Ana', version = version + 1,
              updated_at = now() where id = $1`,
      [flagged],
    );
    await db.query(
      `update claim set status = 'reviewed', verdict = 'mostly_false', verdict_note = 'Café, 5%',
              verdict_at = '2026-03-05 00:00:00.5+00', speaker_title = 'Analyst', hedges = '{reportedly}'
        where id = $1`,
      [reviewed],
    );
    const { rows } = await db.query<{ id: string }>(
      `insert into speaker (name, type) values ('Mayor Jo Park', 'official') returning id`,
    );
    await db.query('update claim set speaker_id = $2 where id = $1', [merged, rows[0]!.id]);
    await db.query(`update claim set status = 'superseded', version = version + 1 where id = $1`, [superseded]);
    expect(await staleClaims()).toEqual([]);
    expect(await listed()).toBe(await builtArticlePage(article.articleId));

    // In a group with a confirmed fact-check: the linked verdict is looked up at read time, not stored.
    await db.query('update claim set group_id = gen_random_uuid() where id = $1', [flagged]);
    const factcheck = await db.query<{ id: string }>(
      `insert into factcheck (url, claim_reviewed, verdict, published_at)
       values ('https://factcheck.example/1', 'taxes', 'false', now()) returning id`,
    );
    await db.query(
      `insert into claim_match (claim_id, factcheck_id, state, score, model_version) values ($1, $2, 'confirmed', 0.9, 't')`,
      [flagged, factcheck.rows[0]!.id],
    );
    const withGroup = await app.request('GET', `/v1/articles/${article.articleId}/claims`);
    expect(withGroup.body.items[0].linked_verdict).toMatchObject({ verdict: 'false', source: 'factcheck' });
    expect(withGroup.text).toBe(await builtArticlePage(article.articleId));

    const queue = await app.request('GET', '/v1/review-queue');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([flagged]);
    expect(queue.body.items[0]).toEqual(withGroup.body.items[0]);
    // /v1/claims builds the grouped claim in a second read (withBuiltJson) and keeps it in its place.
    const claims = await app.request('GET', `/v1/claims?article_id=${article.articleId}`);
    expect(claims.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...article.claimIds].sort());
    expect(claims.body.items.find((c: { id: string }) => c.id === flagged)).toEqual(withGroup.body.items[0]);
  });
});

describe('when an extraction batch writes new claims with their speakers', () => {
  it('then each text is the one built from the stored row, before and after the claim changes', async () => {
    const db = app.deps.db;
    const body = `${BODY} The governor said wages rose by 4 percent, according to a “draft” report.`;
    const { rows } = await db.query<{ id: string }>(
      'insert into article (url, title, body, content_hash) values ($1, $2, $3, $4) returning id',
      ['https://news.example/batch-written', 'Batch story', body, contentHash(body)],
    );
    const articleId = rows[0]!.id;
    const claims = extractClaims(body, { model: 'fast' });
    expect(claims.length).toBeGreaterThan(2);
    const written = await writeFirstExtractionsWithSpeakers(db, [{ articleId, claims, model: 'fast' }], {
      ...EXTRACTOR,
    });
    expect([...written]).toEqual([articleId]);
    const stored = await db.query<{ id: string; speaker_id: string | null; listing_json: string | null }>(
      'select id, speaker_id, listing_json from claim where article_id = $1 order by position',
      [articleId],
    );
    expect(stored.rows).toHaveLength(claims.length);
    expect(stored.rows.every((r) => r.listing_json !== null && r.speaker_id !== null)).toBe(true);
    expect(JSON.parse(stored.rows[0]!.listing_json!)).toMatchObject({ id: stored.rows[0]!.id, status: 'unreviewed' });
    expect(await staleClaims()).toEqual([]);
    const listed = async () => (await app.request('GET', `/v1/articles/${articleId}/claims`)).text;
    expect(await listed()).toBe(await builtArticlePage(articleId));

    // And the trigger rewrites it when the claim is reviewed.
    await db.query(
      `update claim set status = 'reviewed', verdict = 'false', verdict_at = now(), version = version + 1,
              updated_at = now() where id = $1`,
      [stored.rows[0]!.id],
    );
    expect(await staleClaims()).toEqual([]);
    expect(await listed()).toBe(await builtArticlePage(articleId));
  });
});

describe("when a claim row's stored text is missing (written with triggers off)", () => {
  it('then the listings build it at read time and show the claim in full', async () => {
    const client = await app.deps.db.connect();
    try {
      await client.query('begin');
      // A replica session does not fire ordinary triggers, as in logical replication or a trigger-less restore.
      await client.query('set local session_replication_role = replica');
      await client.query('update claim set listing_json = null where id = $1', [article.claimIds[1]]);
      await client.query('commit');
    } finally {
      client.release();
    }
    const page = await app.request('GET', `/v1/articles/${article.articleId}/claims`);
    expect(page.body.items[1]).toMatchObject({ id: article.claimIds[1], text: 'growth would slow' });
    expect(page.text).toBe(await builtArticlePage(article.articleId));
    const listed = await app.request('GET', `/v1/claims?article_id=${article.articleId}`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(article.claimIds[1]);
  });
});
