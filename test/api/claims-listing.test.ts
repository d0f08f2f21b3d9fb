import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

let app: TestApp;
let first: { articleId: string; claimIds: string[] };
let second: { articleId: string; claimIds: string[] };
const BODY_A =
  'The minister said taxes would fall by 3% next year. Analysts said growth would slow. The mayor said 40 schools will open. A witness said the fire began at noon.';
const BODY_B = 'The governor said the bridge will reopen in May. An economist said prices rose 5%.';

beforeAll(async () => {
  app = await startTestApp();
  first = await insertArticleWithClaims(app.deps.db, BODY_A, [
    { speaker: 'The minister', content: 'taxes would fall by 3% next year' },
    { speaker: 'Analysts', content: 'growth would slow', type: 'expert' },
    { speaker: 'The mayor', content: '40 schools will open' },
    { speaker: 'A witness', content: 'the fire began at noon', type: 'person' },
  ]);
  second = await insertArticleWithClaims(app.deps.db, BODY_B, [
    { speaker: 'The governor', content: 'the bridge will reopen in May' },
    { speaker: 'An economist', content: 'prices rose 5%', type: 'expert' },
  ]);
});
afterAll(() => app.close());

describe('when listing claims page by page', () => {
  it('when following next_cursor, then every claim comes exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await app.request('GET', `/v1/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        key: app.keys.reviewer,
      });
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((c: { id: string }) => c.id));
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...first.claimIds, ...second.claimIds].sort());
  });

  it('when filtering by speaker type and article, then only matching claims come back', async () => {
    const experts = await app.request('GET', '/v1/claims?speaker_type=expert');
    expect(experts.body.items.map((c: { text: string }) => c.text).sort()).toEqual([
      'growth would slow',
      'prices rose 5%',
    ]);
    const ofSecond = await app.request('GET', `/v1/claims?article_id=${second.articleId}&status=unreviewed`);
    expect(ofSecond.body.items).toHaveLength(2);
    const none = await app.request('GET', '/v1/claims?status=reviewed');
    expect(none.body).toEqual({ items: [], next_cursor: null });
  });

  it.each([
    ['an unknown status', 'status=bogus', 'invalid_query'],
    ['a limit of zero', 'limit=0', 'invalid_query'],
    ['an unknown parameter', 'colour=red', 'invalid_query'],
    ['a forged cursor', 'cursor=bm90LWEtY3Vyc29y', 'invalid_cursor'],
  ])('when the query has %s, then the answer is 400', async (_what, qs, code) => {
    const r = await app.request('GET', `/v1/claims?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
  });
});

describe('when reading one claim', () => {
  it('then it carries its provenance: the article, the extractor and the exact words of its spans', async () => {
    const r = await app.request('GET', `/v1/claims/${first.claimIds[0]}`, { key: app.keys.importer });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.body).toMatchObject({
      text: 'taxes would fall by 3% next year',
      speaker: { name: 'The minister', type: 'official' },
      status: 'unreviewed',
      provenance: {
        article: { id: first.articleId, title: 'Test story' },
        extractor: { name: 'test', version: 'test' },
        quoted: { content: ['taxes would fall by 3% next year'], source: ['The minister'] },
      },
    });
  });

  it("then GET /v1/articles/:id/claims lists the article's claims in reading order", async () => {
    const r = await app.request('GET', `/v1/articles/${first.articleId}/claims`);
    expect(r.body.items.map((c: { speaker: { name: string } }) => c.speaker.name)).toEqual([
      'The minister',
      'Analysts',
      'The mayor',
      'A witness',
    ]);
    for (const c of r.body.items) expect(BODY_A.slice(c.spans.content[0][0], c.spans.content[0][1])).toBe(c.text);
  });
});

describe('when a listing is asked for with HEAD', () => {
  it('then it answers with the headers GET gives (type, length) and no body', async () => {
    for (const path of ['/v1/claims?limit=3', `/v1/articles/${first.articleId}/claims`, '/v1/review-queue']) {
      const [get, head] = [await app.request('GET', path), await app.request('HEAD', path)];
      expect([path, head.status, head.text]).toEqual([path, 200, '']);
      expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
      expect(Number(get.headers.get('content-length'))).toBe(Buffer.byteLength(get.text));
    }
  });
});

describe('when a claim with review state and a linked verdict appears in every listing', () => {
  it('then each listing shows it exactly as GET /v1/claims/:id does', async () => {
    const [reviewed, flagged] = [second.claimIds[0]!, second.claimIds[1]!];
    const db = app.deps.db;
    await db.query(
      `update claim set status = 'flagged', priority = 'high', flag_reason = 'check "the" figure',
              flagged_at = '2026-03-04 05:06:07.891234+00', assignee_name = 'Ana', speaker_title = 'Governor',
              speaker_affiliation = 'State', via = '{Reuters}', hedges = '{reportedly}', checkworthy = 0.37
        where id = $1`,
      [flagged],
    );
    await db.query(
      `update claim set status = 'reviewed', verdict = 'mostly_false', verdict_note = 'Café, 5%',
              verdict_at = '2026-03-05 00:00:00.5+00', group_id = gen_random_uuid() where id = $1`,
      [reviewed],
    );
    const { rows } = await db.query<{ id: string }>(
      `insert into factcheck (url, claim_reviewed, verdict, published_at)
       values ('https://factcheck.example/1', 'the bridge', 'false', now()) returning id`,
    );
    await db.query(
      `insert into claim_match (claim_id, factcheck_id, state, score, model_version) values ($1, $2, 'confirmed', 0.9, 't')`,
      [reviewed, rows[0]!.id],
    );
    const one = async (id: string) => {
      const { provenance: _, ...claim } = (await app.request('GET', `/v1/claims/${id}`)).body;
      return claim;
    };
    const [asReviewed, asFlagged] = [await one(reviewed), await one(flagged)];
    expect(asReviewed.linked_verdict).toMatchObject({ verdict: 'false', source: 'factcheck' });
    expect(asReviewed.review).toMatchObject({ verdict_value: 2, verdict_at: '2026-03-05T00:00:00.500Z' });
    expect(asFlagged.review).toMatchObject({ priority: 'high', flagged_at: '2026-03-04T05:06:07.891Z' });

    // Both were stored in one statement (same created_at): the listing orders them by id.
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const listed = (await app.request('GET', `/v1/claims?article_id=${second.articleId}`)).body.items;
    expect(listed).toEqual([asReviewed, asFlagged].sort(byId));
    const ofArticle = (await app.request('GET', `/v1/articles/${second.articleId}/claims`)).body.items;
    expect(ofArticle).toEqual([asReviewed, asFlagged]);
    const queue = (await app.request('GET', '/v1/review-queue')).body.items;
    expect(queue).toEqual([asFlagged]);
  });
});
