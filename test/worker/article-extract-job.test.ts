import { extractArticle } from '../../src/articles/extract';
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
  (await app.deps.db.query<{ id: string; claim_key: string }>('select id, claim_key from claim where article_id = $1 order by id', [id])).rows;
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
    await Promise.all([extractArticle(app.deps, id, opts), extractArticle(app.deps, id, opts), extractArticle(app.deps, id, opts)]);
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
      const failed = await eventually(async () => (await statusOf(r.body.id)).status === 'failed' && statusOf(r.body.id), 20_000);
      expect(failed.error).toMatch(/claim_always_fails/);
      expect(await claimsOf(r.body.id)).toEqual([]);
      const job = await app.deps.producer.queue('ArticleExtract').getJob(jobIds.articleExtract(r.body.id));
      expect(job?.attemptsMade).toBe(2);
    } finally {
      await app.deps.db.query('alter table claim drop constraint claim_always_fails');
    }
  });
});
