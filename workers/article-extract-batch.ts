import { extractArticleBatch } from '../src/articles/extract-batch';
import type { Deps } from '../src/deps';
import type { JobHandler } from '../src/queue/worker-host';

/** ArticleExtractBatch: thin entry point around the batch extraction use case. */
export function articleExtractBatchHandler(deps: Deps): JobHandler<'ArticleExtractBatch'> {
  return async (payload, ctx) =>
    extractArticleBatch({ ...deps, log: ctx.log }, payload.articleIds, {
      leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS,
      attempts: deps.config.EXTRACT_ATTEMPTS,
    });
}
