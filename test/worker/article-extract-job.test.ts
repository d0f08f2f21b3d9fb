import { extractArticle } from '../../src/articles/extract';
import { extractClaims } from '../../src/extraction';
import { jobIds } from '../../src/jobs';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ EXTRACT_ATTEMPTS: '2' });
  app.startWorker();
});
afterAll(() => app.close());

async function storeArticle(): Promise<string> {
  const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: buildArticle() });
  return r.body.id;
}
const claimsOf = async (id: string) =>
  (
    await app.deps.db.query<{ id: string; claim_key: string }>(
      'select id, claim_key from claim where article_id = $1 order by id',
      [id],
    )
  ).rows;
const statusOf = async (id: string) => (await app.request('GET', `/v1/articles/${id}`)).body;
const opts = { leaseSeconds: 60, finalAttempt: false };

describe('when an ArticleExtract job goes through Redis', () => {
  it('then the worker writes the claims and the extracted status to Postgres', async () => {
    const id = await storeArticle();
    const done = await eventually(async () => (await statusOf(id)).status === 'extracted' && statusOf(id));
    const claims = await claimsOf(id);
    expect(claims.length).toBeGreaterThan(0);
    expect(done.claim_count).toBe(claims.length);
    expect(done.extractor_version).toEqual(expect.any(String));
  });

  it('when the same job runs again, then the claims are the same rows, not copies', async () => {
    const id = await storeArticle();
    await eventually(async () => (await statusOf(id)).status === 'extracted');
    const before = await claimsOf(id);
    // A retried or duplicated job: the finished article is skipped.
    await expect(extractArticle(app.deps, id, opts)).resolves.toMatchObject({ skipped: true });
    // A forced second real run (as after an extractor upgrade) upserts onto the same rows.
    await app.deps.db.query("update article set status = 'queued', extractor_version = 'older' where id = $1", [id]);
    await expect(extractArticle(app.deps, id, opts)).resolves.toMatchObject({ skipped: false });
    expect(await claimsOf(id)).toEqual(before);
  });

  it('when two runs of one article race, then the claims are written once', async () => {
    const id = await storeArticle();
    await eventually(async () => (await statusOf(id)).status === 'extracted');
    const before = await claimsOf(id);
    await app.deps.db.query("update article set status = 'queued', extractor_version = 'older' where id = $1", [id]);
    await Promise.all([
      extractArticle(app.deps, id, opts),
      extractArticle(app.deps, id, opts),
      extractArticle(app.deps, id, opts),
    ]);
    expect(await claimsOf(id)).toEqual(before);
    expect((await statusOf(id)).claim_count).toBe(before.length);
  });

  it('when a job payload has the wrong shape, then it fails once without retries', async () => {
    const queue = app.deps.producer.queue('ArticleExtract');
    await queue.add('ArticleExtract', { articleId: 'nope' } as never, { jobId: 'bad-shape', attempts: 3 });
    await eventually(async () => (await queue.getJobState('bad-shape')) === 'failed');
    // Read the job after it failed: a copy fetched earlier would show the attempt count of that moment.
    const job = (await queue.getJob('bad-shape'))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/invalid ArticleExtract payload/);
  });

  it('when writing the claims fails on every attempt, then the article ends failed with its error', async () => {
    const body = buildArticle();
    await app.deps.db.query('alter table claim add constraint claim_always_fails check (false) not valid');
    try {
      const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body });
      const failed = await eventually(
        async () => (await statusOf(r.body.id)).status === 'failed' && statusOf(r.body.id),
        20_000,
      );
      expect(failed.error).toMatch(/claim_always_fails/);
      expect(await claimsOf(r.body.id)).toEqual([]);
      const job = await app.deps.producer.queue('ArticleExtract').getJob(jobIds.articleExtract(r.body.id));
      expect(job?.attemptsMade).toBe(2);
    } finally {
      await app.deps.db.query('alter table claim drop constraint claim_always_fails');
    }
  });
});

describe('when an article is extracted for the first time', () => {
  // Stored straight into Postgres, so no job is enqueued and only the calls below extract it.
  async function storeQueuedArticle(): Promise<string> {
    const a = buildArticle();
    const { rows } = await app.deps.db.query<{ id: string }>(
      `insert into article (url, title, body, content_hash) values ($1, $2, $3, md5($3)) returning id`,
      [a.url, a.title, a.body],
    );
    return rows[0]!.id;
  }

  it('when three runs race, then exactly one writes and the claims exist once', async () => {
    const id = await storeQueuedArticle();
    const outcomes = await Promise.all([1, 2, 3].map(() => extractArticle(app.deps, id, opts)));
    expect(outcomes.filter((o) => !o.skipped)).toHaveLength(1);
    const claims = await claimsOf(id);
    expect(claims.length).toBeGreaterThan(0);
    expect(new Set(claims.map((c) => c.claim_key)).size).toBe(claims.length);
    expect((await statusOf(id)).claim_count).toBe(claims.length);
  });

  it('then the stored claims are exactly what the extractor returns, relay and hedges included', async () => {
    const body =
      'An unnamed official told local media that the border would reopen in May. ' +
      'The two leaders are said to have met twice, reportedly in Geneva.';
    const { rows } = await app.deps.db.query<{ id: string }>(
      `insert into article (url, title, body, content_hash) values ($1, 'Relay', $2, md5($2)) returning id`,
      [`https://news.example/relay-${Date.now()}`, body],
    );
    const id = rows[0]!.id;
    await extractArticle(app.deps, id, opts);
    const expected = extractClaims(body);
    expect(expected.some((c) => c.via.length > 0) && expected.some((c) => c.hedges.length > 0)).toBe(true);
    const stored = await app.deps.db.query(
      'select text, via, hedges, content_spans, source_spans, cue_spans from claim where article_id = $1 order by position',
      [id],
    );
    expect(stored.rows).toEqual(
      expected.map((c) => ({
        text: c.text,
        via: c.via,
        hedges: c.hedges,
        content_spans: c.spans.content,
        source_spans: c.spans.source,
        cue_spans: c.spans.cue,
      })),
    );
  });

  it('when stray claims already exist, then the full path replaces them instead of adding to them', async () => {
    const id = await storeQueuedArticle();
    await app.deps.db.query(
      `insert into claim (article_id, claim_key, position, text, kind, speaker_type, speaker_anonymous, checkworthy, confidence,
                          content_spans, source_spans, cue_spans, extractor_name, extractor_version)
       values ($1, 'stray', 0, 'The council approved the budget', 'indirect', 'unknown', true, 0.5, 0.5,
               '[[4, 34]]', '[]', '[]', 'test', 'test')`,
      [id],
    );
    await expect(extractArticle(app.deps, id, opts)).resolves.toMatchObject({ skipped: false });
    const keys = (await claimsOf(id)).map((c) => c.claim_key);
    expect(keys).not.toContain('stray');
    expect(keys.length).toBe((await statusOf(id)).claim_count);
  });
});
