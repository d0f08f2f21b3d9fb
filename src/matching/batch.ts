import { type Db, withTransaction } from '../db/pool';
import { andQuery, type FoundRow } from './candidates';
import { factcheckAnswers, libraryVersion } from './factcheck-memo';
import { libraryTerms } from './library-words';
import type { Matcher } from './model';
import { type Ranked, score } from './rank';
import { collapseRepeats, type FoundEarlier } from './repeats';
import { stripFurniture } from './text';
import { firstOfTwins, foldTwins } from './twins';

export interface PipelineClaim {
  id: string;
  text: string;
  article_id: string;
  created_at: Date;
}

/** Candidates per claim for the pipeline: few, since only near repeats can pass the thresholds unaided. */
const DEPTH = 10;

/**
 * The matching job's candidate search: for every claim of a batch at once, one statement over the
 * fact-check library and one over earlier claims (in turn, on one connection), each with the claim's
 * most telling words AND-ed (GIN intersections, a fraction of a millisecond each) instead of the OR-ed
 * ranking POST /v1/matches does (about 10 ms a text). An import of 10,000 articles has some 70,000 check-worthy claims: ranking each
 * like a tip-line question would cost the import most of its speed, and a pair that shares fewer of its
 * rare words would rarely reach the suggestion threshold anyway.
 */
