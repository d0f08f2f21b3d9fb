import type { Deps } from '../src/deps';
import type { JobHandlers } from '../src/queue/worker-host';
import { articleExtractHandler } from './article-extract';
import { articleExtractBatchHandler } from './article-extract-batch';
import { claimMatchBatchHandler, claimMatchHandler } from './claim-match';
import { reconcileHandler } from './reconcile';
import { speakerResolveHandler } from './speaker-resolve';
import { webhookDeliverHandler } from './webhook-deliver';

/** One handler per job of the registry (src/jobs.ts); the type makes a missing one a compile error. */
export function jobHandlers(deps: Deps): JobHandlers {
  deps.extractor.warm();
  return {
    ArticleExtract: articleExtractHandler(deps),
    ArticleExtractBatch: articleExtractBatchHandler(deps),
    ClaimMatch: claimMatchHandler(deps),
    ClaimMatchBatch: claimMatchBatchHandler(deps),
    Reconcile: reconcileHandler(deps),
    SpeakerResolve: speakerResolveHandler(deps),
    WebhookDeliver: webhookDeliverHandler(deps),
  };
}
