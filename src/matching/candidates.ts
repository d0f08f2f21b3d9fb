import type { Queryable } from '../db/pool';
import { commonLexemes } from './library-words';
import { searchText, stripFurniture, words } from './text';
import { firstOfTwins } from './twins';

/** A fact-check or an earlier claim found by the word search, before re-ranking. */
export interface FoundRow {
  id: string;
  text: string;
  title: string | null;
  rank: number;
  /** ts_rank of the claim's words alone and of the title's alone (an earlier claim has only its text). */
  claim_rank: number;
  title_rank: number;
  /** pg_trgm similarity of the whole texts: near 1 for a near-verbatim repeat. */
  trigram: number;
  /** When the fact-checked claim was made (or the fact-check published), or the earlier claim's article date. */
  at: Date | null;
  /** A fact-check's first stored twin (twins.ts; itself when it has none) and its date; earlier claims have none. */
  first_id?: string | null;
  first_at?: Date | null;
}

/**
 * The text's words OR-ed into a tsquery: ts_rank orders the candidates by them (which words pick the
 * candidates is factcheckCandidates' business). Only
 * letters and digits reach the query (to_tsquery syntax cannot be injected), and Postgres' English
 * configuration drops stop words and stems the rest, exactly as it built the `search` columns.
 * A trigram index search (`%`) was tried for near-duplicates and dropped: with tweet-length texts it
 * took over a second per query on 10k fact-checks, and every near-verbatim repeat shares words anyway,
 * so trigram similarity is computed only over the word search's candidates, as a re-ranking feature.
 */
export function orQuery(text: string): string {
  // words() leaves only apostrophes ("didn't") and decimal points ("3.5") besides letters and digits.
  const unique = [
    ...new Set(words(searchText(text)).map((w) => (/['.]/.test(w) ? w.replace(/[^\p{L}\p{N}]/gu, '') : w))),
  ];
  return unique
    .filter((w) => w.length > 1 && w.length < 40)
    .slice(0, 64)
    .join(' | ');
}

/**
 * Fact-checks sharing words with the text, best `limit` by ts_rank. Not normalised by length: dividing by
 * the document's length put short fact-checks first and found fewer gold ones (dev R@50 0.90 against 0.92).
 * Ties (a library holds near-duplicates) go by a hash of the URL, which a re-import keeps, not by the random
 * row id: the same library gives the same candidates in the same order, and train:matching the same model.
 * Not by the URL itself: CheckThat!'s ids are ordered, and among its duplicates the gold one tends to come
 * first — ordering ties by URL alone lifts lexical P@1 on dev from 0.60 to 0.67, an artefact of the data set.
 */
export async function factcheckCandidates(db: Queryable, text: string, limit: number): Promise<FoundRow[]> {
  const query = orQuery(text);
  if (!query) return [];
  const common = await commonLexemes(db);
  // Candidates share at least one word that is not common in the library (all of them when every word is
  // common), and are ranked on all the text's words; the GIN index then reads a few hundred fact-checks.
  const { rows } = await db.query<FoundRow>(
    `select id, text, title, rank, ts_rank('{0,0,0,1}', search, to_tsquery('english', $1)) as claim_rank,
            ts_rank('{0,0,1,0}', search, to_tsquery('english', $1)) as title_rank, similarity(text, $2) as trigram, at, first_id, first_at from (
       select f.id, f.twin_key, md5(f.url) as tie, f.claim_reviewed as text, f.title, f.search, ts_rank(f.search, q) as rank,
              coalesce(f.claim_date, f.published_at) as at
         from factcheck f, to_tsquery('english', $1) q
        where f.search @@ (select coalesce(string_agg(quote_literal(lexeme), ' | ') filter (where lexeme <> all($4::text[])),
                                           string_agg(quote_literal(lexeme), ' | '))::tsquery
                             from unnest(to_tsvector('english', $1)))
        order by rank desc, tie limit $3) c
      ${firstOfTwins('c')}
      order by rank desc, tie`,
    [query, stripFurniture(text), limit, common],
  );
  return rows;
}

export interface FoundClaim extends FoundRow {
  article_id: string;
}

/**
 * The text's most telling words AND-ed (the longest ones, a cheap stand-in for the rarest): the claims
 * table grows by every article, and ranking every claim that shares any word would cost hundreds of
 * milliseconds at 200k claims. Repeats of a claim across articles are close to verbatim, so they keep
 * these words; looser paraphrases are left to the fact-check library.
 */
export function andQuery(text: string, words = 6): string {
  const all = orQuery(stripFurniture(text))
    .split(' | ')
    .filter((w) => w.length > 3 && !/^\d+$/.test(w));
  return [...all]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, words)
    .join(' & ');
}

/**
 * Claims of other articles that contain the text's most telling words; with `before`, only claims stored
 * before that one (by created_at, then id), so two articles matched at once link in one direction only.
 */
export async function claimCandidates(
  db: Queryable,
  text: string,
  limit: number,
  excludeArticleId: string | null,
  before: { createdAt: Date; id: string } | null = null,
): Promise<FoundClaim[]> {
  const query = andQuery(text);
  if (!query) return [];
  const { rows } = await db.query<FoundClaim>(
    `select c.id, c.text, null::text as title, c.article_id, rank, rank as claim_rank, rank as title_rank,
            similarity(c.text, $2) as trigram,
            coalesce(a.published_at, a.created_at) as at from (
       select c.id, c.text, c.article_id, ts_rank(c.search, q, 1) as rank
         from claim c, to_tsquery('english', $1) q
        where c.search @@ q and c.status <> 'superseded' and c.article_id is distinct from $4::uuid
          and ($5::timestamptz is null or (c.created_at, c.id) < ($5::timestamptz, $6::uuid))
        order by rank desc, c.id limit $3) c join article a on a.id = c.article_id
      order by rank desc, id`,
    [query, stripFurniture(text), limit, excludeArticleId, before?.createdAt ?? null, before?.id ?? null],
  );
  return rows;
}
