import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhook } from '../../src/webhooks/service';
import { flag, freshClaim } from '../reviews/support';
import { startTestApp, type TestApp } from '../support/app';

// No allow-list: the app behaves as in production, where only public receivers are reachable.
let app: TestApp;
let receiver: http.Server;
let port: number;
let hits = 0;
const SECRET = 'a-very-long-shared-secret';

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_TIMEOUT_MS: '1000' });
  receiver = http.createServer((_req, res) => {
    hits++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const FORBIDDEN = [
  'http://127.0.0.1/hook',
  'http://localhost:8080/hook',
  'http://LOCALHOST./hook',
  'http://api.localhost/hook',
  'http://127.1/hook',
  'http://0x7f.0.0.1/hook',
  'http://0x7f000001/hook',
  'http://2130706433/hook',
  'http://0177.0.0.1/hook',
  'http://017700000001/hook',
  'http://0.0.0.0/hook',
  'http://0/hook',
  'http://[::1]/hook',
  'http://[::]/hook',
  'http://[::ffff:127.0.0.1]/hook',
  'http://[0:0:0:0:0:ffff:7f00:1]/hook',
  'http://[::ffff:169.254.169.254]/hook',
  'http://10.0.0.5/hook',
  'http://172.16.3.4/hook',
  'http://192.168.1.10/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://[fe80::1]/hook',
  'http://[64:ff9b::7f00:1]/hook',
  'http://[2002:7f00:1::]/hook',
  'http://224.0.0.1/hook',
  'http://metadata.google.internal.invalid/computeMetadata/v1/',
];

describe('when an admin registers a webhook on a non-public address', () => {
  it.each(FORBIDDEN)('when the URL is %s, then 400 and nothing is stored', async (url) => {
    const r = await app.request('POST', '/v1/webhooks', { body: { url, secret: SECRET } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('webhook_receiver_forbidden');
    expect((await app.request('GET', '/v1/webhooks')).body.items).toEqual([]);
  });
});

/** A webhook row stored as if its host had been public at registration, and one pending delivery to it. */
async function pendingDeliveryTo(url: string): Promise<string> {
  const { rows } = await app.deps.db.query<{ id: string }>(
    'insert into webhook (url, secret) values ($1, $2) returning id',
    [url, SECRET],
  );
  const claimId = await freshClaim(app);
  await flag(app, claimId, app.keys.editor, 1);
  const d = await app.deps.db.query<{ id: string }>('select id from webhook_delivery where webhook_id = $1', [
    rows[0]!.id,
  ]);
  await app.deps.db.query('update webhook set active = false where id = $1', [rows[0]!.id]);
  return d.rows[0]!.id;
}

describe('when a stored webhook points at a non-public address by the time it is delivered', () => {
  it.each([
    ['a name that now resolves to loopback (DNS rebinding)', () => `http://localhost:${port}/hook`],
    ['a literal loopback address', () => `http://127.0.0.1:${port}/hook`],
    ['an IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${port}/hook`],
  ])('when it is %s, then nothing is sent and the delivery records why', async (_what, url) => {
    const id = await pendingDeliveryTo(url());
    const before = hits;
    await expect(deliverWebhook(app.deps, id, false)).rejects.toThrow(/loopback/);
    expect(hits).toBe(before);
    const { rows } = await app.deps.db.query('select status, last_error from webhook_delivery where id = $1', [id]);
    expect(rows[0]).toEqual({ status: 'pending', last_error: expect.stringMatching(/loopback/) });
  });
});
