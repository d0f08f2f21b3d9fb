// Ad-hoc: API resident memory while an 80 MB NDJSON line without a newline is imported.
const http = require('node:http');
const pg = require('pg');
const { createApiKey } = require('./dist/src/auth/keys');
const { loadConfig } = require('./dist/src/config');
const { createLogger } = require('./dist/src/logger');
const { startServer } = require('./dist/src/server/runtime');
(async () => {
  const run = Date.now().toString(36);
  const config = loadConfig({ ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:5432/claimtrack_rss_${run}`, QUEUE_PREFIX: `{rss-${run}}`, PORT: '0', HOST: '127.0.0.1' });
  const api = await startServer({ worker: false, config, log: createLogger('fatal') });
  const key = (await createApiKey(api.deps.db, 'importer', 'rss')).key;
  let peak = 0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const before = process.memoryUsage().rss;
  const res = await new Promise((resolve) => {
    const req = http.request(`http://127.0.0.1:${api.port}/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' } });
    req.on('response', async (r) => { let t = ''; for await (const c of r) t += c; resolve(JSON.parse(t)); });
    const chunk = Buffer.alloc(1024 * 1024, 97);
    req.write('{"body":"');
    let i = 0;
    const pump = () => { while (i < 80) { i++; if (!req.write(chunk)) return req.once('drain', pump); } req.end('"}\n{"body":"The mayor said it would rain."}\n'); };
    pump();
  });
  clearInterval(timer);
  console.log(JSON.stringify({ status: res.status, totals: res.totals, errors: res.errors, rss_before_mb: Math.round(before / 1048576), rss_peak_mb: Math.round(peak / 1048576) }));
  await api.stop();
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect(); await admin.query(`drop database claimtrack_rss_${run} with (force)`); await admin.end();
})();
