import http from 'node:http';
import type { Express } from 'express';

// How long an idle keep-alive connection is kept (see `listen` below).
const KEEP_ALIVE_MS = 65_000;

/**
 * Makes the app's server create its requests and responses with express's prototypes from the start.
 *
 * Express hands every request and response its app's prototypes with Object.setPrototypeOf. V8 gives
 * each object a fresh hidden class for that, and Node's HTTP code, which touches these objects on every
 * header, write and event, then misses its inline caches: on this 2-core machine that was ~160 µs of a
 * hello-world's ~250 µs per request (a bare Node server answers in ~90). Built by subclasses whose
 * prototypes chain to the app's, the objects are born with them and express's setPrototypeOf changes
 * nothing; every getter and method (req.ip, res.json, …) is found where it was.
 *
 * Call on a fresh app, before anything is mounted: sub-apps mounted later (the queue dashboard) chain
 * their prototypes to these ones, as express does on mount.
 */
export function bornAsExpress(app: Express): void {
  class Request extends http.IncomingMessage {}
  class Response extends http.ServerResponse<Request> {}
  Object.setPrototypeOf(Request.prototype, app.request);
  Object.setPrototypeOf(Response.prototype, app.response);
  app.request = Request.prototype as unknown as Express['request'];
  app.response = Response.prototype as unknown as Express['response'];

  // As express's own listen, with the server built on these classes.
  app.listen = ((...args: unknown[]) => {
    const server = http.createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
    // Idle keep-alive connections are left for the client to close. With Node's 5 s the server may close one
    // just as a client (fetch keeps them 4 s; load balancers 60 s) sends on it, and the request dies with
    // ECONNRESET; a busy client whose timer runs late hit that in the test suite. Outlive the usual clients.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      // The callback hears either 'listening' or the first error, once.
      let called = false;
      const done = (...a: unknown[]) => {
        if (called) return;
        called = true;
        (last as (...a: unknown[]) => void)(...a);
      };
      args[args.length - 1] = done;
      server.once('error', done);
    }
    return server.listen(...(args as Parameters<http.Server['listen']>));
  }) as Express['listen'];
}
