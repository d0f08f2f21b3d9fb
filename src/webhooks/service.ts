import { createHmac } from 'node:crypto';
import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import { getDelivery, pendingDeliveryIds, recordAttempt } from './repository';

export const SIGNATURE_HEADER = 'X-Claimtrack-Signature';
export const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const ATTEMPTS = 8;

/** After commit: one job per delivery. If Redis is down they stay pending and the reconciler sends them. */
export async function enqueueDeliveries(deps: Deps, deliveryIds: string[]): Promise<void> {
  if (!deliveryIds.length) return;
  try {
    await deps.producer.enqueueBulk(
      'WebhookDeliver',
      deliveryIds.map((deliveryId) => ({ payload: { deliveryId }, jobId: jobIds.webhookDeliver(deliveryId) })),
      { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: deps.config.WEBHOOK_BACKOFF_MS } },
    );
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message, count: deliveryIds.length },
      'webhook enqueue failed; the reconciler will retry',
    );
  }
}

/** Called by the reconciler: deliveries left pending (Redis lost them, or was down) are enqueued again. */
export async function enqueuePendingDeliveries(deps: Deps): Promise<number> {
  const ids = await pendingDeliveryIds(deps.db, 60, 1000);
  await enqueueDeliveries(deps, ids);
  return ids.length;
}

/**
 * WebhookDeliver: POSTs the stored payload, signed over the exact bytes sent. Non-2xx throws so BullMQ
 * retries with exponential backoff; an already delivered delivery is skipped, so a duplicate job is harmless.
 */
export async function deliverWebhook(
  deps: Pick<Deps, 'db'>,
  deliveryId: string,
  finalAttempt: boolean,
): Promise<{ skipped: boolean }> {
  const d = await getDelivery(deps.db, deliveryId);
  if (!d || d.status === 'delivered') return { skipped: true };
  const body = JSON.stringify(d.payload);
  let code: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: sign(d.secret, body),
        'X-Claimtrack-Delivery': d.id,
        'X-Claimtrack-Event': d.event_type,
        'user-agent': 'claimtrack-webhooks',
      },
      signal: AbortSignal.timeout(10_000),
    });
    code = res.status;
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) {
      await recordAttempt(deps.db, d.id, { status: 'delivered', code, error: null });
      return { skipped: false };
    }
    error = `receiver answered ${res.status}`;
  } catch (err) {
    error = (err as Error).message;
  }
  await recordAttempt(deps.db, d.id, { status: finalAttempt ? 'failed' : 'pending', code, error });
  throw new Error(`webhook delivery ${d.id} failed: ${error}`);
}
