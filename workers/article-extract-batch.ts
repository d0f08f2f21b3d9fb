import { extractArticleBatch } from '../src/articles/extract-batch';
import type { Deps } from '../src/deps';
import { enqueueMatching } from '../src/matching/enqueue';
import type { JobHandler } from '../src/queue/worker-host';
import { enqueueSpeakerResolution } from '../src/speakers/enqueue';

/** ArticleExtractBatch: thin entry point around the batch extraction use case. */
export function articleExtractBatchHandler(deps: Deps): JobHandler<'ArticleExtractBatch'> {
  return async (payload, ctx) => {
    const outcome = await extractArticleBatch(
      { ...deps, log: ctx.log },
      payload.articleIds,
      { leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS, attempts: deps.config.EXTRACT_ATTEMPTS },
    );
    // After the batch's commit, one resolution job for the batch: articles not extracted by it are skipped
    // there and resolved after their own ArticleExtract job (see src/speakers/enqueue.ts).
    if (outcome.extracted)
      await enqueueSpeakerResolution({ producer: deps.producer, log: ctx.log }, payload.articleIds);
    // Articles handed on to their own jobs are matched when those finish; matching skips unextracted ones.
    await enqueueMatching(deps, payload.articleIds, payload.requestId);
    return outcome;
  };
}
