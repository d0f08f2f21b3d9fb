import type { RequestHandler } from 'express';

type Header = [name: string, value: string | number | readonly string[]];

/**
 * Runs a header-only middleware (helmet) once against a recording response and returns a middleware that
 * sets the headers it set. helmet's policies do not depend on the request (no nonces here), yet it runs a
 * dozen middleware functions per request to set the same dozen headers; the API's listings answer in well
 * under a millisecond, so that was a noticeable share of their cost.
 */
export function fixedHeaders(middleware: RequestHandler): RequestHandler {
  const headers: Header[] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: Header[1]) {
      headers.push([name, value]);
      return recorder;
    },
    removeHeader(name: string) {
      removed.push(name);
    },
    getHeader: () => undefined,
  };
  let called = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err));
    called = true;
  });
  // A middleware that answered or deferred would not be fixed headers; refuse it rather than misapply it.
  if (!called) throw new Error('fixedHeaders: the middleware did not call next() at once');
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
