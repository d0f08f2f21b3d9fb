import { writeFirstExtractions } from '../claims/repository';
import type { Db } from '../db/pool';
import { withTransaction } from '../db/pool';
import type { ExtractedClaim, ExtractorInfo } from '../extraction';
import { assignSpeakers } from '../speakers/resolve';
import { countWrittenClaims, type MentionAt } from '../speakers/resolve-repository';
import { lockFirstExtractions } from './repository';

export interface FirstExtraction {
  articleId: string;
  claims: ExtractedClaim[];
  model?: string;
}

/**
 * Writes the first extraction of some articles with their claims' registry speakers, in one transaction:
 * the articles still waiting for it are locked, their speakers found or created, their claims inserted
 * pointing at them and counted, and the articles marked extracted and resolved. Returns the ids written;
 * the others (a duplicate job got there first, or older claims exist) take the single-article path.
 *
 * Why here and not in the SpeakerResolve job: setting a claim's speaker afterwards rewrites the whole row
 * (its indexed `speaker_id`, its stored `tsvector` and every index entry, the GIN one too) and the article's
 * row once more; in bench:import that second write cost Postgres about as much as the first.
 */
export async function writeFirstExtractionsWithSpeakers(
  db: Db,
  articles: FirstExtraction[],
  extractor: ExtractorInfo,
): Promise<Set<string>> {
  if (!articles.length) return new Set();
  return await withTransaction(db, async (tx) => {
    // Locked first, so speakers are created only for articles this transaction will write.
    const waiting = await lockFirstExtractions(
      tx,
      articles.map((a) => a.articleId),
      extractor.version,
    );
    const todo = articles.filter((a) => waiting.has(a.articleId));
    const { speakerOf } = await assignSpeakers(tx, todo.flatMap(mentionsOf));
    const written = await writeFirstExtractions(
      tx,
      todo.map((a) => ({ ...a, speakerIds: a.claims.map((_, i) => speakerOf.get(refOf(a.articleId, i)) ?? null) })),
      extractor,
    );
    await countWrittenClaims(
      tx,
      todo
        .filter((a) => written.has(a.articleId))
        .flatMap((a) =>
          a.claims.flatMap((c, i) => {
            const speakerId = speakerOf.get(refOf(a.articleId, i));
            return speakerId ? [{ speaker_id: speakerId, speaker_name: c.speaker.name, article_id: a.articleId }] : [];
          }),
        ),
    );
    return written;
  });
}

const refOf = (articleId: string, position: number) => `${articleId}#${position}`;

function mentionsOf(a: FirstExtraction): MentionAt[] {
  return a.claims.map((c, i) => ({
    ref: refOf(a.articleId, i),
    article_id: a.articleId,
    speaker_name: c.speaker.name,
    speaker_type: c.speaker.type,
    speaker_anonymous: c.speaker.anonymous,
    speaker_title: c.speaker.title,
    speaker_affiliation: c.speaker.affiliation,
  }));
}
