import { extractArticleBatch } from '../src/articles/extract-batch';
import type { Deps } from '../src/deps';
import { enqueueMatching } from '../src/matching/enqueue';
import type { JobHandler } from '../src/queue/worker-host';

/** ArticleExtractBatch: thin entry point around the batch extraction use case. */
export function articleExtractBatchHandler(deps: Deps): JobHandler<'ArticleExtractBatch'> {
  return async (payload, ctx) => {
    const outcome = await extractArticleBatch(
      { db: deps.db, log: ctx.log, producer: deps.producer },
      payload.articleIds,
      { leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS, attempts: deps.config.EXTRACT_ATTEMPTS },
    );
    // Articles handed on to their own jobs are matched when those finish; matching skips unextracted ones.
    await enqueueMatching(deps, payload.articleIds, payload.requestId);
    return outcome;
  };
}
