import { buildArticle } from '../support/factories';
import { startTestApp, type TestApp } from '../support/app';
import { ensureImportSchema, ndjson, postImport, waitFinished, warmExtractor } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
  warmExtractor();
  app.startWorker(4);
});
afterAll(() => app.close());

/** 1,000 lines: 900 new articles, 40 repeats (20 by URL, 20 by body), 50 bad lines, 10 blank lines. */
function feed() {
  const articles = Array.from({ length: 900 }, () => buildArticle());
  const lines: unknown[] = [...articles];
  for (let i = 0; i < 20; i++) lines.splice(100 + i * 40, 0, { ...buildArticle(), url: articles[i]?.url });
  for (let i = 0; i < 20; i++)
    lines.splice(120 + i * 40, 0, { ...articles[i + 30], url: `https://other.example/${i}` });
  const bad = ['{not json', '[]', '{"title":"no body"}', '{"body":"   "}', '{"body":"x","url":"ftp://x"}'];
  for (let i = 0; i < 50; i++) lines.splice(5 + i * 19, 0, bad[i % bad.length]);
  for (let i = 0; i < 10; i++) lines.splice(3 + i * 97, 0, '');
  return { text: ndjson(lines), lines };
}

describe('when an importer sends a 1,000-line feed with duplicates and bad lines', () => {
  it('then the counts are exact, bad lines are reported by number, and every new article is extracted', async () => {
    const { text, lines } = feed();
    expect(lines).toHaveLength(1000);
    const posted = await postImport(app, text);
    expect(posted.status).toBe(202);
    expect(posted.headers.get('location')).toBe(`/v1/imports/${posted.body.id}`);
    expect(posted.body.totals).toMatchObject({ received: 990, duplicate: 40, invalid: 50, queued: 900 });

    const done = await waitFinished(app, posted.body.id, 60_000);
    expect(done.totals).toMatchObject({
      received: 990,
      duplicate: 40,
      invalid: 50,
      queued: 900,
      extracted: 900,
      failed: 0,
      pending: 0,
    });
    expect(done.claims).toBeGreaterThanOrEqual(900);
    expect(done.finished_at).not.toBeNull();
    expect(done.errors).toHaveLength(50);
    const firstBad = lines.indexOf('{not json') + 1;
    expect(done.errors[0]).toEqual({ line: firstBad, problem: expect.stringMatching(/^not valid JSON/) });
    expect(done.errors.map((e: { problem: string }) => e.problem).join('\n')).toMatch(/body: must contain text/);
  });

  it('then sending the same feed again creates no new article, and the same Idempotency-Key returns the first import', async () => {
    const { text } = feed();
    const first = await postImport(app, text, { headers: { 'idempotency-key': 'feed-2026-11-23' } });
    expect(first.status).toBe(202);
    const again = await postImport(app, text);
    expect(again.status).toBe(202);
    expect(again.body.totals).toMatchObject({ received: 990, duplicate: 940, invalid: 50, queued: 0 });
    const replay = await postImport(app, text, { headers: { 'idempotency-key': 'feed-2026-11-23' } });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const { rows } = await app.deps.db.query('select count(*)::int as n from article where import_id = $1', [
      again.body.id,
    ]);
    expect(rows[0].n).toBe(0);
  });
});

describe('when the feed is a JSON array', () => {
  it('then each element is validated on its own like a line', async () => {
    const items = [buildArticle(), { title: 'no body' }, buildArticle()];
    const r = await app.request('POST', '/v1/imports', { key: app.keys.importer, body: items });
    expect(r.status).toBe(202);
    expect(r.body.totals).toMatchObject({ received: 3, invalid: 1, queued: 2 });
    expect(r.body.errors[0]).toMatchObject({ line: 2 });
  });
});

describe('when someone without the importer role imports', () => {
  it('then a reviewer gets 403 and an unknown content type gets 415', async () => {
    expect((await postImport(app, ndjson([buildArticle()]), { key: app.keys.reviewer })).status).toBe(403);
    const r = await postImport(app, 'hello', { headers: { 'content-type': 'text/plain' } });
    expect(r.status).toBe(415);
  });
});

describe('when a client follows an import over server-sent events', () => {
  it('then it gets progress events and one finished event with the final totals', async () => {
    const posted = await postImport(app, ndjson(Array.from({ length: 30 }, () => buildArticle())));
    const res = await fetch(`${app.url}/v1/imports/${posted.body.id}/events`, {
      headers: { authorization: `Bearer ${app.keys.reviewer}` },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    const finished = text.split('\n\n').find((e) => e.includes('event: finished'));
    expect(finished).toBeDefined();
    const data = JSON.parse(
      finished
        ?.split('\n')
        .find((l) => l.startsWith('data: '))
        ?.slice(6) ?? '{}',
    );
    expect(data.totals).toMatchObject({ queued: 30, extracted: 30 });
  });
});
