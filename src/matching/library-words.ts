import type { Queryable } from '../db/pool';
import { type LibraryTerms, termCounter } from './library-terms';

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
/** Fact-checks counted between two turns of the event loop (a few milliseconds of work). */
const SLICE = 500;

/**
 * The library's term counts for the re-ranker's IDF features, counted once per db handle and TTL like the
 * common words: one pass over the fact-checks' text (10k fact-checks: about 250 ms of counting, in slices so
 * that other requests are served in between). Once known, expired counts keep answering while the new ones
 * are made: only a process's first match waits for them.
 */
export function libraryTerms(db: Queryable, now = Date.now()): Promise<LibraryTerms> {
  const known = terms.get(db);
  if (known && now - known.at < TTL_MS) return known.counts;
  if (known) {
    known.at = now;
    recount(db).then(
      (counts) => {
        known.counts = Promise.resolve(counts);
      },
      () => {
        // A failed recount is tried again by the next match.
        known.at = 0;
      },
    );
    return known.counts;
  }
  const counts = recount(db);
  terms.set(db, { at: now, counts });
  counts.catch(() => terms.delete(db));
  return counts;
}

async function recount(db: Queryable): Promise<LibraryTerms> {
  const { rows } = await db.query<{ claim: string; title: string | null }>(
    'select claim_reviewed as claim, title from factcheck',
  );
  const counter = termCounter();
  for (let i = 0; i < rows.length; i += SLICE) {
    for (const row of rows.slice(i, i + SLICE)) counter.add(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return counter.result();
}
