import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({}, { log: createLogger('info', sink) });
  app.startWorker();
});
afterAll(() => app.close());

describe('when an article is followed from the HTTP request through the worker', () => {
  it("then the request id appears in the request's log line and in the worker's job line, and no key or body is logged", async () => {
    const article = buildArticle();
    const posted = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: article,
      headers: { 'x-request-id': 'trace-me-123' },
    });
    expect(posted.headers.get('x-request-id')).toBe('trace-me-123');
    await eventually(
      async () => (await app.request('GET', `/v1/articles/${posted.body.id}`)).body.status === 'extracted',
    );
    const http = await eventually(async () => lines.find((l) => l.reqId === 'trace-me-123' && l.req));
    expect(http).toMatchObject({ req: { method: 'POST', url: '/v1/articles' }, res: { status: 202 } });
    const job = await eventually(async () => lines.find((l) => l.reqId === 'trace-me-123' && l.msg === 'job done'));
    expect(job).toMatchObject({ job: 'ArticleExtract' });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(app.keys.editor);
    expect(all).not.toContain('40 new schools');
  });
});

describe('when Prometheus scrapes /metrics', () => {
  it('then only an admin key may read it', async () => {
    expect((await app.request('GET', '/metrics', { key: null })).status).toBe(401);
    expect((await app.request('GET', '/metrics', { key: app.keys.editor })).status).toBe(403);
  });

  it('then after a job ran, the HTTP, queue, job, extraction, claim, article and pool metrics are there', async () => {
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: buildArticle() });
    await eventually(
      async () => (await app.request('GET', `/v1/articles/${posted.body.id}`)).body.status === 'extracted',
    );
    const r = await app.request('GET', '/metrics', { key: app.keys.admin });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/plain/);
    for (const name of [
      'claimtrack_http_request_duration_seconds_bucket{',
      'claimtrack_queue_jobs{queue="article-extract",state="waiting"}',
      'claimtrack_job_duration_seconds_count{job="ArticleExtract",outcome="done"}',
      'claimtrack_extraction_duration_seconds_count',
      'claimtrack_claims_extracted_total{speaker_type=',
      'claimtrack_articles{status="extracted"}',
      'claimtrack_pg_pool_connections{state="total"}',
      'claimtrack_process_resident_memory_bytes',
    ]) {
      expect(r.text).toContain(name);
    }
    expect(r.text).toMatch(
      /claimtrack_http_request_duration_seconds_count\{route="\/v1\/articles",method="POST",status="202"\} \d+/,
    );
  });
});

describe('when a browser calls the API', () => {
  it('then security headers are set and the queue dashboard is admin-only', async () => {
    const r = await app.request('GET', '/v1/claims');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await app.request('GET', '/admin/queues', { key: app.keys.reviewer })).status).toBe(403);
    const board = await app.request('GET', '/admin/queues', { key: app.keys.admin });
    expect(board.status).toBe(200);
    expect(board.text).toMatch(/<html/i);
  });
});
