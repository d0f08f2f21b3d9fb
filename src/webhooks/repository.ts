import type { Queryable } from '../db/pool';

export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  active: boolean;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  claim_event_id: number;
  event_type: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
}

export async function insertWebhook(
  db: Queryable,
  url: string,
  secret: string,
  createdBy: string,
): Promise<WebhookRow> {
  const { rows } = await db.query<WebhookRow>(
    'insert into webhook (url, secret, created_by) values ($1, $2, $3) returning *',
    [url, secret, createdBy],
  );
  return rows[0]!;
}

export async function listWebhooks(db: Queryable): Promise<WebhookRow[]> {
  return (await db.query<WebhookRow>('select * from webhook order by created_at, id')).rows;
}

/** One pending delivery per active webhook for this event, in the caller's transaction. */
export async function insertDeliveries(
  db: Queryable,
  eventId: number,
  eventType: string,
  payload: object,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `insert into webhook_delivery (webhook_id, claim_event_id, event_type, payload)
     select id, $1, $2, $3 from webhook where active
     on conflict (webhook_id, claim_event_id) do nothing
     returning id`,
    [eventId, eventType, JSON.stringify(payload)],
  );
  return rows.map((r) => r.id);
}

export async function getDelivery(db: Queryable, id: string) {
  const { rows } = await db.query<DeliveryRow & { url: string; secret: string }>(
    'select d.*, w.url, w.secret from webhook_delivery d join webhook w on w.id = d.webhook_id where d.id = $1',
    [id],
  );
  return rows[0];
}

export async function recordAttempt(
  db: Queryable,
  id: string,
  outcome: { status: 'pending' | 'delivered' | 'failed'; code: number | null; error: string | null },
): Promise<void> {
  await db.query(
    `update webhook_delivery set attempts = attempts + 1, status = $2, last_status_code = $3, last_error = $4,
            updated_at = now(), delivered_at = case when $2 = 'delivered' then now() else delivered_at end
      where id = $1`,
    [id, outcome.status, outcome.code, outcome.error],
  );
}

export async function listDeliveries(db: Queryable, webhookId: string, limit: number): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DeliveryRow>(
    'select * from webhook_delivery where webhook_id = $1 order by created_at desc, id limit $2',
    [webhookId, limit],
  );
  return rows;
}

export async function pendingDeliveryIds(db: Queryable, olderThanSeconds: number, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from webhook_delivery where status = 'pending' and updated_at < now() - make_interval(secs => $1)
      order by created_at limit $2`,
    [olderThanSeconds, limit],
  );
  return rows.map((r) => r.id);
}
