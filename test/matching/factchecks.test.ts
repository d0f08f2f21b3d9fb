import { startTestApp, type TestApp } from '../support/app';
import { claimReview, factcheckCount, postFeed } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('when a newsroom imports a ClaimReview feed', () => {
  it('when the same feed comes twice, then each fact-check is stored once and the second import stores nothing', async () => {
    const feed = [claimReview(), claimReview({ reviewRating: { alternateName: 'Pants on Fire!' } })];
    const before = await factcheckCount(app);
    const first = await postFeed(app, feed);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 2, stored: 2, updated: 0, invalid: 0, errors: [] });
    const again = await postFeed(app, feed);
    expect(again.body).toMatchObject({ received: 2, stored: 0, updated: 0 });
    expect(await factcheckCount(app)).toBe(before + 2);
  });

  it('when a known URL comes with a new rating, then it is updated in place, with the verdict mapped', async () => {
    const review = claimReview();
    await postFeed(app, [review]);
    const changed = { ...review, reviewRating: { ratingValue: 3, bestRating: 5, worstRating: 1 } };
    expect((await postFeed(app, [changed])).body).toMatchObject({ stored: 0, updated: 1 });
    const { rows } = await app.deps.db.query('select id from factcheck where url = $1', [review.url]);
    const got = await app.request('GET', `/v1/factchecks/${rows[0].id}`, { key: app.keys.reviewer });
    expect(got.body).toMatchObject({
      url: review.url,
      claim_reviewed: review.claimReviewed,
      verdict: 'mixed',
      rating: { value: 3, best: 5, worst: 1, name: null },
      author_org: 'Example Checks',
      claimant: 'Pat Doe',
      appearance_url: 'https://video.example/watch/1',
    });
  });

  it('when rating names are ones publishers use, then they map onto the verdict scale; unknown ones map to none', async () => {
    const names: [string, string | null][] = [
      ['Mostly False', 'mostly_false'],
      ['Half True', 'mixed'],
      ['Misleading', 'misleading'],
      ['Pants on Fire', 'false'],
      ['Spicy', null],
    ];
    const feed = names.map(([name]) => claimReview({ reviewRating: { alternateName: name } }));
    await postFeed(app, feed);
    const { rows } = await app.deps.db.query('select url, verdict from factcheck where url = any($1)', [
      feed.map((f) => f.url),
    ]);
    const byUrl = new Map(rows.map((r) => [r.url, r.verdict]));
    expect(feed.map((f) => byUrl.get(f.url))).toEqual(names.map(([, v]) => v));
  });

  it('when one object or an array is sent as JSON-LD, then it is taken like a feed', async () => {
    const one = await app.request('POST', '/v1/factchecks', {
      key: app.keys.editor,
      body: claimReview(),
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(one.body).toMatchObject({ received: 1, stored: 1 });
    const many = await app.request('POST', '/v1/factchecks', {
      key: app.keys.admin,
      body: [claimReview(), claimReview()],
    });
    expect(many.body).toMatchObject({ received: 2, stored: 2 });
  });

  it('when records are bad, then 400 lists the problems by line and nothing of the feed is stored', async () => {
    const before = await factcheckCount(app);
    const good = claimReview();
    const r = await app.request('POST', '/v1/factchecks', {
      key: app.keys.editor,
      body: `${JSON.stringify(good)}\n{"url": "not a url", "claimReviewed": "x"}\n{oops\n${JSON.stringify({ url: 'https://a.example/1' })}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect(r.body).toMatchObject({ code: 'invalid_factchecks', received: 4, invalid: 3 });
    expect(r.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
    expect(r.body.errors[0].problem).toMatch(/url/);
    expect(r.body.errors[2].problem).toMatch(/claimReviewed/);
    expect(await factcheckCount(app)).toBe(before);
  });

  it('when a reviewer or importer imports, then 403; when the fact-check does not exist, then 404', async () => {
    expect((await postFeed(app, [claimReview()], app.keys.reviewer)).status).toBe(403);
    expect((await postFeed(app, [claimReview()], app.keys.importer)).status).toBe(403);
    expect((await app.request('GET', '/v1/factchecks/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
