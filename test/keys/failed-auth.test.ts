import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '5' });
});
afterAll(() => app.close());

const wellFormedUnknown = () => `ct_${randomBytes(32).toString('base64url')}`;
const get = (authorization: string, path = '/v1/claims') =>
  app.request('GET', path, { key: null, headers: { authorization } });

/** Queries the app's pool runs while `fn` runs: each key lookup is one. */
async function queriesDuring(fn: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(app.deps.db, 'query');
  try {
    await fn();
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}

describe('when a client keeps sending bad keys', () => {
  it('then malformed keys cost no database lookup, and past the limit the address gets 429', async () => {
    const statuses: number[] = [];
    const queries = await queriesDuring(async () => {
      for (const header of [
        'Bearer ct_short',
        'Bearer x',
        'Basic dXNlcjpwYXNz',
        'Bearer ct_unknown',
        'Bearer ' + 'a'.repeat(500),
      ]) {
        statuses.push((await get(header)).status);
      }
    });
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(queries.filter((q) => q.includes('api_key'))).toEqual([]);

    const more = [];
    for (let i = 0; i < 3; i++) more.push(await get(`Bearer ${wellFormedUnknown()}`));
    expect(more.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(more[0]!.body.code).toBe('too_many_failed_authentications');
    expect(Number(more[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('then once limited, unknown keys from that address are not even looked up', async () => {
    const queries = await queriesDuring(async () => {
      for (let i = 0; i < 10; i++) expect((await get(`Bearer ${wellFormedUnknown()}`)).status).toBe(429);
    });
    expect(queries.filter((q) => q.includes('api_key'))).toEqual([]);
  });

  it('then health probes still answer, whatever Authorization header they carry', async () => {
    for (const header of ['Bearer nonsense', 'Basic abc', `Bearer ${wellFormedUnknown()}`]) {
      expect((await get(header, '/healthz')).status).toBe(200);
      expect((await get(header, '/readyz')).status).toBe(200);
    }
  });
});
