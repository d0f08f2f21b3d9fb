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
    // The batch write resolved its articles' speakers; those it wrote through the full path get their job
    // after the commit (see src/speakers/enqueue.ts), those handed on after their own ArticleExtract job.
    if (outcome.speakersPending.length)
      await enqueueSpeakerResolution({ producer: deps.producer, log: ctx.log }, outcome.speakersPending);
    // Articles handed on to their own jobs are matched when those finish; matching skips unextracted ones.
    await enqueueMatching(deps, payload.articleIds, payload.requestId);
    return outcome;
  };
}
