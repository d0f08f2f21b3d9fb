import type { Queryable } from '../db/pool';
import { claimCandidates, factcheckCandidates, type FoundRow } from './candidates';
import { libraryTerms } from './library-words';
import type { LibraryTerms } from './library-terms';
import type { Matcher } from './model';
import { foldTwins } from './twins';

export interface Ranked {
  type: 'factcheck' | 'claim';
  id: string;
  score: number;
  at: Date | null;
}

/**
 * The one use case behind POST /v1/matches, the matching job and the benchmark: lexical candidates from
 * Postgres over the fact-check library and earlier claims, re-ranked by the matcher into probabilities.
 * Each source is re-ranked as its own list, since some features compare a candidate with its list's best.
 * Twin fact-checks (twins.ts) then count as one result, named by the first stored of them.
 */
export async function rankMatches(
  db: Queryable,
  matcher: Matcher,
  text: string,
  opts: {
    limit: number;
    candidates?: number;
    claims?: boolean;
    excludeArticleId?: string | null;
    before?: { createdAt: Date; id: string };
  },
): Promise<Ranked[]> {
  const depth = opts.candidates ?? 50;
  const [library, factchecks, claims] = await Promise.all([
    libraryTerms(db),
    factcheckCandidates(db, text, depth),
    opts.claims === false
      ? []
      : claimCandidates(db, text, Math.min(depth, 30), opts.excludeArticleId ?? null, opts.before ?? null),
  ]);
  const scored = [
    ...score(matcher, text, factchecks, 'factcheck', library),
    ...score(matcher, text, claims, 'claim', library),
  ];
  // Equal scores keep the candidates' order (by ts_rank, then a hash of the URL), not the random row id:
  // the same library ranks the same way twice.
  return foldTwins(scored.sort((a, b) => b.score - a.score)).slice(0, opts.limit);
}

/** One source's candidates re-ranked as one list (the list-relative features need the whole list). */
export function score(
  matcher: Matcher,
  text: string,
  rows: FoundRow[],
  type: Ranked['type'],
  library?: LibraryTerms,
): Ranked[] {
  if (!rows.length) return [];
  const scores = matcher.score(
    text,
    rows.map((r) => ({
      text: r.text,
      title: r.title,
      ftsRank: Number(r.rank),
      claimRank: Number(r.claim_rank),
      titleRank: Number(r.title_rank),
      trigram: Number(r.trigram),
    })),
    library,
  );
  // A fact-check is named by the first stored of its twins (twins.ts), with that one's date: each is scored as
  // found, and the ranking then keeps one of them.
  return rows.map((r, i) =>
    r.first_id
      ? { type, id: r.first_id, score: scores[i]!, at: r.first_at ?? null }
      : { type, id: r.id, score: scores[i]!, at: r.at },
  );
}
