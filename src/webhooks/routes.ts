import { z } from 'zod';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { checkReceiverUrl, ForbiddenReceiver } from './address-policy';
import { type DeliveryRow, insertWebhook, listDeliveries, listWebhooks, type WebhookRow } from './repository';
import { receiverPolicy } from './service';

const WebhookInput = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    secret: z.string().min(16).max(200).meta({
      description:
        'signs every delivery (Standard Webhooks: a `whsec_` base64 secret, or any other string used as raw bytes); never shown again',
    }),
  })
  .meta({ id: 'WebhookInput' });
const Webhook = z
  .object({ id: z.uuid(), url: z.string(), active: z.boolean(), created_at: z.string() })
  .meta({ id: 'Webhook' });
const Delivery = z
  .object({
    id: z.uuid(),
    event_type: z.string(),
    claim_event_id: z.number().int(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

// The secret stays in the database: it is needed to sign, never to be read back.
const present = (w: WebhookRow) => ({ id: w.id, url: w.url, active: w.active, created_at: w.created_at.toISOString() });
const presentDelivery = (d: DeliveryRow) => ({
  id: d.id,
  event_type: d.event_type,
  claim_event_id: d.claim_event_id,
  status: d.status,
  attempts: d.attempts,
  last_status_code: d.last_status_code,
  last_error: d.last_error,
  created_at: d.created_at.toISOString(),
  delivered_at: d.delivered_at?.toISOString() ?? null,
});

async function refuseForbiddenReceiver(deps: Deps, url: string): Promise<void> {
  try {
    await checkReceiverUrl(receiverPolicy(deps.config), url);
  } catch (err) {
    if (!(err instanceof ForbiddenReceiver)) throw err;
    throw new AppError('webhook_receiver_forbidden', 400, `The webhook URL may not be used: ${err.message}.`, {
      hint: 'Self-hosted receivers on private addresses are allowed with WEBHOOK_ALLOW_HOSTS.',
    });
  }
}

export function webhookRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/webhooks',
      summary:
        'Register a webhook: every status change and verdict is POSTed to it, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); only public addresses unless WEBHOOK_ALLOW_HOSTS lets one in',
      tags: ['webhooks'],
      auth: ['admin'],
      body: WebhookInput,
      responses: { 201: { description: 'Registered', schema: Webhook } },
      handler: async ({ body, auth, res }) => {
        await refuseForbiddenReceiver(deps, body.url);
        const hook = await insertWebhook(deps.db, body.url, body.secret, auth!.keyId);
        res.status(201).location(`/v1/webhooks/${hook.id}`).json(present(hook));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/webhooks',
      summary: 'Registered webhooks',
      tags: ['webhooks'],
      auth: ['admin'],
      responses: { 200: { description: 'Webhooks', schema: z.object({ items: z.array(Webhook) }) } },
      handler: async ({ res }) => {
        res.json({ items: (await listWebhooks(deps.db)).map(present) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/webhooks/:id/deliveries',
      summary: "A webhook's deliveries, newest first, with attempts and the receiver's last answer",
      tags: ['webhooks'],
      auth: ['admin'],
      params: IdParams,
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      responses: { 200: { description: 'Deliveries', schema: z.object({ items: z.array(Delivery) }) } },
      problems: [404],
      handler: async ({ params, query, res }) => {
        const exists = await deps.db.query('select 1 from webhook where id = $1', [params.id]);
        if (!exists.rowCount) throw notFound('webhook', params.id);
        res.json({ items: (await listDeliveries(deps.db, params.id, query.limit)).map(presentDelivery) });
      },
    }),
  ];
}
