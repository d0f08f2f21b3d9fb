import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { flag, freshClaim, move } from '../reviews/support';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let app: TestApp;
let receiver: http.Server;
let receiverUrl: string;
const received: Received[] = [];
let answers: number[] = [];
const SECRET = 'a-very-long-shared-secret';

beforeAll(async () => {
  // The receivers run on this machine: the allow-list lets webhooks reach loopback, as a self-hosted setup would.
  app = await startTestApp({
    WEBHOOK_BACKOFF_MS: '100',
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1/32',
    WEBHOOK_TIMEOUT_MS: '1500',
  });
  app.startWorker();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('when a webhook is registered', () => {
  it('when a non-admin registers one, then 403; when the URL is not http(s), then 400', async () => {
    expect(
      (await app.request('POST', '/v1/webhooks', { key: app.keys.editor, body: { url: receiverUrl, secret: SECRET } }))
        .status,
    ).toBe(403);
    expect(
      (await app.request('POST', '/v1/webhooks', { body: { url: 'ftp://x.example', secret: SECRET } })).status,
    ).toBe(400);
  });

  it('then every status change is delivered, signed, retried after a 500, and recorded', async () => {
    const created = await app.request('POST', '/v1/webhooks', { body: { url: receiverUrl, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('secret');
    const hookId = created.body.id;

    answers = [500];
    const id = await freshClaim(app);
    await flag(app, id, app.keys.editor, 1);
    await move(app, id, app.keys.reviewer, 2, { to: 'in_review' });
    await move(app, id, app.keys.reviewer, 3, { to: 'reviewed', verdict: 'true', note: 'confirmed' });

    const deliveries = await eventually(async () => {
      const r = await app.request('GET', `/v1/webhooks/${hookId}/deliveries`);
      return (
        r.body.items.length === 3 &&
        r.body.items.every((d: { status: string }) => d.status === 'delivered') &&
        r.body.items
      );
    }, 20_000);
    expect(deliveries.map((d: { event_type: string }) => d.event_type).sort()).toEqual([
      'claim.status_changed',
      'claim.status_changed',
      'claim.verdict',
    ]);
    expect(Math.max(...deliveries.map((d: { attempts: number }) => d.attempts))).toBeGreaterThanOrEqual(2);

    // 3 events, one of them answered 500 first: 4 requests in all, each signed per Standard Webhooks.
    expect(received).toHaveLength(4);
    const verifier = new Webhook(SECRET, { format: 'raw' });
    for (const r of received) {
      expect(() => verifier.verify(r.body, r.headers as Record<string, string>)).not.toThrow();
      expect(r.headers['webhook-id']).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    }
    // The retry carries the same webhook-id, so a receiver can drop a duplicate.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(3);
    // A delivery captured and replayed later no longer verifies: the signed timestamp is too old.
    const stale = { ...received[0]!.headers, 'webhook-timestamp': String(Math.floor(Date.now() / 1000) - 3600) };
    expect(() => verifier.verify(received[0]!.body, stale as unknown as Record<string, string>)).toThrow();
    const verdict = received.map((r) => JSON.parse(r.body)).find((p) => p.event === 'claim.verdict');
    expect(verdict).toMatchObject({
      from: 'in_review',
      to: 'reviewed',
      verdict: 'true',
      note: 'confirmed',
      claim: { id },
      actor: { role: 'reviewer' },
    });

    const hooks = await app.request('GET', '/v1/webhooks');
    expect(hooks.body.items).toEqual([expect.objectContaining({ id: hookId, url: receiverUrl, active: true })]);
    expect(JSON.stringify(hooks.body)).not.toContain(SECRET);
  });
});
