import type { Queryable } from '../db/pool';
import type { LibraryTerms } from './library-terms';
import type { Ranked } from './rank';

/**
 * Texts remembered per process and database. The bench feed's 840 articles hold about 5,000 check-worthy
 * claim texts; an entry is the text and at most a few fact-checks (id, score, date): 10,000 entries of
 * 190-character texts, one in fifty with three fact-checks, take 2.7 MB of heap (measured with --expose-gc).
 */
export const MEMO_TEXTS = 10_000;

/**
 * The fact-check side of a claim's ranking, remembered by the claim's exact text. A syndicated claim (wire
 * copy quoted word for word in many articles) asks the library the same question each time: remembered, a
 * repeat costs no library search and no re-ranking. The answer is a pure function of the text, the
 * library's rows and its term counts (library-words.ts), so the answers hold for one library version
 * (migration 000020: it moves with every committed write to `factcheck`) and one count of its terms (a new
 * object after each recount); `factcheckAnswers` starts an empty set as soon as either changes. Only the
 * exact text counts (the ranking reads case and punctuation). The earlier-claims side is not remembered:
 * each new copy of a claim changes it. Bounded: the least recently used text goes first.
 */
export class FactcheckAnswers {
  private readonly entries = new Map<string, { limit: number; ranked: Ranked[] }>();

  constructor(
    readonly version: string,
    readonly library: LibraryTerms,
    readonly capacity = MEMO_TEXTS,
  ) {}

  /** The best `limit` fact-checks for the text, best first, if known for at least that many. */
  get(text: string, limit: number): Ranked[] | undefined {
    const entry = this.entries.get(text);
    if (!entry || entry.limit < limit) return undefined;
    this.entries.delete(text);
    this.entries.set(text, entry);
    return entry.ranked.slice(0, limit);
  }

  /** `ranked`: the text's best `limit` fact-checks, best first (fewer when fewer were found). */
  set(text: string, limit: number, ranked: Ranked[]): void {
    this.entries.delete(text);
    this.entries.set(text, { limit, ranked });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

const memos = new WeakMap<object, WeakMap<object, FactcheckAnswers>>();

/**
 * The answers of one database handle (one library) and one matcher (its scores) for this library version
 * and these term counts. A batch keeps the object it was given: if a concurrent batch read a newer version
 * in between, what the older one learns goes into a set no one asks any more, never into the newer one.
 */
export function factcheckAnswers(
  db: object,
  matcher: object,
  version: string,
  library: LibraryTerms,
): FactcheckAnswers {
  let byMatcher = memos.get(db);
  if (!byMatcher) {
    byMatcher = new WeakMap();
    memos.set(db, byMatcher);
  }
  const known = byMatcher.get(matcher);
  if (known?.version === version && known.library === library) return known;
  const fresh = new FactcheckAnswers(version, library);
  byMatcher.set(matcher, fresh);
  return fresh;
}

/**
 * The library's version: how many statements have changed it. Read before the library is searched, so an
 * answer is never remembered under a version newer than the rows it was computed from.
 */
export async function libraryVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>('select count(*)::text as version from factcheck_change');
  return rows[0]!.version;
}
