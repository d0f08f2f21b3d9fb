/**
 * `npm run seed`: posts the sample articles in seeds/ to a running server, waits for their extraction and
 * prints their claims. Key: CLAIMTRACK_KEY, else the key a previous run kept in SEED_KEY_FILE (default
 * .claimtrack/seed-key, git-ignored), else an editor key created once in DATABASE_URL's database and kept there.
 * Server: CLAIMTRACK_URL (default http://localhost:$PORT).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApiKey } from '../src/auth/keys';
import { loadConfig } from '../src/config';
import { createPool } from '../src/db/pool';
import { fromRoot } from '../src/paths';

interface ClaimOut {
  text: string;
  kind: string;
  cue: string | null;
  speaker: { name: string | null; type: string; anonymous: boolean };
  via: string[];
  hedges: string[];
}

async function keyFor(base: string): Promise<string> {
  if (process.env.CLAIMTRACK_KEY) return process.env.CLAIMTRACK_KEY;
  const file = process.env.SEED_KEY_FILE ?? fromRoot('.claimtrack', 'seed-key');
  const kept = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  // A kept key is reused while the server still accepts it (not revoked, same database).
  if (kept) {
    const me = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${kept}` } });
    if (me.ok) return kept;
  }
  const db = createPool(loadConfig().DATABASE_URL, { max: 1 });
  try {
    const { key } = await createApiKey(db, 'editor', 'seed script');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
    return key;
  } finally {
    await db.end();
  }
}

/** Every claim of an article, following next_cursor when the list is paginated. */
async function allClaims(base: string, key: string, id: string): Promise<ClaimOut[]> {
  const claims: ClaimOut[] = [];
  let cursor: string | null = null;
  do {
    const page = (await call(
      base,
      key,
      'GET',
      `/v1/articles/${id}/claims${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
    )) as unknown as { items: ClaimOut[]; next_cursor?: string | null };
    claims.push(...page.items);
    cursor = page.next_cursor ?? null;
  } while (cursor);
  return claims;
}

async function call(base: string, key: string, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${String(json.detail ?? '')}`);
  return json;
}

async function main(): Promise<void> {
  const base = process.env.CLAIMTRACK_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const key = await keyFor(base);
  const dir = fromRoot('seeds');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const body = fs.readFileSync(path.join(dir, file), 'utf8');
    const posted = await call(base, key, 'POST', '/v1/articles', { body, title: body.split('\n')[0]?.slice(0, 200) });
    const id = String(posted.id);
    let article = posted;
    // Extraction is asynchronous: wait for it (up to a minute) so the counts below are the real ones.
    for (let i = 0; i < 300 && article.status !== 'extracted' && article.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      article = await call(base, key, 'GET', `/v1/articles/${id}`);
    }
    const items = await allClaims(base, key, id);
    console.log(`\n${file}  (article ${id}, ${article.status}, ${items.length} claims)`);
    for (const c of items) {
      const who = `${c.speaker.name ?? '—'} [${c.speaker.type}${c.speaker.anonymous ? ', anonymous' : ''}]`;
      const extras = [
        c.via.length ? `via ${c.via.join(', ')}` : '',
        c.hedges.length ? `hedges: ${c.hedges.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      console.log(`- ${who} ${c.cue ?? ''} (${c.kind})${extras ? ` {${extras}}` : ''}\n    “${c.text}”`);
    }
  }
}

main().catch((err) => {
  console.error(`seed: ${err instanceof Error ? err.message : err}`);
  if (String(err).includes('fetch failed')) console.error('Is the server running? Start it with `npm start`.');
  process.exit(1);
});
