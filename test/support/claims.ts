import { upsertClaims } from '../../src/claims/repository';
import { contentHash } from '../../src/articles/service';
import type { Db } from '../../src/db/pool';
import type { ExtractedClaim, SpeakerType } from '../../src/extraction';

/** Stores an article and hand-made claims directly, for tests that are about the API, not the extractor. */
export async function insertArticleWithClaims(
  db: Db,
  body: string,
  claims: { content: string; speaker: string; type?: SpeakerType; checkworthy?: number; confidence?: number }[],
): Promise<{ articleId: string; claimIds: string[] }> {
  const { rows } = await db.query<{ id: string }>(
    `insert into article (url, title, body, content_hash, status, extractor_version, extracted_at)
     values ($1, 'Test story', $2, $3, 'extracted', 'test', now()) returning id`,
    [`https://news.example/${contentHash(body).slice(0, 12)}`, body, contentHash(body)],
  );
  const articleId = rows[0]!.id;
  const extracted: ExtractedClaim[] = claims.map((c) => {
    const start = body.indexOf(c.content);
    const sStart = body.indexOf(c.speaker);
    if (start < 0 || sStart < 0) throw new Error(`"${c.content}" or "${c.speaker}" is not in the body`);
    return {
      text: c.content,
      kind: 'indirect',
      cue: 'said',
      speaker: {
        mention: c.speaker,
        name: c.speaker,
        type: c.type ?? 'official',
        anonymous: false,
        title: null,
        affiliation: null,
      },
      via: [],
      hedges: [],
      checkworthy: c.checkworthy ?? 0.5,
      confidence: c.confidence ?? 0.9,
      spans: { content: [[start, start + c.content.length]], source: [[sStart, sStart + c.speaker.length]], cue: [] },
    };
  });
  await upsertClaims(db, articleId, extracted, { name: 'test', version: 'test' });
  const ids = await db.query<{ id: string }>('select id from claim where article_id = $1 order by position', [
    articleId,
  ]);
  return { articleId, claimIds: ids.rows.map((r) => r.id) };
}
