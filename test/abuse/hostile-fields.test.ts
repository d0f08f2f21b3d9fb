import { gzipSync } from 'node:zlib';
import { freshClaim } from '../reviews/support';
import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const articleCount = async () => Number((await app.deps.db.query('select count(*) as n from article')).rows[0].n);

function expect400(r: { status: number; headers: Headers; body: { code?: string } }, code?: string) {
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  if (code) expect(r.body.code).toBe(code);
}

describe('when a path holds a bad percent-encoding', () => {
  it.each(['/v1/articles/%ZZ', '/v1/articles/%E0%A4%A/claims', '/v1/claims/%C0%AF', '/v1/imports/%'])(
    'when GET %s, then the answer is a 400 problem, not 500',
    async (path) => {
      expect400(await app.request('GET', path), 'invalid_path');
    },
  );
});

describe('when text holds NUL bytes, lone surrogates or invalid UTF-8', () => {
  const body = (raw: string) => `{"body": "The mayor said it ${raw} would rain.", "title": "t"}`;
  it.each([
    ['a NUL byte', body('\\u0000'), 'body', 'NUL'],
    ['a lone high surrogate', body('\\ud800'), 'body', 'surrogate'],
    ['a lone low surrogate', body('\\udc00 x'), 'body', 'surrogate'],
    ['a replacement character', body('\\ufffd'), 'body', 'U+FFFD'],
    ['a NUL in the title', '{"body": "The mayor said so.", "title": "a\\u0000b"}', 'title', 'NUL'],
  ])(
    'when an article has %s, then it is refused with the field and offset, and nothing is stored',
    async (_w, raw, field, what) => {
      const before = await articleCount();
      const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: raw });
      expect400(r, 'invalid_text');
      expect(r.body.errors[0]).toMatchObject({ in: 'body', path: field, offset: expect.any(Number) });
      expect(r.body.errors[0].message).toContain(what);
      expect(await articleCount()).toBe(before);
    },
  );

  it('when the offset is given, then it points at the bad character', async () => {
    const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: body('\\u0000') });
    expect(r.body.errors[0].offset).toBe('The mayor said it '.length);
  });

  it('when the body bytes are not valid UTF-8, then it is refused with the byte offset and nothing is stored', async () => {
    const before = await articleCount();
    const bytes = Buffer.concat([Buffer.from('{"body": "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: bytes,
      headers: { 'content-type': 'application/json' },
    });
    expect400(r, 'invalid_utf8');
    expect(r.body.offset).toBe(Buffer.byteLength('{"body": "caf'));
    expect(await articleCount()).toBe(before);
  });

  it('when a review note holds a NUL or a lone surrogate, then it is refused and the claim is unchanged', async () => {
    const id = await freshClaim(app);
    for (const note of ['"bad \\u0000 note"', '"bad \\ud83d note"']) {
      const r = await app.request('POST', `/v1/claims/${id}/flags`, {
        key: app.keys.editor,
        body: `{"reason": ${note}, "priority": "high"}`,
        headers: { 'if-match': '"1"' },
      });
      expect400(r, 'invalid_text');
      expect(r.body.errors[0]).toMatchObject({ path: 'reason', offset: 4 });
    }
    const claim = await app.request('GET', `/v1/claims/${id}`);
    expect(claim.body).toMatchObject({ status: 'unreviewed', version: 1 });
  });

  it('when evidence or a query parameter holds a NUL, then the answer is 400', async () => {
    const id = await freshClaim(app);
    const ev = await app.request('POST', `/v1/claims/${id}/evidence`, {
      key: app.keys.reviewer,
      body: '{"url": "https://example.org/x", "note": "a\\u0000"}',
    });
    expect400(ev, 'invalid_text');
    expect400(await app.request('GET', '/v1/review-queue?assignee=a%00b'), 'invalid_text');
  });
});

describe('when dates are out of range or odd', () => {
  it.each([
    '0000-01-01T00:00:00Z',
    '+300000-01-01T00:00:00Z',
    '300000-01-01T00:00:00Z',
    '2024-01-01T00:00:00+23:59',
    '2024-01-01T00:00:00+15:00',
    '2024-01-01T00:00:00 Europe/Nowhere',
    '2024-02-30T10:00:00Z',
    'yesterday',
    '2024-13-01',
  ])('when published_at is %s, then the article is refused with 400 naming the field', async (value) => {
    const before = await articleCount();
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: buildArticle({ published_at: value }),
    });
    expect400(r, 'validation_failed');
    expect(r.body.errors[0].path).toBe('published_at');
    expect(await articleCount()).toBe(before);
  });

  it('when published_at has an offset of +14:00 or -12:00, or microseconds, then it is accepted', async () => {
    for (const value of ['2024-08-20T10:00:00-12:00', '2024-08-20T10:00:00+14:00', '2024-08-20T10:00:00.123456Z']) {
      const r = await app.request('POST', '/v1/articles', {
        key: app.keys.editor,
        body: buildArticle({ published_at: value }),
      });
      expect(r.status).toBe(202);
    }
  });

  it.each(['0000-01-01T00:00:00Z', '2024-01-01T00:00:00+23:59'])(
    'when ClaimReviews are asked for since %s, then the answer is 400',
    async (since) => {
      expect400(await app.request('GET', `/v1/claimreviews?since=${encodeURIComponent(since)}`), 'invalid_query');
    },
  );
});

describe('when an id or cursor that reaches SQL is malformed', () => {
  const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  it.each([
    ['dashes in place of a uuid', cursor(['2024-01-01 00:00:00+00', '------------------------------------'])],
    [
      'a date Postgres cannot read',
      cursor(['Tue, 01 Jan 2019 00:00:00 GMT+0900 (x)', '00000000-0000-4000-8000-000000000000']),
    ],
    ['a year 0 date', cursor(['0000-01-01 00:00:00+00', '00000000-0000-4000-8000-000000000000'])],
    ['not an array', cursor({ a: 1 })],
  ])('when the claims cursor is %s, then the answer is 400 invalid_cursor', async (_w, c) => {
    expect400(await app.request('GET', `/v1/claims?cursor=${c}`), 'invalid_cursor');
  });
});

describe('when a body claims to be gzip but is not, or is cut short', () => {
  it('then the answer is 400 and nothing is stored', async () => {
    const before = await articleCount();
    const whole = gzipSync(JSON.stringify(buildArticle()));
    for (const bytes of [Buffer.from('{"body": "not gzip at all"}'), whole.subarray(0, whole.length - 12)]) {
      const r = await app.request('POST', '/v1/articles', {
        key: app.keys.editor,
        body: bytes,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      });
      expect400(r, 'invalid_content_encoding');
    }
    expect(await articleCount()).toBe(before);
  });

  it('when the gzip is whole, then the article is accepted', async () => {
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: gzipSync(JSON.stringify(buildArticle())),
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(r.status).toBe(202);
  });
});

describe('when a JSON body nests deeper than any real document', () => {
  it('then it is refused with 400 instead of being walked or stored unchecked', async () => {
    const deep = `${'['.repeat(100)}"\\u0000"${']'.repeat(100)}`;
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: `{"body": "x", "title": ${deep}}`,
    });
    expect400(r, 'invalid_text');
    expect(r.body.errors[0].message).toMatch(/nested more than 64 levels/);
  });
});
