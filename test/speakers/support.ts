import { randomBytes } from 'node:crypto';
import { contentHash } from '../../src/articles/service';
import { upsertClaims } from '../../src/claims/repository';
import type { ExtractedClaim, Speaker } from '../../src/extraction';
import { eventually, type TestApp } from '../support/app';

export interface ClaimSpec {
  content: string;
  speaker: Partial<Speaker> & { name: string | null };
}

/**
 * Stores an extracted article with hand-made claims whose speakers are exactly as given (the extractor's
 * own choices are tested elsewhere); the speaker registry then resolves them through its job.
 */
export async function insertArticle(
  app: TestApp,
  claims: ClaimSpec[],
  article: { publisher?: string; published_at?: string; title?: string } = {},
): Promise<{ articleId: string; claimIds: string[] }> {
  const body = `${claims.map((c) => `${c.speaker.name ?? 'Someone'} said ${c.content}.`).join(' ')} (${randomBytes(4).toString('hex')})`;
  const { rows } = await app.deps.db.query<{ id: string }>(
    `insert into article (url, title, body, publisher, published_at, content_hash, status, extractor_version, extracted_at)
     values ($1, $2, $3, $4, $5, $6, 'extracted', 'test', now()) returning id`,
    [
      `https://news.example/${contentHash(body).slice(0, 12)}`,
      article.title ?? 'Test story',
      body,
      article.publisher ?? 'The Example Times',
      article.published_at ?? null,
      contentHash(body),
    ],
  );
  const articleId = rows[0]!.id;
  const extracted: ExtractedClaim[] = claims.map((c) => {
    const start = body.indexOf(c.content);
    return {
      text: c.content,
      kind: 'indirect',
      cue: 'said',
      speaker: {
        mention: c.speaker.name,
        type: 'official',
        anonymous: false,
        title: null,
        affiliation: null,
        ...c.speaker,
      },
      via: [],
      hedges: [],
      checkworthy: 0.5,
      confidence: 0.9,
      spans: { content: [[start, start + c.content.length]], source: [], cue: [] },
    };
  });
  await upsertClaims(app.deps.db, articleId, extracted, { name: 'test', version: 'test' });
  const ids = await app.deps.db.query<{ id: string }>('select id from claim where article_id = $1 order by position', [
    articleId,
  ]);
  return { articleId, claimIds: ids.rows.map((r) => r.id) };
}

/** Runs the registry's job for these articles the way the pipeline does, and waits until it is done. */
export async function resolveThroughWorker(app: TestApp, articleIds: string[]): Promise<void> {
  const { enqueueSpeakerResolution } = await import('../../src/speakers/enqueue');
  await enqueueSpeakerResolution(app.deps, articleIds);
  await eventually(async () => {
    const { rows } = await app.deps.db.query<{ n: number }>(
      'select count(*)::int as n from article where id = any($1::uuid[]) and speakers_resolved_at is null',
      [articleIds],
    );
    return rows[0]!.n === 0;
  }, 15_000);
}

/** The registry speaker of a claim, through the claims API. */
export async function speakerOf(app: TestApp, claimId: string): Promise<string | null> {
  const r = await app.request('GET', `/v1/claims/${claimId}`);
  return r.body.speaker.id;
}
