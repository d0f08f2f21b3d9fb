import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
const ids: Record<string, string> = {};

async function post(name: string, overrides: Record<string, unknown>) {
  const r = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: buildArticle(overrides) });
  expect(r.status).toBe(202);
  ids[name] = r.body.id;
}

beforeAll(async () => {
  app = await startTestApp();
  // Posted one after the other, so "newest first" is this order reversed.
  await post('budget', {
    title: 'Council passes the budget',
    publisher: 'The Example Times',
    published_at: '2026-11-01T09:00:00Z',
  });
  await post('harbour', {
    title: 'Harbour traffic doubles',
    publisher: 'Harbour Gazette',
    published_at: '2026-11-15T09:00:00Z',
    body: 'Cargo volumes doubled at the harbour, the harbour master said on Friday.',
  });
  await post('schools', {
    title: 'Forty new schools',
    publisher: 'The Example Times',
    published_at: '2026-11-20T09:00:00Z',
  });
});
afterAll(() => app.close());

const list = async (query: string) => {
  const r = await app.request('GET', `/v1/articles${query}`, { key: app.keys.reviewer });
  expect(r.status).toBe(200);
  return r.body as {
    items: { id: string; title: string; claim_count: number; status: string }[];
    next_cursor: string | null;
  };
};

describe('when a newsroom lists its articles', () => {
  it('when no filter is given, then articles come newest first with title, publisher, status and claim count', async () => {
    const page = await list('');
    expect(page.items.map((a) => a.id)).toEqual([ids.schools, ids.harbour, ids.budget]);
    expect(page.items[0]).toMatchObject({
      title: 'Forty new schools',
      publisher: 'The Example Times',
      published_at: '2026-11-20T09:00:00.000Z',
      status: 'queued',
      claim_count: 0,
    });
    expect(page.items[0]).not.toHaveProperty('body');
    expect(page.next_cursor).toBeNull();
  });

  it('when following next_cursor, then every article comes exactly once', async () => {
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual([ids.schools, ids.harbour, ids.budget]);
    expect(second.next_cursor).toBeNull();
  });

  it('when filtering by words, publisher, status or publication date, then only those articles come', async () => {
    expect((await list('?q=harbour')).items.map((a) => a.id)).toEqual([ids.harbour]);
    expect((await list('?publisher=the%20example%20times')).items.map((a) => a.id)).toEqual([ids.schools, ids.budget]);
    expect((await list('?publisher=%25')).items).toEqual([]);
    expect((await list('?status=extracted')).items).toEqual([]);
    expect((await list('?from=2026-11-10&to=2026-11-18')).items.map((a) => a.id)).toEqual([ids.harbour]);
    // A date alone includes that whole day.
    expect((await list('?from=2026-11-15&to=2026-11-15')).items.map((a) => a.id)).toEqual([ids.harbour]);
  });

  it('when a filter is malformed, then the answer is 400 naming it', async () => {
    const bad = await app.request('GET', '/v1/articles?from=yesterday', { key: app.keys.reviewer });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('from');
    const cursor = await app.request('GET', '/v1/articles?cursor=nonsense', { key: app.keys.reviewer });
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('invalid_cursor');
  });
});

describe('when the browser asks for a workspace address', () => {
  it('then the server answers the workspace page for every client route, with a CSP that does not upgrade to https', async () => {
    for (const path of [
      '/',
      '/articles',
      `/articles/${ids.harbour}`,
      '/claims/x',
      '/search?q=tax',
      '/speakers/y',
      '/keys',
    ]) {
      const r = await app.request('GET', path, { key: null });
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
      expect(r.text).toContain('<div id="app"></div>');
      expect(r.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    }
    const script = await app.request('GET', '/app.js', { key: null });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // API paths stay API paths.
    expect((await app.request('GET', '/v1/nothing-here')).status).toBe(404);
  });
});
