import type { Config } from '../config';
import type { Deps } from '../deps';
import { jobIds } from '../jobs';
import { type AddressPolicy, parseAllowList } from './address-policy';
import { getDelivery, pendingDeliveryIds, recordAttempt } from './repository';
import { postToReceiver } from './send';
import { signatureHeaders } from './signature';

const ATTEMPTS = 8;
const MAX_RESPONSE_BYTES = 64 * 1024;

const policies = new WeakMap<Config, AddressPolicy>();
/** The receiver allow-list, parsed once per configuration. */
export function receiverPolicy(config: Config): AddressPolicy {
  let policy = policies.get(config);
  if (!policy) {
    policy = parseAllowList(config.WEBHOOK_ALLOW_HOSTS);
    policies.set(config, policy);
  }
  return policy;
}

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
 * WebhookDeliver: POSTs the stored payload, signed over the exact bytes sent (Standard Webhooks), only to
 * an address the receiver policy allows. Non-2xx (3xx included: redirects are not followed) throws so
 * BullMQ retries with exponential backoff; an already delivered delivery is skipped, so a duplicate job is harmless.
 */
export async function deliverWebhook(
  deps: Pick<Deps, 'db' | 'config'>,
  deliveryId: string,
  finalAttempt: boolean,
): Promise<{ skipped: boolean }> {
  const d = await getDelivery(deps.db, deliveryId);
  if (!d || d.status === 'delivered') return { skipped: true };
  const body = JSON.stringify(d.payload);
  const { code, error } = await postToReceiver(
    receiverPolicy(deps.config),
    d.url,
    body,
    {
      'content-type': 'application/json',
      ...signatureHeaders(d.secret, d.id, body, new Date()),
      'X-Claimtrack-Event': d.event_type,
      'user-agent': 'claimtrack-webhooks',
    },
    { timeoutMs: deps.config.WEBHOOK_TIMEOUT_MS, maxResponseBytes: MAX_RESPONSE_BYTES },
  );
  if (code !== null && code >= 200 && code < 300) {
    await recordAttempt(deps.db, d.id, { status: 'delivered', code, error: null });
    return { skipped: false };
  }
  const problem =
    error ??
    (code !== null && code >= 300 && code < 400
      ? `receiver answered ${code} (redirects are not followed)`
      : `receiver answered ${code}`);
  await recordAttempt(deps.db, d.id, { status: finalAttempt ? 'failed' : 'pending', code, error: problem });
  throw new Error(`webhook delivery ${d.id} failed: ${problem}`);
}
