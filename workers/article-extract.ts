import { extractArticle } from '../src/articles/extract';
import type { Deps } from '../src/deps';
import { enqueueMatching } from '../src/matching/enqueue';
import type { JobHandler } from '../src/queue/worker-host';

/** ArticleExtract: thin entry point around the extraction use case. */
export function articleExtractHandler(deps: Deps): JobHandler<'ArticleExtract'> {
  return async (payload, ctx) => {
    const outcome = await extractArticle({ db: deps.db, log: ctx.log }, payload.articleId, {
      leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS,
      finalAttempt: ctx.finalAttempt,
    });
    // After the extraction's commit; a lost enqueue is found again by the reconciler (matched_at is null).
    await enqueueMatching(deps, [payload.articleId], payload.requestId);
    return outcome;
  };
}
