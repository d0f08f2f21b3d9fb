import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const articleCount = async () => Number((await app.deps.db.query('select count(*) as n from article')).rows[0].n);

function expectProblem(
  r: { status: number; headers: Headers; body: { code?: string; status?: number } },
  status: number,
  code: string,
) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, code });
}

describe('when a request to POST /v1/articles is malformed', () => {
  it.each([
    ['the JSON is broken', '{"body": "x",', 400, 'malformed_json'],
    ['the body is empty', '', 400, 'missing_body'],
    ['a field has the wrong type', JSON.stringify({ body: 42 }), 400, 'validation_failed'],
    ['an unknown field is sent', JSON.stringify({ body: 'Text.', colour: 'red' }), 400, 'validation_failed'],
    ['the body is only whitespace', JSON.stringify({ body: '   \n ' }), 400, 'validation_failed'],
    ['the url is not a URL', JSON.stringify({ body: 'Text.', url: 'not a url' }), 400, 'validation_failed'],
    ['a JSON array is sent', JSON.stringify([{ body: 'Text.' }]), 400, 'validation_failed'],
  ])('when %s, then it is refused as problem+json and nothing is stored', async (_what, raw, status, code) => {
    const before = await articleCount();
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: raw,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(r, status, code);
    expect(r.body.detail).toEqual(expect.any(String));
    expect(await articleCount()).toBe(before);
  });

  it('when a field is invalid, then the problem names it', async () => {
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: 'Text.', published_at: 'yesterday' },
    });
    expectProblem(r, 400, 'validation_failed');
    expect(r.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'published_at' })]));
  });

  it('when the body is not JSON, then the answer is 415', async () => {
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: 'body=x',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(r, 415, 'unsupported_media_type');
  });

  it('when the body is over 2 MB, then the answer is 413 and nothing is stored', async () => {
    const before = await articleCount();
    const r = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: 'x'.repeat(2_200_000) },
    });
    expectProblem(r, 413, 'payload_too_large');
    expect(await articleCount()).toBe(before);
  });
});

describe('when an id in a path is bad or unknown', () => {
  it.each(['/v1/articles/not-a-uuid', '/v1/articles/123/claims', '/v1/claims/%27%20or%201=1'])(
    'when GET %s, then the answer is 400, not 500',
    async (path) => {
      expectProblem(await app.request('GET', path), 400, 'invalid_path_parameter');
    },
  );

  it.each([
    '/v1/articles/00000000-0000-4000-8000-000000000000',
    '/v1/articles/00000000-0000-4000-8000-000000000000/claims',
    '/v1/claims/00000000-0000-4000-8000-000000000000',
  ])('when GET %s, then the answer is 404', async (path) => {
    expectProblem(await app.request('GET', path), 404, 'not_found');
  });

  it('when the route does not exist, then the answer is a 404 problem', async () => {
    expectProblem(await app.request('GET', '/v1/nothing-here'), 404, 'route_not_found');
  });
});

describe('when the same article is posted again', () => {
  it('when the URL is known, then the existing article is returned and no row is added', async () => {
    const first = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: buildArticle({ url: 'https://news.example/same' }),
    });
    const before = await articleCount();
    const again = await app.request('POST', '/v1/articles', {
      key: app.keys.importer,
      body: buildArticle({ url: 'https://news.example/same' }),
    });
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect(await articleCount()).toBe(before);
  });

  it('when the body is identical (without a URL), then the existing article is returned', async () => {
    const { body } = buildArticle();
    const first = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: { body } });
    const again = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: `${body.replace(/\n/g, '\r\n')}\n` },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('when the article is new, then GET shows it queued with its metadata', async () => {
    const input = buildArticle({ published_at: '2024-08-20T10:00:00+08:00', author: 'Jane Doe' });
    const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: input });
    expect(posted.headers.get('location')).toBe(`/v1/articles/${posted.body.id}`);
    const got = await app.request('GET', `/v1/articles/${posted.body.id}`, { key: app.keys.reviewer });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      id: posted.body.id,
      url: input.url,
      title: input.title,
      author: 'Jane Doe',
      body: input.body,
      claim_count: 0,
      error: null,
    });
    expect(got.body.published_at).toBe('2024-08-20T02:00:00.000Z');
  });
});
