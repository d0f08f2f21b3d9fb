import { startTestApp, type TestApp } from '../support/app';
import { CANDIDATES } from '../../src/search/repository';
import { insertArticle, resolveThroughWorker } from '../speakers/support';

let app: TestApp;
let budget: { articleId: string; claimIds: string[] };
let energy: { articleId: string; claimIds: string[] };
let factcheckId: string;
let robertaId: string;

/** Ids of the hits of a search, in order. */
async function hits(query: string): Promise<string[]> {
  const r = await app.request('GET', `/v1/search?${query}`, { key: app.keys.reviewer });
  expect(r.status).toBe(200);
  return r.body.items.map((i: { id: string }) => i.id);
}

beforeAll(async () => {
  app = await startTestApp();
  app.startWorker();
  budget = await insertArticle(
    app,
    [
      { content: 'taxes would fall by 3% next year', speaker: { name: 'Roberta Kline', type: 'official' } },
      { content: 'taxes on fuel would not fall', speaker: { name: 'Omar Haddad', type: 'expert' } },
    ],
    { publisher: 'Harbour Herald', published_at: '2026-02-10T09:00:00Z', title: 'Budget day' },
  );
  energy = await insertArticle(
    app,
    [
      { content: 'renewable power doubled since 2020', speaker: { name: 'Roberta Kline', type: 'official' } },
      {
        content: 'the renovation of the grid is overdue',
        speaker: { name: 'a grid engineer', type: 'expert', anonymous: true },
      },
    ],
    { publisher: 'Valley Post', published_at: '2026-05-20T09:00:00Z', title: 'Energy week' },
  );
  await resolveThroughWorker(app, [budget.articleId, energy.articleId]);
  robertaId = (await app.request('GET', `/v1/claims/${budget.claimIds[0]}`)).body.speaker.id;
  await app.deps.db.query(`update claim set status = 'reviewed', verdict = 'false' where id = $1`, [
    budget.claimIds[1],
  ]);
  const fc = await app.deps.db.query<{ id: string }>(
    `insert into factcheck (url, claim_reviewed, verdict, rating_name, author_org, published_at)
     values ('https://checks.example/1', 'Renewable power doubled in five years', 'mostly_true', 'Mostly True', 'CheckOrg', '2026-04-01')
     returning id`,
  );
  factcheckId = fc.rows[0]!.id;
});
afterAll(() => app.close());

describe('when searching claims, articles and fact-checks', () => {
  it('when searching words, then claims, their article and fact-checks come back with highlighted snippets', async () => {
    const r = await app.request('GET', '/v1/search?q=renewable%20power');
    expect(r.status).toBe(200);
    const types = r.body.items.map((i: { type: string }) => i.type).sort();
    expect(types).toEqual(['article', 'claim', 'factcheck']);
    for (const item of r.body.items) {
      expect(item.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of item.highlights) {
        expect(item.snippet.slice(start, end).toLowerCase()).toMatch(/renewable|power/);
      }
    }
    const claim = r.body.items.find((i: { type: string }) => i.type === 'claim');
    expect(claim.claim).toMatchObject({
      id: energy.claimIds[0],
      article_id: energy.articleId,
      speaker: { id: robertaId, name: 'Roberta Kline', type: 'official' },
      status: 'unreviewed',
    });
    const factcheck = r.body.items.find((i: { type: string }) => i.type === 'factcheck');
    expect(factcheck.factcheck).toMatchObject({ id: factcheckId, verdict: 'mostly_true', author_org: 'CheckOrg' });
  });

  it('when searching a "phrase", then only texts with those words in that order match', async () => {
    expect(await hits('q=%22taxes%20would%20fall%22&types=claim')).toEqual([budget.claimIds[0]]);
    expect((await hits('q=taxes%20fall&types=claim')).sort()).toEqual([...budget.claimIds].sort());
  });

  it('when searching a prefix*, then every word starting with it matches', async () => {
    expect((await hits('q=ren*&types=claim')).sort()).toEqual([...energy.claimIds].sort());
    expect(await hits('q=ren*%20grid&types=claim')).toEqual([energy.claimIds[1]]);
    expect(await hits('q=ren*%20-grid&types=claim')).toEqual([energy.claimIds[0]]);
    expect(await hits('q=-ren*%20overdue&types=claim')).toEqual([]);
    expect((await hits('q=renov*%20or%20%22would%20fall%20by%22&types=claim')).sort()).toEqual(
      [budget.claimIds[0], energy.claimIds[1]].sort(),
    );
  });

  it('when filtering by speaker or speaker type, then only those claims come back', async () => {
    expect((await hits(`q=ren*%20OR%20taxes&speaker_id=${robertaId}`)).sort()).toEqual(
      [budget.claimIds[0], energy.claimIds[0]].sort(),
    );
    expect((await hits('q=ren*%20OR%20taxes&speaker_type=expert')).sort()).toEqual(
      [budget.claimIds[1], energy.claimIds[1]].sort(),
    );
  });

  it('when filtering by status or verdict, then claims (and fact-checks for a verdict) with it come back', async () => {
    expect(await hits('q=taxes&status=reviewed')).toEqual([budget.claimIds[1]]);
    expect(await hits('q=taxes&verdict=false')).toEqual([budget.claimIds[1]]);
    expect(await hits('q=renewable&verdict=mostly_true')).toEqual([factcheckId]);
    expect((await hits('q=taxes&status=extracted')).sort()).toEqual([budget.articleId]);
  });

  it('when filtering by publisher or dates, then only what was published there and then comes back', async () => {
    expect(await hits('q=renewable&publisher=Valley%20Post&types=article,claim')).toHaveLength(2);
    expect(await hits('q=renewable&publisher=CheckOrg')).toEqual([factcheckId]);
    expect(await hits('q=taxes&publisher=Valley%20Post')).toEqual([]);
    expect((await hits('q=renewable&from=2026-03-01&to=2026-04-30')).sort()).toEqual([factcheckId]);
    expect((await hits('q=renewable&to=2026-04-01')).sort()).toEqual([factcheckId]);
    expect((await hits('q=renewable&from=2026-05-20&types=claim')).sort()).toEqual([energy.claimIds[0]]);
  });

  it('when a query has only stop words, then nothing matches', async () => {
    expect(await hits('q=the%20of')).toEqual([]);
  });
});

