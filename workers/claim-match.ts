import type { Deps } from '../src/deps';
import { matchArticles } from '../src/matching/propose';
import type { JobHandler } from '../src/queue/worker-host';

/** ClaimMatch and ClaimMatchBatch: thin entry points around the matching use case. */
export function claimMatchHandler(deps: Deps): JobHandler<'ClaimMatch'> {
  return (payload) => matchArticles(deps, [payload.articleId]);
}

export function claimMatchBatchHandler(deps: Deps): JobHandler<'ClaimMatchBatch'> {
  return (payload) => matchArticles(deps, payload.articleIds);
}
