import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { bornAsExpress } from '../../src/server/born-express';

async function listening(app: express.Express): Promise<{ server: Server; url: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('when the app builds its requests and responses with its own prototypes', () => {
  it('then a request arrives with them already, and express helpers work as usual', async () => {
    const app = express();
    bornAsExpress(app);
    app.set('trust proxy', true);
    app.get('/hello', (req, res) => {
      res.status(201).json({ ip: req.ip, q: req.query.q, path: req.path });
    });
    const { server, url } = await listening(app);
    const arrived: boolean[] = [];
    server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      arrived.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response);
    });
    try {
      const res = await fetch(`${url}/hello?q=x`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ ip: '203.0.113.9', q: 'x', path: '/hello' });
      expect(arrived).toEqual([true]);
    } finally {
      server.close();
    }
  });

  it('then a sub-app mounted afterwards keeps its helpers, and the parent gets its own back', async () => {
    const app = express();
    bornAsExpress(app);
    const sub = express();
    sub.get('/inside', (req, res) => {
      res.json({ base: req.baseUrl, sub: req.app === sub });
    });
    app.use('/sub', sub);
    app.use((req, res) => {
      res.status(404).json({ parent: req.app === app });
    });
    const { server, url } = await listening(app);
    try {
      expect(await (await fetch(`${url}/sub/inside`)).json()).toEqual({ base: '/sub', sub: true });
      expect(await (await fetch(`${url}/sub/missing`)).json()).toEqual({ parent: true });
    } finally {
      server.close();
    }
  });

  it('then listening on a port already taken reports the error to the callback', async () => {
    const first = express();
    bornAsExpress(first);
    const { server, url } = await listening(first);
    const second = express();
    bornAsExpress(second);
    try {
      const err = await new Promise((resolve) => {
        second.listen(Number(new URL(url).port), '127.0.0.1', resolve);
      });
      expect((err as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
    } finally {
      server.close();
    }
  });
});