describe('when paging through many hits', () => {
  it('when following next_cursor, then every hit comes exactly once, best first', async () => {
    const many = [];
    for (let i = 0; i < 9; i++) {
      const words = Array.from({ length: i + 1 }, () => 'harbour').join(' ');
      many.push(
        insertArticle(app, [
          { content: `the ${words} dredging will cost more`, speaker: { name: 'Lena Park', type: 'official' } },
          { content: `harbour fees will rise ${i}`, speaker: { name: 'Lena Park', type: 'official' } },
        ]),
      );
    }
    await Promise.all(many);
    const all = await app.request('GET', '/v1/search?q=harbour&limit=100');
    const seen: { id: string; score: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await app.request('GET', `/v1/search?q=harbour&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items);
      cursor = r.body.next_cursor;
      pages++;
    } while (cursor && pages < 50);
    expect(all.body.next_cursor).toBeNull();
    expect(all.body.items.length).toBeGreaterThanOrEqual(27);
    expect(seen.map((h) => h.id)).toEqual(all.body.items.map((h: { id: string }) => h.id));
    expect(new Set(seen.map((h) => h.id)).size).toBe(seen.length);
    const scores = seen.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('when a word matches more claims than are ranked', () => {
  it('when paging through them, then the newest CANDIDATES (as of the first page) are ranked and each comes once', async () => {
    const specs = Array.from({ length: CANDIDATES + 20 }, (_, i) => ({
      content: `the zebra crossing number ${i} will be repainted`,
      speaker: { name: 'Ines Costa', type: 'official' as const },
    }));
    const { articleId, claimIds } = await insertArticle(app, specs);
    // Later positions were written later, so the first 20 claims are the oldest.
    await app.deps.db.query(
      `update claim set created_at = now() - (10000 - position) * interval '1 second' where article_id = $1`,
      [articleId],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await app.request('GET', `/v1/search?q=zebra&types=claim&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      cursor = r.body.next_cursor;
      // Claims written while paging do not push earlier candidates out of the later pages.
      if (pages === 0) await insertArticle(app, [{ content: 'a zebra escaped', speaker: { name: 'Ines Costa' } }]);
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(claimIds.slice(claimIds.length - CANDIDATES).sort());
    const fresh = await app.request('GET', '/v1/search?q=zebra%20escaped&types=claim');
    expect(fresh.body.items).toHaveLength(1);
  });
});

describe('when a cursor was issued before cursors remembered their first page', () => {
  it('when following it, then the next page comes as before', async () => {
    const first = await app.request('GET', '/v1/search?q=harbour&limit=4');
    const last = first.body.items[3];
    const old = Buffer.from(JSON.stringify([last.score, last.id])).toString('base64url');
    const next = await app.request('GET', `/v1/search?q=harbour&limit=4&cursor=${old}`);
    const current = await app.request('GET', `/v1/search?q=harbour&limit=4&cursor=${first.body.next_cursor}`);
    expect(next.status).toBe(200);
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual(
      current.body.items.map((i: { id: string }) => i.id),
    );
  });
});

describe('when the query string is wrong', () => {
  it.each([
    ['no q', 'types=claim', 'invalid_query'],
    ['an unknown type', 'q=tax&types=tweet', 'invalid_query'],
    ['a malformed speaker id', 'q=tax&speaker_id=42', 'invalid_query'],
    ['an unknown verdict', 'q=tax&verdict=pants_on_fire', 'invalid_query'],
    ['a date that is not one', 'q=tax&from=yesterday', 'invalid_query'],
    ['from after to', 'q=tax&from=2026-05-01&to=2026-04-01', 'invalid_query'],
    ['a limit over 100', 'q=tax&limit=1000', 'invalid_query'],
    ['an unknown parameter', 'q=tax&sort=new', 'invalid_query'],
    ['a forged cursor', 'q=tax&cursor=bm90LWEtY3Vyc29y', 'invalid_cursor'],
  ])('when sending %s, then 400 with a problem', async (_, query, code) => {
    const r = await app.request('GET', `/v1/search?${query}`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe(code);
  });
});
