import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { refuseToStore } from '../support/faults';
import { ensureImportSchema, ndjson, postImport, waitFinished, warmExtractor } from './support';

let app: TestApp;
let removeFault: () => Promise<void>;
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
  warmExtractor();
  removeFault = await refuseToStore(app.deps.db, 'POISON');
  app.startWorker();
});
afterAll(() => app.close());

describe('when an article keeps failing to extract', () => {
  it('then it is retried, listed as failed, and retry-failed recovers it once the fault is gone', async () => {
    const poisoned = buildArticle();
    poisoned.body += '\nPOISON';
    const posted = await postImport(app, ndjson([buildArticle(), poisoned, buildArticle()]));
    expect(posted.status).toBe(202);
    const id = posted.body.id as string;

    const done = await waitFinished(app, id);
    expect(done.totals).toMatchObject({ queued: 3, extracted: 2, failed: 1 });
    const failures = await app.request('GET', `/v1/imports/${id}/failures`, { key: app.keys.reviewer });
    expect(failures.status).toBe(200);
    expect(failures.body.items).toHaveLength(1);
    expect(failures.body.items[0]).toMatchObject({
      url: poisoned.url,
      attempts: 2,
      error: expect.stringContaining('poisoned article refused'),
    });

    expect((await app.request('POST', `/v1/imports/${id}/retry-failed`, { key: app.keys.reviewer })).status).toBe(403);
    await removeFault();
    const retried = await app.request('POST', `/v1/imports/${id}/retry-failed`, { key: app.keys.importer });
    expect(retried.status).toBe(202);
    expect(retried.body.retried).toBe(1);

    const again = await waitFinished(app, id);
    expect(again.totals).toMatchObject({ queued: 3, extracted: 3, failed: 0 });
    expect((await app.request('GET', `/v1/imports/${id}/failures`)).body.items).toEqual([]);
  });
});
