import type { Queryable } from '../db/pool';
import { countLibraryTerms, type LibraryTerms } from './library-terms';

/**
 * A word found in more than this share of the fact-check library ("show", "photograph", "trump" in a
 * Snopes library) does not pick candidates: ranking every fact-check that shares only such words cost most
 * of a query's time (a tweet's OR-query matched 1,300 of 10,389 fact-checks at the median, and Postgres read
 * them all), and those fact-checks rarely verify the text. The words still rank the candidates found.
 * 1 % was chosen on CheckThat! 2020 train (see the model card).
 */
export const COMMON_SHARE = 0.01;
/** A small library has no common words: below this many fact-checks a word always counts. */
export const COMMON_MIN_DOCS = 50;
/** The words change slowly as a library grows: recounting them (a pass over the library) every ten minutes is enough. */
const TTL_MS = 10 * 60_000;

const cache = new WeakMap<object, { at: number; words: Promise<string[]> }>();

/** The library's common lexemes (Postgres English stems, as in `factcheck.search`), counted once per db handle and TTL. */
export function commonLexemes(db: Queryable, now = Date.now()): Promise<string[]> {
  const known = cache.get(db);
  if (known && now - known.at < TTL_MS) return known.words;
  const words = db
    .query<{ word: string }>(
      `select word from ts_stat('select search from factcheck')
        where ndoc > greatest($2::int, $1::float8 * (select count(*) from factcheck))`,
      [COMMON_SHARE, COMMON_MIN_DOCS],
    )
    .then((r) => r.rows.map((w) => w.word));
  cache.set(db, { at: now, words });
  // A failed count is not kept: the next query tries again.
  words.catch(() => cache.delete(db));
  return words;
}

const terms = new WeakMap<object, { at: number; counts: Promise<LibraryTerms> }>();

/**
 * The library's term counts for the re-ranker's IDF features, counted once per db handle and TTL like the
 * common words: one pass over the fact-checks' text (10k fact-checks: a few hundred milliseconds every ten
 * minutes, against a per-query lookup the candidate query would otherwise need).
 */
export function libraryTerms(db: Queryable, now = Date.now()): Promise<LibraryTerms> {
  const known = terms.get(db);
  if (known && now - known.at < TTL_MS) return known.counts;
  const counts = db
    .query<{ claim: string; title: string | null }>('select claim_reviewed as claim, title from factcheck')
    .then((r) => countLibraryTerms(r.rows));
  terms.set(db, { at: now, counts });
  counts.catch(() => terms.delete(db));
  return counts;
}
