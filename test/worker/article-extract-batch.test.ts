import { extractArticleBatch } from '../../src/articles/extract-batch';
import { contentHash } from '../../src/articles/service';
import { extractClaims } from '../../src/extraction';
import { jobIds } from '../../src/jobs';
import { resolveSpeakers } from '../../src/speakers/resolve';
import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { refuseToStore } from '../support/faults';

// No worker runs here: the use case is called directly, so each step's effect can be checked.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ EXTRACT_ATTEMPTS: '2' });
});
afterAll(() => app.close());

async function queuedArticles(n: number, body = (b: string) => b): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = buildArticle();
    const text = body(a.body);
    const { rows } = await app.deps.db.query(
      'insert into article (url, title, body, content_hash) values ($1, $2, $3, $4) returning id',
      [a.url, a.title, text, contentHash(text)],
    );
    ids.push(rows[0].id);
  }
  return ids;
}
const rowsOf = async (ids: string[]) =>
  (
    await app.deps.db.query<{ id: string; status: string; claim_count: number; claims: number; attempts: number }>(
      `select a.id, a.status, a.claim_count, a.attempts, (select count(*)::int from claim c where c.article_id = a.id) as claims
         from article a where a.id = any($1::uuid[]) order by a.id`,
      [ids],
    )
  ).rows;
const deps = () => app.deps;
const opts = { leaseSeconds: 60, attempts: 2 };

describe('when a batch of articles is extracted', () => {
  it('then each gets its claims and the extracted status, exactly as a single extraction would give', async () => {
    const ids = await queuedArticles(5);
    const outcome = await extractArticleBatch(deps(), ids, opts);
    expect(outcome).toMatchObject({ extracted: 5, skipped: 0, failed: 0 });
    const rows = await rowsOf(ids);
    for (const r of rows) {
      const { rows: body } = await app.deps.db.query('select body from article where id = $1', [r.id]);
      expect(r).toMatchObject({ status: 'extracted', attempts: 1, claims: extractClaims(body[0].body).length });
      expect(r.claim_count).toBe(r.claims);
    }
    expect(outcome.claims).toBe(rows.reduce((n, r) => n + r.claims, 0));
  });

  it('then its claims carry their registry speakers at once, each counted once, and no resolution is left', async () => {
    const ids = await queuedArticles(3, (b) => `${b}\nProfessor Ines Duarte of Lisbon University said wages would rise.`);
    const outcome = await extractArticleBatch(deps(), ids, opts);
    expect(outcome).toMatchObject({ extracted: 3, speakersPending: [] });
    const { rows: claims } = await app.deps.db.query<{ speaker_id: string | null; speaker_name: string | null }>(
      "select speaker_id, speaker_name from claim where article_id = any($1::uuid[]) and speaker_name = 'Ines Duarte'",
      [ids],
    );
    expect(claims).toHaveLength(3);
    const speakerIds = new Set(claims.map((c) => c.speaker_id));
    expect(speakerIds.size).toBe(1);
    const { rows: speaker } = await app.deps.db.query('select claim_count, affiliation from speaker where id = $1', [
      [...speakerIds][0],
    ]);
    expect(speaker[0]).toMatchObject({ claim_count: 3, affiliation: 'Lisbon University' });
    const { rows: articles } = await app.deps.db.query(
      'select count(*)::int as n from article where id = any($1::uuid[]) and speakers_resolved_at is not null',
      [ids],
    );
    expect(articles[0].n).toBe(3);
    // A SpeakerResolve job for them anyway (the reconciler's, say) finds nothing left to do.
    await expect(resolveSpeakers(app.deps.db, ids)).resolves.toEqual({ claims: 0, created: 0 });
    // Nor does the same batch again (a duplicate job).
    await extractArticleBatch(deps(), ids, opts);
    const { rows: again } = await app.deps.db.query('select claim_count from speaker where id = $1', [[...speakerIds][0]]);
    expect(again[0].claim_count).toBe(3);
  });

  it('when the same batch runs again, then nothing is leased or written twice', async () => {
    const ids = await queuedArticles(3);
    await extractArticleBatch(deps(), ids, opts);
    const before = await rowsOf(ids);
    await expect(extractArticleBatch(deps(), ids, opts)).resolves.toMatchObject({ extracted: 0, skipped: 3 });
    expect(await rowsOf(ids)).toEqual(before);
  });

  it('when one article cannot be stored, then the others are, and it goes on as its own job', async () => {
    const removeFault = await refuseToStore(app.deps.db, 'BATCH-POISON');
    try {
      const good = await queuedArticles(2);
      const [poisoned] = await queuedArticles(1, (b) => `${b}\nBATCH-POISON`);
      const outcome = await extractArticleBatch(deps(), [...good, poisoned!], opts);
      expect(outcome).toMatchObject({ extracted: 2, failed: 1 });
      expect((await rowsOf(good)).map((r) => r.status)).toEqual(['extracted', 'extracted']);
      // Its own job, with the one attempt left of two (the batch was its first).
      const job = await app.deps.producer.queue('ArticleExtract').getJob(jobIds.articleExtract(poisoned!));
      expect(job?.data).toMatchObject({ articleId: poisoned });
      expect(job?.opts.attempts).toBe(1);
      expect((await rowsOf([poisoned!]))[0]).toMatchObject({ status: 'processing', attempts: 1, claims: 0 });
    } finally {
      await removeFault();
    }
  });

  it('when no attempt is left, then a failing article is marked failed at once', async () => {
    const removeFault = await refuseToStore(app.deps.db, 'LAST-POISON');
    try {
      const [poisoned] = await queuedArticles(1, (b) => `${b}\nLAST-POISON`);
      await extractArticleBatch(deps(), [poisoned!], { ...opts, attempts: 1 });
      const { rows } = await app.deps.db.query('select status, error from article where id = $1', [poisoned]);
      expect(rows[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('poisoned article refused') });
    } finally {
      await removeFault();
    }
  });
});
