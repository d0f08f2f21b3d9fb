import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'loopback' });
});
afterAll(() => app.close());

const signIn = (key: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/admin/queues/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ key }).toString(),
  });
const open = (cookie?: string) =>
  fetch(`${app.url}/admin/queues`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
const sessionCookie = (r: Response) => (r.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('when someone opens the queue dashboard in a browser', () => {
  it('when they have no session, then they get a sign-in page, not JSON', async () => {
    const r = await open();
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    expect(html).toMatch(/<form method="post" action="\/admin\/queues\/login"/);
    expect(html).toMatch(/<input id="key" name="key" type="password"/);
  });

  it('when an admin signs in, then the cookie holds a session id (not the key) and opens the dashboard', async () => {
    const r = await signIn(app.keys.admin);
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/admin/queues');
    const setCookie = r.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^claimtrack_admin=[A-Za-z0-9_-]{43}; Path=\/admin; HttpOnly; SameSite=Strict/);
    expect(setCookie).not.toContain(app.keys.admin);
    expect(setCookie).not.toContain(encodeURIComponent(app.keys.admin));
    expect(setCookie).not.toMatch(/Secure/);
    const board = await open(sessionCookie(r));
    expect(board.status).toBe(200);
    expect(await board.text()).toMatch(/<html/i);
  });

  it('when the request came over HTTPS through a trusted proxy, then the cookie is Secure', async () => {
    const r = await signIn(app.keys.admin, { 'x-forwarded-proto': 'https' });
    expect(r.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('when the key is not an admin key or is unknown, then the sign-in page says so', async () => {
    const reviewer = await signIn(app.keys.reviewer);
    expect(reviewer.status).toBe(403);
    expect(await reviewer.text()).toMatch(/not an admin key/);
    const unknown = await signIn('ct_nonsense');
    expect(unknown.status).toBe(401);
    expect(reviewer.headers.get('set-cookie')).toBeNull();
  });

  it('when the admin key is revoked, then its sessions stop working', async () => {
    const created = await app.request('POST', '/v1/keys', { body: { role: 'admin', name: 'ops laptop' } });
    const cookie = sessionCookie(await signIn(created.body.key));
    expect((await open(cookie)).status).toBe(200);
    await app.request('POST', `/v1/keys/${created.body.id}/revoke`);
    expect((await open(cookie)).status).toBe(401);
  });

  it("then the page's web font is allowed by the dashboard's Content-Security-Policy", async () => {
    const r = await open(sessionCookie(await signIn(app.keys.admin)));
    const html = await r.text();
    const font = /href="(https:\/\/fonts\.googleapis\.com\/[^"]+)"/.exec(html)?.[1];
    expect(font).toBeDefined();
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toMatch(/style-src [^;]*https:\/\/fonts\.googleapis\.com/);
    expect(csp).toMatch(/font-src [^;]*https:\/\/fonts\.gstatic\.com/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
  });
});
