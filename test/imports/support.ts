import fs from 'node:fs';
import path from 'node:path';
import { extractClaims } from '../../src/extraction';
import type { TestApp, TestResponse } from '../support/app';
import { buildArticle } from '../support/factories';

/** NDJSON text of the given lines; strings are sent as they are (to make bad lines). */
export function ndjson(lines: unknown[]): string {
  return `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`;
}

export function postImport(
  app: TestApp,
  body: string,
  init: { key?: string; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  return app.request('POST', '/v1/imports', {
    key: init.key ?? app.keys.importer,
    body,
    headers: { 'content-type': 'application/x-ndjson', ...init.headers },
  });
}

/** Polls GET /v1/imports/:id until it is finished; returns the summary. */
export async function waitFinished(app: TestApp, id: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await app.request('GET', `/v1/imports/${id}`);
    if (r.body?.status === 'finished') return r.body;
    if (Date.now() > until)
      throw new Error(`import ${id} not finished after ${timeoutMs} ms: ${JSON.stringify(r.body?.totals)}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

// Defensive: the schema comes from db/migrations/000002_imports.sql via the test template.
export async function ensureImportSchema(app: TestApp): Promise<void> {
  const { rows } = await app.deps.db.query(`select to_regclass('import') as t`);
  if (rows[0].t) return;
  const inRepo = path.join(__dirname, '..', '..', 'db', 'migrations', '000003_imports.sql');
  await app.deps.db.query(
    fs.readFileSync(fs.existsSync(inRepo) ? inRepo : '/tmp/claimtrack-000003_imports.sql', 'utf8'),
  );
}

/** Loads the extractor's model up front, so its one-off load does not stall the first requests of a test. */
export function warmExtractor(): void {
  extractClaims('“We will build 40 new schools by 2027,” the mayor said.');
}

/** A longer article (the factory's, repeated), so extraction takes long enough to be interrupted. */
export function buildLongArticle() {
  const a = buildArticle();
  return { ...a, body: Array.from({ length: 12 }, (_, i) => `${a.body} (part ${i})`).join('\n\n') };
}

/** Articles of an import that have exactly the claims a clean extraction of their body gives. */
export async function claimsMatchCleanRun(
  app: TestApp,
  importId: string,
): Promise<{ articles: number; mismatched: string[]; claims: number }> {
  const { rows } = await app.deps.db.query<{ id: string; body: string; n: number }>(
    `select a.id, a.body, (select count(*)::int from claim c where c.article_id = a.id) as n from article a where a.import_id = $1`,
    [importId],
  );
  const mismatched = rows.filter((r) => r.n !== extractClaims(r.body).length).map((r) => r.id);
  return { articles: rows.length, mismatched, claims: rows.reduce((s, r) => s + r.n, 0) };
}
