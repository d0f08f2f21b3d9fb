import { contentHash } from '../../src/articles/service';
import { jobIds } from '../../src/jobs';
import { reconcileOnce } from '../../src/reconciler/reconcile';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** An article stored while the queue was unreachable: in Postgres, `queued`, with no job anywhere. */
async function strandedArticle(status: 'queued' | 'processing'): Promise<string> {
  const a = buildArticle();
  const { rows } = await app.deps.db.query(
    `insert into article (url, title, body, content_hash, status, updated_at, lease_until)
     values ($1, $2, $3, $4, $5, now() - interval '1 minute', now() - interval '1 second') returning id`,
    [a.url, a.title, a.body, contentHash(a.body), status],
  );
  return rows[0].id;
}

describe("when an import's articles wait in their batch job", () => {
  it('then a reconcile pass leaves them to it, and once the batch job is gone it enqueues that batch again', async () => {
    const ids = [await strandedArticle('queued'), await strandedArticle('queued')];
    const batchJob = jobIds.articleExtractBatch(ids[0]!);
    await app.deps.db.query('update article set extract_job = $2 where id = any($1::uuid[])', [ids, batchJob]);
    await app.deps.producer.enqueueBulk('ArticleExtractBatch', [{ payload: { articleIds: ids }, jobId: batchJob }]);
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 0, failed: 0 });

    // Redis lost the batch job: its never-leased articles go back into it, not into a job each.
    await app.deps.producer.queue('ArticleExtractBatch').remove(batchJob);
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 2, failed: 0 });
    const job = await app.deps.producer.queue('ArticleExtractBatch').getJob(batchJob);
    expect([...job!.data.articleIds].sort()).toEqual([...ids].sort());
    const single = app.deps.producer.queue('ArticleExtract');
    for (const id of ids) expect(await single.getJob(jobIds.articleExtract(id))).toBeUndefined();
    await app.deps.producer.queue('ArticleExtractBatch').remove(batchJob);
    await app.deps.db.query("update article set status = 'extracted' where id = any($1::uuid[])", [ids]);
  });

  it('then an article its lost batch had leased gets a job of its own, so it cannot take its batch down again', async () => {
    const leased = await strandedArticle('processing');
    const waiting = await strandedArticle('queued');
    const batchJob = jobIds.articleExtractBatch(leased);
    await app.deps.db.query('update article set extract_job = $2 where id = any($1::uuid[])', [
      [leased, waiting],
      batchJob,
    ]);
    await app.deps.db.query('update article set attempts = 1 where id = $1', [leased]);
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 2, failed: 0 });
    const single = app.deps.producer.queue('ArticleExtract');
    expect(await single.getJob(jobIds.articleExtract(leased))).toBeDefined();
    expect(await single.getJob(jobIds.articleExtract(waiting))).toBeUndefined();
    const job = await app.deps.producer.queue('ArticleExtractBatch').getJob(batchJob);
    expect(job!.data.articleIds).toEqual([waiting]);
    await single.remove(jobIds.articleExtract(leased));
    await app.deps.producer.queue('ArticleExtractBatch').remove(batchJob);
    await app.deps.db.query("update article set status = 'extracted' where id = any($1::uuid[])", [[leased, waiting]]);
  });
});

describe('when articles are in Postgres but their jobs are gone', () => {
  it('then one reconcile pass enqueues each exactly once and a worker extracts them', async () => {
    const queued = await strandedArticle('queued');
    const abandoned = await strandedArticle('processing');
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 2, failed: 0 });
    // Their jobs are now waiting: a second pass finds nothing missing.
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 0, failed: 0 });

    app.startWorker();
    for (const id of [queued, abandoned]) {
      await eventually(async () => (await app.request('GET', `/v1/articles/${id}`)).body.status === 'extracted');
    }
    expect(await reconcileOnce(app.deps)).toEqual({ enqueued: 0, failed: 0 });
  });
});
