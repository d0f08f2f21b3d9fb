import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { fromRoot } from '../paths';

/** Where `npm run build` (scripts/build-web.ts) writes the workspace: index.html, style.css, app.js. */
export const WEB_OUT = fromRoot('dist', 'public');

/**
 * The workspace's own addresses: the server answers index.html for them so a pasted link or a reload lands
 * on the same view (the client router then reads the URL). Anything else falls through to the API.
 */
export const CLIENT_PATHS = /^\/(?:articles|claims|search|speakers|keys|queue)(?:\/[A-Za-z0-9-]+)?\/?$/;

export function workspace(): Router {
  const router = express.Router();
  // index.html must be revalidated so a new build's app.js is picked up; the rest may be cached briefly.
  const sendIndex = (res: express.Response) => {
    const index = path.join(WEB_OUT, 'index.html');
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The web workspace is not built: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.get('/', (_req, res) => sendIndex(res));
  router.get(CLIENT_PATHS, (_req, res) => sendIndex(res));
  router.use(express.static(WEB_OUT, { index: false, maxAge: '5m' }));
  return router;
}
