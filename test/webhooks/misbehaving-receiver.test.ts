import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhook } from '../../src/webhooks/service';
import { flag, freshClaim } from '../reviews/support';
import { startTestApp, type TestApp } from '../support/app';

// No worker runs here: each delivery job is run by the test, so no background attempt races it.
let app: TestApp;
const SECRET = 'a-very-long-shared-secret';
beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1/32', WEBHOOK_TIMEOUT_MS: '1500' });
});
afterAll(() => app.close());

/** A webhook to `url` and one pending delivery to it; the worker's job is run here, directly. */
async function pendingDeliveryTo(url: string): Promise<string> {
  const created = await app.request('POST', '/v1/webhooks', { body: { url, secret: SECRET } });
  expect(created.status).toBe(201);
  const claimId = await freshClaim(app);
  // Only this webhook is active, so the flag's delivery is the one we inspect.
  await app.deps.db.query('update webhook set active = (id = $1)', [created.body.id]);
  await flag(app, claimId, app.keys.editor, 1);
  const { rows } = await app.deps.db.query<{ id: string }>('select id from webhook_delivery where webhook_id = $1', [
    created.body.id,
  ]);
  await app.deps.db.query('update webhook set active = false');
  return rows[0]!.id;
}

async function listen(handler: http.RequestListener): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

describe('when a receiver misbehaves', () => {
  it('when it redirects elsewhere, then the redirect is not followed and the attempt fails', async () => {
    let followed = 0;
    const target = await listen((_req, res) => {
      followed++;
      res.end();
    });
    const redirecting = await listen((_req, res) => {
      res.writeHead(307, { location: target.url }).end();
    });
    const id = await pendingDeliveryTo(redirecting.url);
    await expect(deliverWebhook(app.deps, id, false)).rejects.toThrow(/307/);
    expect(followed).toBe(0);
    const r = await app.deps.db.query('select last_status_code, last_error from webhook_delivery where id = $1', [id]);
    expect(r.rows[0]).toEqual({ last_status_code: 307, last_error: expect.stringMatching(/not followed/) });
    target.server.close();
    redirecting.server.close();
  });

  it('when it answers with an endless body, then the delivery completes after reading a bounded part', async () => {
    let sent = 0;
    const endless = await listen((_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (!res.destroyed && sent < 1024 ** 3 && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const id = await pendingDeliveryTo(endless.url);
    await expect(deliverWebhook(app.deps, id, false)).resolves.toEqual({ skipped: false });
    expect(sent).toBeLessThan(64 * 1024 ** 2);
    endless.server.closeAllConnections();
    endless.server.close();
  });

  it('when it never answers, then the attempt is cut at WEBHOOK_TIMEOUT_MS and recorded', async () => {
    const silent = await listen(() => {});
    const id = await pendingDeliveryTo(silent.url);
    await expect(deliverWebhook(app.deps, id, false)).rejects.toThrow(/no answer within 1500 ms/);
    silent.server.closeAllConnections();
    silent.server.close();
  });
});
