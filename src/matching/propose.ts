import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { appendEvents } from '../reviews/repository';
import { insertDeliveries } from '../webhooks/repository';
import { enqueueDeliveries } from '../webhooks/service';
import { defaultMatcher, type Matcher } from './model';
import { linkState } from './policy';
import { rankBatch } from './batch';
import { joinGroups } from './groups';
import { insertMatches, type NewMatch } from './repository';
import { countWords } from './text';

/** Links proposed per claim: the best few are enough for a reviewer, and bound the rows a run writes. */
const PER_CLAIM = 3;
/**
 * Claims below this check-worthiness are not matched in the pipeline (about 60 % of what the extractor
 * finds: procedural quotes, colour): they are rarely fact-checked, and matching them would cost an import
 * more than its extraction. POST /v1/matches still finds them as earlier claims.
 */
export const MIN_CHECKWORTHY = 0.5;

interface ClaimToMatch {
  id: string;
  text: string;
  article_id: string;
  created_at: Date;
  at: Date;
}

/**
 * ClaimMatch / ClaimMatchBatch: every current claim of the extracted articles is matched against the
 * fact-check library and earlier claims; links above the thresholds are written in one transaction with
 * the articles' `matched_at`, so a killed worker leaves the articles for the reconciler, and a repeated
 * job finds every pair already there (the pair is unique) and writes nothing new.
 */
export async function matchArticles(deps: Deps, articleIds: string[], matcher: Matcher = defaultMatcher()) {
  const { rows: claims } = await deps.db.query<ClaimToMatch>(
    // The batch's articles by key first (offset 0 keeps the planner from reading them through the partial index
    // of every unmatched article, the whole backlog, on tables it has no statistics for).
    `select c.id, c.text, c.article_id, c.created_at, coalesce(a.published_at, a.created_at) as at
       from claim c
       join (select id, status, matched_at, published_at, created_at from article where id = any($1::uuid[]) offset 0) a
         on a.id = c.article_id
      where a.status = 'extracted' and a.matched_at is null and c.status <> 'superseded'
        and c.checkworthy >= $2
      order by c.article_id, c.position`,
    [articleIds, MIN_CHECKWORTHY],
  );
  const proposals: NewMatch[] = [];
  const rankedAll = claims.length ? await rankBatch(deps.db, matcher, claims, PER_CLAIM) : [];
  for (const [i, claim] of claims.entries()) {
    const ranked = rankedAll[i]!;
    const words = countWords(claim.text);
    for (const r of ranked) {
      const state = linkState(matcher, r.score, { words, claimAt: claim.at, targetAt: r.at });
      if (!state) continue;
      proposals.push({
        claim_id: claim.id,
        factcheck_id: r.type === 'factcheck' ? r.id : null,
        target_claim_id: r.type === 'claim' ? r.id : null,
        state,
        score: r.score,
      });
    }
  }
  const { inserted, deliveryIds } = await withTransaction(deps.db, async (tx) => {
    const inserted = await insertMatches(tx, proposals, matcher.version);
    const auto = inserted.filter((m) => m.state === 'auto');
    // An automatic link is in the claim's history like a confirmed one: it can carry a verdict.
    const events = await appendEvents(
      tx,
      auto.map((m) => ({
        claimId: m.claim_id,
        type: 'match_auto',
        from: null,
        to: null,
        actor: null,
        data: {
          match: {
            id: m.id,
            from: null,
            to: 'auto',
            score: m.score,
            target: { type: m.factcheck_id ? 'factcheck' : 'claim', id: m.factcheck_id ?? m.target_claim_id },
          },
        },
      })),
    );
    const deliveryIds: string[] = [];
    // Most imports have no webhooks: then an automatic link costs no delivery query.
    const { rowCount: hooks } = auto.length
      ? await tx.query('select 1 from webhook where active limit 1')
      : { rowCount: 0 };
    for (const [i, m] of auto.entries()) {
      if (!hooks) break;
      const event = events[i]!;
      deliveryIds.push(
        ...(await insertDeliveries(tx, event.id, 'claim.match_auto', {
          event: 'claim.match_auto',
          event_id: event.id,
          at: event.created_at.toISOString(),
          claim: { id: m.claim_id },
          match: {
            id: m.id,
            state: m.state,
            score: m.score,
            factcheck_id: m.factcheck_id,
            claim_id: m.target_claim_id,
          },
        })),
      );
    }
    // `(…) is true` says what `status = 'extracted'` says (status is never null), but does not match the partial
    // index of unmatched articles, which a planner without statistics took for a handful of rows: it read the whole
    // matching backlog for a batch's 25 articles (20,000 unmatched: 6 ms against 2.7 by key).
    await tx.query(
      "update article set matched_at = now() where id = any($1::uuid[]) and (status = 'extracted') is true and matched_at is null",
      [articleIds],
    );
    // Last, as it takes the lock every matching transaction waits for: held until commit, and no longer.
    await joinGroups(tx, auto);
    return { inserted, deliveryIds };
  });
  await enqueueDeliveries(deps, deliveryIds);
  return { claims: claims.length, links: inserted.length };
}
