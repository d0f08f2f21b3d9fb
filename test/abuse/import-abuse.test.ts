import http from 'node:http';
import { stopUploadsInProgress } from '../../src/imports/lifecycle';
import { reconcileOnce } from '../../src/reconciler/reconcile';
import { ndjson, postImport } from '../imports/support';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
let otherImporter: string;
beforeAll(async () => {
  // A small BODY_LIMIT keeps the over-long line of the test small: a line may be one article, no more.
  app = await startTestApp({ BODY_LIMIT: '256kb' });
  const { createApiKey } = await import('../../src/auth/keys');
  otherImporter = (await createApiKey(app.deps.db, 'importer', 'second importer')).key;
});
afterAll(() => app.close());

const importRow = async (id: string) => (await app.deps.db.query('select * from import where id = $1', [id])).rows[0];

/** Reads an import's event stream to its end; returns the names of its events. */
async function eventNames(id: string): Promise<string[]> {
  const res = await fetch(`${app.url}/v1/imports/${id}/events`, {
    headers: { authorization: `Bearer ${app.keys.reviewer}` },
  });
  const text = await res.text();
  return [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]!);
}

describe('when single lines of a feed are hostile', () => {
  it('then each is counted invalid with its line number, and every other line is stored', async () => {
    const good = Array.from({ length: 8 }, () => buildArticle());
    const lines: unknown[] = [
      good[0],
      '{"body": "The mayor said \\ud800 it."}',
      good[1],
      JSON.stringify(buildArticle({ published_at: '0000-01-01T00:00:00Z' })),
      good[2],
      JSON.stringify(buildArticle({ published_at: '2024-01-01T10:00:00+23:59' })),
      good[3],
      '\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000 gzip bytes sent as text',
      good[4],
      `{"body": "${'x'.repeat(300_000)}"}`,
      good[5],
      '{"body": "NUL \\u0000 inside"}',
      good[6],
    ];
    const text = ndjson(lines);
    // A line of bytes that are not UTF-8 (line 14), then a last good line.
    const bytes = Buffer.concat([
      Buffer.from(text),
      Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      Buffer.from(ndjson([good[7]])),
    ]);
    const res = await fetch(`${app.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.keys.importer}`, 'content-type': 'application/x-ndjson' },
      body: bytes,
    });
    // biome-ignore lint/suspicious/noExplicitAny: the import summary as JSON
    const body = (await res.json()) as any;
    expect(res.status).toBe(202);
    expect(body.totals).toMatchObject({ received: 15, invalid: 7, queued: 8 });
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    const problems = body.errors.map((e: { problem: string }) => e.problem);
    expect(problems[0]).toMatch(/body: contains a lone surrogate .* at offset 15/);
    expect(problems[1]).toMatch(/published_at/);
    expect(problems[2]).toMatch(/published_at/);
    expect(problems[3]).toMatch(/^not valid (JSON|UTF-8)/);
    expect(problems[4]).toMatch(/longer than 262144 bytes/);
    expect(problems[5]).toMatch(/NUL/);
    expect(problems[6]).toMatch(/not valid UTF-8 \(byte 6 of the line\)/);
    expect(body.status).toBe('processing');
    const { rows } = await app.deps.db.query(
      `select count(*)::int as n from article where import_id = $1 and (body like '%' || chr(65533) || '%')`,
      [body.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

/** Starts an NDJSON upload that the test controls: write lines, then end or cut it. */
function openUpload(key: string, idempotencyKey: string) {
  const req = http.request(`${app.url}/v1/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': idempotencyKey,
    },
  });
  req.on('error', () => {});
  return req;
}

/** Sends `text` without ending the upload; resolves once its first batch of 500 lines is stored. */
async function uploadUntilStored(idempotencyKey: string, text: string) {
  const upload = openUpload(app.keys.importer, idempotencyKey);
  upload.write(text);
  const id = await eventually(async () => {
    const { rows } = await app.deps.db.query('select id from import where idempotency_key = $1 and received >= 500', [
      idempotencyKey,
    ]);
    return rows[0]?.id as string | undefined;
  });
  return { upload, id };
}

describe('when an upload breaks off', () => {
  it('then the import ends partial, visibly, its event stream ends, and the same key and feed resume it', async () => {
    const feed = Array.from({ length: 700 }, () => buildArticle());
    const text = ndjson(feed);
    const cutAt = text.split('\n').slice(0, 620).join('\n').length + 1;
    // 620 whole lines, then half of one.
    const { upload, id } = await uploadUntilStored('cut-feed', text.slice(0, cutAt + 40));
    upload.destroy();
    const stopped = await eventually(async () => {
      const r = await app.request('GET', `/v1/imports/${id}`);
      return r.body.status === 'partial' && r.body;
    });
    expect(stopped.totals).toMatchObject({ received: 620, queued: 620 });
    expect(stopped.failure).toMatch(/broke off/);
    expect(await eventNames(id)).toContain('partial');

    const resumed = await postImport(app, text, { headers: { 'idempotency-key': 'cut-feed' } });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ id, status: 'processing', failure: null });
    expect(resumed.body.totals).toMatchObject({ received: 700, duplicate: 0, invalid: 0, queued: 700 });
    const { rows } = await app.deps.db.query('select count(*)::int as n from article where import_id = $1', [id]);
    expect(rows[0].n).toBe(700);
  });

  it('when a resume sends another feed, then it is refused with 422 and the import stays as it was', async () => {
    const { upload, id } = await uploadUntilStored(
      'cut-twice',
      ndjson(Array.from({ length: 510 }, () => buildArticle())),
    );
    upload.destroy();
    await eventually(async () => (await importRow(id)).status === 'partial');
    const other = await postImport(app, ndjson(Array.from({ length: 600 }, () => buildArticle())), {
      headers: { 'idempotency-key': 'cut-twice' },
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await importRow(id)).toMatchObject({ status: 'partial', received: 510 });
  });

  it('when the process reading it died (no heartbeat for a minute), then readers see it stopped and its stream ends', async () => {
    const { rows } = await app.deps.db.query(
      `insert into import (idempotency_key, key_id, status, heartbeat_at)
       values ('killed-feed', (select id from api_key where name = 'test importer'), 'receiving', now() - interval '5 minutes')
       returning id`,
    );
    const id = rows[0].id;
    const r = await app.request('GET', `/v1/imports/${id}`);
    expect(r.body).toMatchObject({ status: 'failed', failure: expect.stringMatching(/upload stopped/) });
    expect(await eventNames(id)).toEqual(['failed']);
    const resumed = await postImport(app, ndjson([buildArticle()]), { headers: { 'idempotency-key': 'killed-feed' } });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ id, status: 'processing', totals: { queued: 1 } });
  });

  it('when the API process shuts down mid-upload, then the import shows stopped at once', async () => {
    const { upload, id } = await uploadUntilStored(
      'shutdown-feed',
      ndjson(Array.from({ length: 505 }, () => buildArticle())),
    );
    await stopUploadsInProgress(app.deps.db);
    expect(await importRow(id)).toMatchObject({ status: 'partial', failure: expect.stringMatching(/shut down/) });
    upload.destroy();
  });

  it('when nobody reads it, then the reconcile pass marks it stopped, keeping what it stored', async () => {
    const { rows } = await app.deps.db.query(
      `insert into import (idempotency_key, key_id, status, heartbeat_at, received, queued)
       values ('killed-unread', (select id from api_key where name = 'test importer'), 'receiving',
               now() - interval '5 minutes', 3, 3)
       returning id`,
    );
    await reconcileOnce(app.deps);
    expect(await importRow(rows[0].id)).toMatchObject({
      status: 'partial',
      failure: expect.stringMatching(/upload stopped/),
    });
  });

  it('when the feed is over the size limit, then the import ends partial with what was read, not receiving', async () => {
    const small = await startTestApp({ IMPORT_MAX_MB: '1' });
    try {
      const lines = Array.from({ length: 4000 }, () => buildArticle());
      // Streamed without a Content-Length, so the limit is found while reading.
      const r = await new Promise<{ status: number; body: { import_id: string } }>((resolve, reject) => {
        const req = http.request(`${small.url}/v1/imports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${small.keys.importer}`, 'content-type': 'application/x-ndjson' },
        });
        req.on('error', reject);
        req.on('response', async (res) => {
          let text = '';
          for await (const c of res) text += c;
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        });
        req.write(ndjson(lines));
        req.end();
      });
      expect(r.status).toBe(413);
      const row = (await small.deps.db.query('select * from import where id = $1', [r.body.import_id])).rows[0];
      expect(row).toMatchObject({ status: 'partial' });
      expect(row.failure).toMatch(/exceeds the limit/);
    } finally {
      await small.close();
    }
  });
});

describe('when Idempotency-Keys meet', () => {
  it('then another importer reusing a key gets its own import, and the same key with another feed is 422', async () => {
    const feedA = ndjson([buildArticle(), buildArticle()]);
    const first = await postImport(app, feedA, { headers: { 'idempotency-key': 'nightly' } });
    const theirs = await postImport(app, ndjson([buildArticle()]), {
      key: otherImporter,
      headers: { 'idempotency-key': 'nightly' },
    });
    expect(first.status).toBe(202);
    expect(theirs.status).toBe(202);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(theirs.body.totals.queued).toBe(1);

    const replay = await postImport(app, feedA, { headers: { 'idempotency-key': 'nightly' } });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    const changed = await postImport(app, ndjson([buildArticle()]), { headers: { 'idempotency-key': 'nightly' } });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency_key_reused');
  });
});
