import type { Request, Response } from 'express';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Answers 200 with a JSON document that is already serialised (a listing's page, as bytes from pageJson), as express's
 * `res.type('application/json').send(body)` would: the same Content-Type and Content-Length, no body for
 * HEAD. Express's send would look the type up in the MIME table, parse and re-format it to add the charset,
 * and check freshness against validators these responses never carry (no ETag, no Last-Modified), all on
 * every request of the API's busiest routes.
 */
export function sendJsonBytes(req: Request, res: Response, body: Buffer): void {
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', body.length);
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}
