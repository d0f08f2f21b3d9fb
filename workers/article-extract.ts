import { extractArticle } from '../src/articles/extract';
import type { Deps } from '../src/deps';
import { enqueueMatching } from '../src/matching/enqueue';
import type { JobHandler } from '../src/queue/worker-host';
import { enqueueSpeakerResolution } from '../src/speakers/enqueue';

/** ArticleExtract: thin entry point around the extraction use case. */
export function articleExtractHandler(deps: Deps): JobHandler<'ArticleExtract'> {
  return async (payload, ctx) => {
    const outcome = await extractArticle({ ...deps, log: ctx.log }, payload.articleId, {
      leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS,
      finalAttempt: ctx.finalAttempt,
    });
    // After the extraction commit, unless it resolved the speakers itself: the registry's own job
    // (see src/speakers/enqueue.ts).
    if (!outcome.skipped && !outcome.speakersResolved)
      await enqueueSpeakerResolution({ producer: deps.producer, log: ctx.log }, [payload.articleId]);
    // After the extraction's commit; a lost enqueue is found again by the reconciler (matched_at is null).
    await enqueueMatching(deps, [payload.articleId], payload.requestId);
    return outcome;
  };
}
