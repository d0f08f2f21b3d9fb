import { extractArticle } from '../src/articles/extract';
import type { Deps } from '../src/deps';
import type { JobHandler } from '../src/queue/worker-host';

/** ArticleExtract: thin entry point around the extraction use case. */
export function articleExtractHandler(deps: Deps): JobHandler<'ArticleExtract'> {
  return async (payload, ctx) =>
    extractArticle({ ...deps, log: ctx.log }, payload.articleId, {
      leaseSeconds: deps.config.EXTRACT_LEASE_SECONDS,
      finalAttempt: ctx.finalAttempt,
    });
}
