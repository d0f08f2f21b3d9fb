import { enqueueExtraction } from '../../src/articles/service';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { ensureImportSchema, ndjson, postImport, waitFinished, warmExtractor } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
  warmExtractor();
  app.startWorker();
});
afterAll(() => app.close());

/** What the article rows themselves say, the truth the recorded progress must equal. */
async function fromRows(importId: string) {
  const { rows } = await app.deps.db.query(
    `select count(*) filter (where status = 'extracted')::int as extracted, count(*) filter (where status = 'failed')::int as failed,
            count(*) filter (where status in ('queued', 'processing'))::int as pending,
            coalesce(sum(claim_count) filter (where status = 'extracted'), 0)::int as claims
       from article where import_id = $1`,
    [importId],
  );
  return rows[0];
}

describe('when the articles of a finished import are extracted again by a newer extractor', () => {
  it('then the import totals and claims follow their rows through the change and after it', async () => {
    const posted = await postImport(app, ndjson(Array.from({ length: 30 }, () => buildArticle())));
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;
    const done = await waitFinished(app, id);
    const first = await fromRows(id);
    expect({ ...done.totals, claims: done.claims }).toMatchObject({ ...first, queued: 30 });
    expect(first.claims).toBeGreaterThan(0);

    // As after an extractor upgrade: the rows were extracted by an older version, and their claims differ.
    const { rows } = await app.deps.db.query(
      `update article set extractor_version = 'older', claim_count = claim_count + 1 where import_id = $1 returning id`,
      [id],
    );
    const stale = await app.request('GET', `/v1/imports/${id}`);
    expect(stale.body.claims).toBe(first.claims + 30);
    await enqueueExtraction(
      app.deps,
      rows.map((r) => r.id),
    );

    await eventually(async () => {
      const left = await app.deps.db.query(
        `select 1 from article where import_id = $1 and (extractor_version = 'older' or status <> 'extracted')`,
        [id],
      );
      return left.rowCount === 0;
    }, 30_000);
    const again = await app.request('GET', `/v1/imports/${id}`);
    expect({ ...again.body.totals, claims: again.body.claims }).toMatchObject({ ...(await fromRows(id)), queued: 30 });
    expect(again.body.claims).toBe(first.claims);
  });
});