export async function rankBatch(db: Db, matcher: Matcher, claims: PipelineClaim[], limit: number) {
  const queries = claims.map((c) => andQuery(c.text, 4));
  const plain = claims.map((c) => stripFurniture(c.text));
  const library = await libraryTerms(db);
  const [known, asked, factchecks, earlier] = await withTransaction(db, async (tx) => {
    // The planner prices a lateral search per claim of a batch past jit_above_cost, and compiling the plan
    // took longer than running it (on bench:import data, 150 ms of JIT for 130 ms of search per batch).
    await tx.query('set local jit = off');
    // Fact-checks already ranked for the same text and library (a syndicated copy) are not searched again;
    // the version is read before the library is, so what is learnt below is at least that new.
    const answers = factcheckAnswers(db, matcher, await libraryVersion(tx), library);
    const known = claims.map((c) => answers.get(c.text, limit));
    // Each text once (its first claim's index), however many claims of the batch repeat it.
    const firstOf = new Map<string, number>();
    for (const [i, c] of claims.entries()) if (!known[i] && !firstOf.has(c.text)) firstOf.set(c.text, i);
    const asked = [...firstOf.values()];
    // Every search reads GIN's pending list of new claims in full, and an import keeps it near its limit
    // (000015: 128 kB, some 500 claims): on bench:import data that was 0.45 of the 0.55 ms a claim's search
    // took. Merging it into the tree first is work the next insert past the limit (or vacuum) would do
    // anyway, and this batch's searches then read only the tree. Same rows found either way. Only the
    // index's owner may merge (as for VACUUM): a role that may not skips it.
    await tx.query(
      `select gin_clean_pending_list(i.oid) from pg_class i
        where i.oid = 'claim_search_idx'::regclass and pg_has_role(current_user, i.relowner, 'usage')`,
    );
    // In the earlier-claims search, `offset 0` keeps the planner from AND-ing the GIN search with a range
    // scan of claim (created_at, id) for "stored before": that scan reads every older claim (dead rows
    // too) for each claim searched, 12 of its 13 ms on bench:import data, where the GIN search finds some
    // twenty rows and filtering them costs nothing (0.6 ms a claim; same rows, same order). A verbatim copy's
    // trigram similarity is 1 without computing it (a text the search found has words, so trigrams): on a
    // 10,000-article import most candidates are copies, and similarity() was 0.35 of this search's CPU.
    // Each claim's tsquery is parsed once (the materialized CTE), where `to_tsquery(q.query)` in the lateral
    // was parsed and stemmed again for every row found, to test it and to rank it; and only the columns used
    // are carried out of the `offset 0` subquery. Same rows; on bench:import data (30 batches, 4,373 claims,
    // backend CPU, three alternations) 1.09-1.14 s → 0.87-0.89 s. A verbatim copy's text comes back null (it is
    // the claim's own, filled in below): most rows found are copies, and their texts were most of the bytes the
    // backend wrote and this process decoded.

    return [
      { answers, known },
      asked,
      // A batch of copies only asks nothing: no statement at all.
      asked.length === 0
        ? { rows: [] as (FoundRow & { i: number })[] }
        : await tx.query<FoundRow & { i: number }>(
            `select q.i::int, f.id, f.text, f.title, f.rank, f.claim_rank, f.title_rank, similarity(f.text, q.plain) as trigram, f.at,
                first_id, first_at
         from unnest($1::text[], $2::text[]) with ordinality as q(query, plain, i)
         cross join lateral (
           select f.id, f.twin_key, f.claim_reviewed as text, f.title, ts_rank(f.search, to_tsquery('english', q.query), 1) as rank,
                  ts_rank('{0,0,0,1}', f.search, to_tsquery('english', q.query)) as claim_rank,
                  ts_rank('{0,0,1,0}', f.search, to_tsquery('english', q.query)) as title_rank,
                  coalesce(f.claim_date, f.published_at) as at
             from factcheck f where q.query <> '' and f.search @@ to_tsquery('english', q.query)
            order by rank desc, f.id limit $3) f
         ${firstOfTwins('f')}`,
            [asked.map((i) => queries[i]), asked.map((i) => plain[i]), DEPTH],
          ),
      await tx.query<FoundEarlier & { i: number }>(
        `with q as materialized (
           select q.*, to_tsquery('english', q.query) as tsquery
             from unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[], $5::uuid[]) with ordinality
                  as q(query, plain, article_id, created_at, claim_id, i))
         select q.i::int, c.id, nullif(c.text, q.plain) as text, c.group_id, c.created_at, null::text as title, c.rank, c.rank as claim_rank, c.rank as title_rank,
              case when c.text = q.plain then 1 else similarity(c.text, q.plain) end as trigram,
              coalesce(a.published_at, a.created_at) as at
         from q
         cross join lateral (
           select c.id, c.text, c.group_id, c.created_at, c.article_id, ts_rank(c.search, q.tsquery, 1) as rank
             from (select c.id, c.text, c.group_id, c.created_at, c.article_id, c.status, c.search
                     from claim c where q.query <> '' and c.search @@ q.tsquery offset 0) c
            where c.status <> 'superseded' and c.article_id <> q.article_id and (c.created_at, c.id) < (q.created_at, q.claim_id)
            order by rank desc, c.id limit $6) c
         join article a on a.id = c.article_id`,
        [
          queries,
          plain,
          claims.map((c) => c.article_id),
          claims.map((c) => c.created_at),
          claims.map((c) => c.id),
          DEPTH,
        ],
      ),
    ] as const;
  });
  const byQuery = <T extends FoundRow>(n: number, rows: (T & { i: number })[]) => {
    const out = Array.from({ length: n }, () => [] as T[]);
    for (const r of rows) out[r.i - 1]!.push(r);
    for (const list of out) list.sort((a, b) => Number(b.rank) - Number(a.rank) || a.id.localeCompare(b.id));
    return out;
  };
  const f = byQuery(asked.length, factchecks.rows);
  const listOf = new Map(asked.map((i, k) => [i, k]));
  const learnt = new Map<string, Ranked[]>();
  for (const r of earlier.rows) r.text ??= plain[r.i - 1]!;
  const c = byQuery(claims.length, earlier.rows);
  const earlierSides = claims.map((claim, i): Ranked[] => {
    if (!known.known[i] && !learnt.has(claim.text)) {
      // Only the best `limit` can be proposed, whatever the earlier claims score: they are all that is kept,
      // each group of twin fact-checks once (twins.ts). (Scored right before the same text's earlier claims:
      // the matcher analyses the text once for both.)
      const scored = best(score(matcher, claim.text, f[listOf.get(i)!]!, 'factcheck', library), Infinity);
      learnt.set(claim.text, foldTwins(scored).slice(0, limit));
    }
    // Copies of one earlier claim are still scored side by side, so a copy does not pass for a clear winner
    // over its twins (as many automatic links as before), but only one of them is proposed (repeats.ts).
    const proposed = new Set(collapseRepeats(c[i]!).map((r) => r.id));
    return score(matcher, claim.text, c[i]!, 'claim', library).filter((r) => proposed.has(r.id));
  });
  for (const [text, side] of learnt) known.answers.set(text, limit, side);
  return claims.map((claim, i) => best([...(known.known[i] ?? learnt.get(claim.text)!), ...earlierSides[i]!], limit));
}

/** Best first (equal scores by id, so the same candidates give the same order), the first `limit`. */
const best = (ranked: Ranked[], limit: number) =>
  ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
