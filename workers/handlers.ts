import type { Deps } from '../src/deps';
import type { JobHandlers } from '../src/queue/worker-host';
import { articleExtractHandler } from './article-extract';
import { articleExtractBatchHandler } from './article-extract-batch';
import { reconcileHandler } from './reconcile';
import { webhookDeliverHandler } from './webhook-deliver';

/** One handler per job of the registry (src/jobs.ts); the type makes a missing one a compile error. */
export function jobHandlers(deps: Deps): JobHandlers {
  deps.extractor.warm();
  return {
    ArticleExtract: articleExtractHandler(deps),
    ArticleExtractBatch: articleExtractBatchHandler(deps),
    Reconcile: reconcileHandler(deps),
    WebhookDeliver: webhookDeliverHandler(deps),
  };
}
