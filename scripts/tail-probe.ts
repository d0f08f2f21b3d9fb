/**
 * Where an API process's slowest requests spend their time: preload it into the API under `bench:api`,
 *   BENCH_API_NODE_FLAGS="-r ./dist/scripts/tail-probe.js" BENCH_ROUTES=limit=20 npm run bench:api
 * and at exit the API writes one `tail-probe` JSON line to stderr: per /v1/ request (from the 'request' event
 * to 'finish') the time waiting for a pool client, in Postgres round trips and in the rate-limit reservations
 * (Redis) it made (waited for or not: they are reserved ahead), for all requests and for the slowest 1 %;
 * GC pauses by kind; event-loop stalls over 10 ms and how much of them the main thread spent running versus
 * runnable but waiting for a CPU (Linux /proc/self/task/<pid>/schedstat), and the same split for the whole
 * run. A diagnostic: it patches pg, ioredis and http in place (with an AsyncLocalStorage per request), so
 * its own overhead is in the figures.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { PerformanceObserver, performance } from 'node:perf_hooks';

interface Timing {
  start: number;
  total: number;
  poolCall?: number;
  poolWait: number;
  pg: number;
  redis: number;
}
type Method = (this: unknown, ...args: unknown[]) => unknown;

// The API's own copies of pg and ioredis (the probe may be loaded from another checkout).
const appRequire = createRequire(process.argv[1] ?? __filename);
const pg = appRequire('pg') as {
  Pool: { prototype: Record<string, Method> };
  Client: { prototype: Record<string, Method> };
};
const Redis = appRequire('ioredis') as { prototype: Record<string, Method> };
const current = new AsyncLocalStorage<Timing>();
const done: Timing[] = [];
const gcs: { at: number; ms: number; kind: number }[] = [];
const schedstat = () => readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
const started = { at: performance.now(), sched: schedstat() };
const stalls = { n: 0, ms: 0, runMs: 0, waitMs: 0 };

new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    gcs.push({
      at: e.startTime,
      ms: e.duration,
      kind: (e as { detail?: { kind: number } }).detail?.kind ?? 0,
    });
}).observe({ entryTypes: ['gc'] });

// A 1 ms timer: when it comes more than 10 ms late the loop was blocked (GC, long work) or the process descheduled.
let last = { at: performance.now(), sched: started.sched };
setInterval(() => {
  const now = { at: performance.now(), sched: schedstat() };
  if (now.at - last.at > 10) {
    stalls.n++;
    stalls.ms += now.at - last.at;
    stalls.runMs += (now.sched[0]! - last.sched[0]!) / 1e6;
    stalls.waitMs += (now.sched[1]! - last.sched[1]!) / 1e6;
  }
  last = now;
}, 1).unref();

const wrap = (proto: Record<string, Method>, name: string, around: (original: Method) => Method) => {
  proto[name] = around(proto[name]!);
};
wrap(
  http.Server.prototype as unknown as Record<string, Method>,
  'emit',
  (emit) =>
    function (this: unknown, ...args: unknown[]) {
      const [event, req, res] = args as [string, http.IncomingMessage, http.ServerResponse];
      if (event !== 'request' || !req.url?.startsWith('/v1/')) return emit.apply(this, args);
      const t: Timing = { start: performance.now(), total: 0, poolWait: 0, pg: 0, redis: 0 };
      res.on('finish', () => {
        t.total = performance.now() - t.start;
        done.push(t);
      });
      return current.run(t, () => emit.apply(this, args));
    },
);
wrap(
  pg.Pool.prototype,
  'query',
  (query) =>
    function (this: unknown, ...args: unknown[]) {
      const t = current.getStore();
      if (t) t.poolCall = performance.now();
      return query.apply(this, args);
    },
);
// The pool calls the client with a callback: the round trip ends when that callback runs.
wrap(
  pg.Client.prototype,
  'query',
  (query) =>
    function (this: unknown, ...args: unknown[]) {
      const t = current.getStore();
      const callback = args.at(-1);
      if (!t || t.poolCall === undefined || typeof callback !== 'function') return query.apply(this, args);
      const sent = performance.now();
      t.poolWait += sent - t.poolCall;
      t.poolCall = undefined;
      args[args.length - 1] = function (this: unknown, ...reply: unknown[]) {
        t.pg += performance.now() - sent;
        return (callback as Method).apply(this, reply);
      };
      return query.apply(this, args);
    },
);
wrap(
  Redis.prototype,
  'eval',
  (evaluate) =>
    function (this: unknown, ...args: unknown[]) {
      const t = current.getStore();
      const sent = performance.now();
      const reply = evaluate.apply(this, args) as Promise<unknown>;
      if (t)
        reply
          .then(() => {
            t.redis += performance.now() - sent;
          })
          .catch(() => {});
      return reply;
    },
);

process.on('exit', () => {
  const sorted = done.sort((a, b) => a.total - b.total);
  const slowest = sorted.slice(Math.floor(sorted.length * 0.99));
  const mean = (ts: Timing[], f: (t: Timing) => number) =>
    Number((ts.reduce((sum, t) => sum + f(t), 0) / Math.max(1, ts.length)).toFixed(2));
  const parts = (ts: Timing[]) => ({
    requests: ts.length,
    ms: mean(ts, (t) => t.total),
    pool_wait_ms: mean(ts, (t) => t.poolWait),
    pg_ms: mean(ts, (t) => t.pg),
    reservation_ms: mean(ts, (t) => t.redis),
    made_a_reservation: mean(ts, (t) => (t.redis > 0 ? 1 : 0)),
    during_gc_over_1ms: mean(ts, (t) =>
      gcs.some((g) => g.ms > 1 && g.at + g.ms >= t.start && g.at <= t.start + t.total) ? 1 : 0,
    ),
  });
  const gc: Record<string, { n: number; ms: number; max_ms: number }> = {};
  for (const g of gcs) {
    const kind = ({ 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak' } as Record<number, string>)[g.kind] ?? g.kind;
    gc[kind] ??= { n: 0, ms: 0, max_ms: 0 };
    gc[kind].n++;
    gc[kind].ms = Math.round(gc[kind].ms + g.ms);
    gc[kind].max_ms = Math.max(gc[kind].max_ms, Math.round(g.ms));
  }
  const end = schedstat();
  const round = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
  const line = {
    pid: process.pid,
    p50_ms: sorted[Math.floor(sorted.length / 2)]?.total.toFixed(1),
    p99_ms: sorted[Math.floor(sorted.length * 0.99)]?.total.toFixed(1),
    all: parts(sorted),
    slowest_1pct: parts(slowest),
    gc,
    stalls_over_10ms: round(stalls),
    main_thread: round({
      wall_ms: performance.now() - started.at,
      run_ms: (end[0]! - started.sched[0]!) / 1e6,
      runnable_waiting_ms: (end[1]! - started.sched[1]!) / 1e6,
    }),
  };
  process.stderr.write(`tail-probe ${JSON.stringify(line)}\n`);
});
