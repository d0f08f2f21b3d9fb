import express from 'express';
import { relaxedSecurityHeaders, securityHeaders } from '../../src/server/middleware';
import { fixedHeaders } from '../../src/server/fixed-headers';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ CORS_ORIGIN: 'https://newsroom.example' });
});
afterAll(() => app.close());

/** The headers helmet itself sets on a response, run per request in a bare express app. */
async function helmetHeaders(middleware: express.RequestHandler): Promise<Record<string, string>> {
  const bare = express()
    .use(middleware)
    .get('/', (_req, res) => {
      res.send('x');
    });
  const server = bare.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`);
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (/^(content-security|cross-origin|origin-agent|referrer|strict-transport|x-)/.test(name)) out[name] = value;
    });
    return out;
  } finally {
    server.close();
  }
}

describe('when the API answers, with helmet computed once at start', () => {
  it('then a listing carries exactly the security headers helmet sets per request', async () => {
    const expected = await helmetHeaders(securityHeaders());
    expect(expected['content-security-policy']).toBeDefined();
    const res = await app.request('GET', '/v1/claims', { key: app.keys.reviewer });
    for (const [name, value] of Object.entries(expected)) expect([name, res.headers.get(name)]).toEqual([name, value]);
    const docs = await app.request('GET', '/docs/', { key: null });
    const relaxed = await helmetHeaders(relaxedSecurityHeaders());
    expect(docs.headers.get('content-security-policy')).toBe(relaxed['content-security-policy']);
  });

  it('then a middleware that does not answer at once is refused rather than misapplied', () => {
    expect(() => fixedHeaders((_req, _res, _next) => undefined)).toThrow(/did not call next/);
  });
});

describe('when a request carries no Origin header', () => {
  it('then it gets Vary: Origin and no CORS headers; with the configured origin it gets them', async () => {
    const plain = await app.request('GET', '/v1/claims', { key: app.keys.reviewer });
    expect(plain.headers.get('vary')).toMatch(/Origin/);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    expect(plain.headers.get('access-control-expose-headers')).toBeNull();
    const browser = await app.request('GET', '/v1/claims', {
      key: app.keys.reviewer,
      headers: { origin: 'https://newsroom.example' },
    });
    expect(browser.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
    expect(browser.headers.get('vary')).toMatch(/Origin/);
  });
});

describe('when a listing is answered', () => {
  it('then no ETag is computed over its body', async () => {
    const list = await app.request('GET', '/v1/claims', { key: app.keys.reviewer });
    expect(list.status).toBe(200);
    expect(list.headers.get('etag')).toBeNull();
  });
});
