import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('when calling the API without a valid key', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    ['an unknown key', 'Bearer ct_unknown'],
    ['an empty bearer', 'Bearer '],
  ])('when %s is sent, then the answer is 401 with WWW-Authenticate', async (_what, header) => {
    const r = await app.request('GET', '/v1/claims', { key: null, headers: header ? { authorization: header } : {} });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('unauthorized');
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('when nothing is sent to the health endpoints, then they answer anyway', async () => {
    expect((await app.request('GET', '/healthz', { key: null })).body).toEqual({ status: 'ok' });
    const ready = await app.request('GET', '/readyz', { key: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ postgres: 'ok', redis: 'ok' });
  });
});

describe('when each role uses the API', () => {
  it.each([
    ['admin', 202],
    ['editor', 202],
    ['importer', 202],
    ['reviewer', 403],
  ] as const)('when a %s posts an article, then the answer is %i', async (role, status) => {
    const r = await app.request('POST', '/v1/articles', { key: app.keys[role], body: buildArticle() });
    expect(r.status).toBe(status);
    if (status === 403) expect(r.body).toMatchObject({ code: 'forbidden', role: 'reviewer' });
  });

  it.each(['admin', 'editor', 'importer', 'reviewer'] as const)('when a %s reads claims, then it may', async (role) => {
    expect((await app.request('GET', '/v1/claims', { key: app.keys[role] })).status).toBe(200);
  });

  it('when keys are stored, then only their hashes are in the database', async () => {
    const { rows } = await app.deps.db.query<{ key_hash: string; prefix: string }>(
      'select key_hash, prefix from api_key',
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const stored = JSON.stringify(rows);
    for (const key of Object.values(app.keys)) expect(stored).not.toContain(key);
  });
});
