import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5', CORS_ORIGIN: 'https://newsroom.example' });
});
afterAll(() => app.close());

describe('when one key sends more requests than its limit', () => {
  it('then it gets 429 problem responses with RateLimit headers, while another key is unaffected', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestApp['request']>> | undefined;
    for (let i = 0; i < 7; i++) {
      last = await app.request('GET', '/v1/claims', { key: app.keys.reviewer });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(last!.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(last!.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('ratelimit-policy')).toMatch(/^5;w=60/);
    expect((await app.request('GET', '/v1/claims', { key: app.keys.editor })).status).toBe(200);
  });

  it('then health checks are never limited', async () => {
    for (let i = 0; i < 8; i++) expect((await app.request('GET', '/healthz', { key: null })).status).toBe(200);
  });
});

describe('when a configured origin calls the API from a browser', () => {
  it('then CORS allows it and exposes the ETag; other origins get no CORS headers', async () => {
    const ok = await app.request('OPTIONS', '/v1/claims', {
      key: null,
      headers: {
        origin: 'https://newsroom.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'if-match',
      },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
    const get = await app.request('GET', '/healthz', { key: null, headers: { origin: 'https://newsroom.example' } });
    expect(get.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await app.request('GET', '/healthz', { key: null, headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
