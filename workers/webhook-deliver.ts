import type { Deps } from '../src/deps';
import type { JobHandler } from '../src/queue/worker-host';
import { deliverWebhook } from '../src/webhooks/service';

/** WebhookDeliver: thin entry point; retries come from BullMQ's backoff when delivery throws. */
export function webhookDeliverHandler(deps: Deps): JobHandler<'WebhookDeliver'> {
  return (payload, ctx) => deliverWebhook(deps, payload.deliveryId, ctx.finalAttempt);
}
