import { eventually, startTestApp, type TestApp } from '../support/app';
import { type Instance, startSecondInstance } from '../support/second-instance';

let app: TestApp;
let other: Instance;
beforeAll(async () => {
  app = await startTestApp();
  other = await startSecondInstance(app);
});
afterAll(async () => {
  await other.close();
  await app.close();
});

const create = async (role: string, name: string) => {
  const r = await app.request('POST', '/v1/keys', { body: { role, name } });
  expect(r.status).toBe(201);
  return r.body as { id: string; key: string; prefix: string; role: string; name: string };
};

describe('when an admin manages keys over the API', () => {
  it('then a created key is shown once, works, and is listed without its secret', async () => {
    const created = await create('reviewer', 'desk laptop');
    expect(created).toMatchObject({ role: 'reviewer', name: 'desk laptop', prefix: created.key.slice(0, 8) });
    expect((await app.request('GET', '/v1/me', { key: created.key })).body).toMatchObject({ id: created.id });

    const listed = await app.request('GET', '/v1/keys');
    expect(listed.status).toBe(200);
    expect(Object.keys(listed.body.items[0]).sort()).toEqual(
      ['created_at', 'id', 'last_used_at', 'name', 'prefix', 'revoked_at', 'role'].sort(),
    );
    expect(listed.body.items[0]).toMatchObject({
      id: created.id,
      name: 'desk laptop',
      role: 'reviewer',
      prefix: created.prefix,
      revoked_at: null,
    });
    expect(listed.text).not.toContain(created.key);
  });

  it('when a key is used, then last_used_at shows it, written at most once a minute', async () => {
    const created = await create('editor', 'cms');
    expect((await app.request('GET', '/v1/keys')).body.items[0].last_used_at).toBeNull();
    for (let i = 0; i < 5; i++) await app.request('GET', '/v1/claims', { key: created.key });
    const used = await eventually(async () => {
      const { rows } = await app.deps.db.query('select last_used_at from api_key where id = $1', [created.id]);
      return rows[0].last_used_at as Date | null;
    });
    for (let i = 0; i < 5; i++) await app.request('GET', '/v1/claims', { key: created.key });
    const { rows } = await app.deps.db.query('select last_used_at from api_key where id = $1', [created.id]);
    expect(rows[0].last_used_at).toEqual(used);
  });

  it('when the list is longer than a page, then next_cursor walks it without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { items: { id: string }[]; next_cursor: string | null } } = await app.request(
        'GET',
        `/v1/keys?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...r.body.items.map((k) => k.id));
      cursor = r.body.next_cursor;
    } while (cursor);
    const { rows } = await app.deps.db.query('select count(*)::int as n from api_key');
    expect(new Set(seen).size).toBe(rows[0].n);
    expect(seen).toHaveLength(rows[0].n);
  });

  it('when a non-admin asks, then 403', async () => {
    expect((await app.request('GET', '/v1/keys', { key: app.keys.editor })).status).toBe(403);
    expect(
      (await app.request('POST', '/v1/keys', { key: app.keys.editor, body: { role: 'admin', name: 'me' } })).status,
    ).toBe(403);
  });
});

describe('when a key is revoked or rotated on one API process', () => {
  it('then another process that just accepted it refuses it at once', async () => {
    const created = await create('editor', 'leaked');
    expect((await other.request('/v1/claims', created.key)).status).toBe(200);
    expect((await app.request('GET', '/v1/claims', { key: created.key })).status).toBe(200);

    const revoked = await app.request('POST', `/v1/keys/${created.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));
    // Pub/sub reaches the other process within a round trip; no cache TTL to wait out.
    await eventually(async () => (await other.request('/v1/claims', created.key)).status === 401, 1000, 10);
    expect((await app.request('GET', '/v1/claims', { key: created.key })).status).toBe(401);
  });

  it('then a rotated key is replaced by a working one with the same name and role', async () => {
    const created = await create('importer', 'feed bot');
    expect((await other.request('/v1/claims', created.key)).status).toBe(200);
    const rotated = await app.request('POST', `/v1/keys/${created.id}/rotate`);
    expect(rotated.status).toBe(201);
    expect(rotated.body).toMatchObject({ name: 'feed bot', role: 'importer', revoked_at: null });
    expect(rotated.body.key).not.toBe(created.key);
    expect((await other.request('/v1/claims', rotated.body.key)).status).toBe(200);
    await eventually(async () => (await other.request('/v1/claims', created.key)).status === 401, 1000, 10);
    const again = await app.request('POST', `/v1/keys/${created.id}/rotate`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('key_revoked');
  });

  it('when the key does not exist, then 404', async () => {
    const r = await app.request('POST', '/v1/keys/00000000-0000-4000-8000-000000000000/revoke');
    expect(r.status).toBe(404);
  });
});
