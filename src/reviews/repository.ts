import { fetchSize } from '../claims/present-sql';
import { confidenceLiteral, enumLiteral, PRESENTED_COLUMNS, thresholdStatementName } from '../claims/queries';
import { SPEAKER_TYPES } from '../extraction/types';
import type { ClaimRow } from '../claims/repository';
import { storedClaimJson, withBuiltJson } from '../claims/stored-json';
import { type Queryable, statementText } from '../db/pool';

export interface EventRow {
  id: number;
  claim_id: string;
  type: string;
  from_status: string | null;
  to_status: string | null;
  actor_key_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

export async function lockClaim(db: Queryable, id: string) {
  const { rows } = await db.query<{ id: string; status: string; version: number }>(
    'select id, status, version from claim where id = $1 for update',
    [id],
  );
  return rows[0];
}

export async function appendEvent(
  db: Queryable,
  e: {
    claimId: string;
    type: string;
    from: string | null;
    to: string | null;
    actor: { keyId: string; name: string; role: string } | null;
    data: object;
  },
): Promise<EventRow> {
  const { rows } = await db.query<EventRow>(
    `insert into claim_event (claim_id, type, from_status, to_status, actor_key_id, actor_name, actor_role, data)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`,
    [
      e.claimId,
      e.type,
      e.from,
      e.to,
      e.actor?.keyId ?? null,
      e.actor?.name ?? null,
      e.actor?.role ?? null,
      JSON.stringify(e.data),
    ],
  );
  return rows[0]!;
}

/**
 * Many events in one statement (a matching run's automatic links), returned in the order given: ids are
 * drawn row by row in the select's order, so sorting by id restores it.
 */
export async function appendEvents(db: Queryable, events: Parameters<typeof appendEvent>[1][]): Promise<EventRow[]> {
  if (!events.length) return [];
  const { rows } = await db.query<EventRow>(
    `insert into claim_event (claim_id, type, from_status, to_status, actor_key_id, actor_name, actor_role, data)
     select e.claim_id, e.type, e.from_status, e.to_status, e.actor_key_id, e.actor_name, e.actor_role, e.data
       from rows from (jsonb_to_recordset($1::jsonb) as (claim_id uuid, type text, from_status text, to_status text,
            actor_key_id uuid, actor_name text, actor_role text, data jsonb)) with ordinality
            as e(claim_id, type, from_status, to_status, actor_key_id, actor_name, actor_role, data, i)
      order by e.i
     returning *`,
    [
      JSON.stringify(
        events.map((e) => ({
          claim_id: e.claimId,
          type: e.type,
          from_status: e.from,
          to_status: e.to,
          actor_key_id: e.actor?.keyId ?? null,
          actor_name: e.actor?.name ?? null,
          actor_role: e.actor?.role ?? null,
          data: e.data,
        })),
      ),
    ],
  );
  return rows.sort((a, b) => Number(a.id) - Number(b.id));
}

/** Moves the claim and records what the new status brings (priority, assignee, verdict) on the row. */
export async function applyTransition(
  db: Queryable,
  claimId: string,
  to: string,
  f: {
    priority?: string;
    note?: string;
    verdict?: string;
    assigneeKeyId?: string;
    assigneeName?: string;
    eventId: number;
  },
): Promise<ClaimRow> {
  const { rows } = await db.query<ClaimRow>(
    `update claim set
        status = $2, version = version + 1, updated_at = now(),
        priority = case when $2 = 'flagged' then $3 else priority end,
        flag_reason = case when $2 = 'flagged' then $4 else flag_reason end,
        flagged_at = case when $2 = 'flagged' then now() else flagged_at end,
        assignee_key_id = case when $2 = 'in_review' then $6::uuid else assignee_key_id end,
        assignee_name = case when $2 = 'in_review' then $7 else assignee_name end,
        verdict = case when $2 = 'reviewed' then $5 else verdict end,
        verdict_note = case when $2 = 'reviewed' then $4 else verdict_note end,
        verdict_at = case when $2 = 'reviewed' then now() else verdict_at end,
        verdict_event_id = case when $2 = 'reviewed' then $8 else verdict_event_id end
      where id = $1
      returning *`,
    [
      claimId,
      to,
      f.priority ?? null,
      f.note ?? null,
      f.verdict ?? null,
      f.assigneeKeyId ?? null,
      f.assigneeName ?? null,
      f.eventId,
    ],
  );
  return rows[0]!;
}

export async function listEvents(db: Queryable, claimId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>('select * from claim_event where claim_id = $1 order by id', [claimId]);
  return rows;
}

/** The statuses a review queue may list; written into its SQL so the planner can use the partial index. */
const QUEUE_STATUSES = ['flagged', 'in_review'];

export async function reviewQueue(
  db: Queryable,
  f: { statuses: string[]; assignee?: string; speakerType?: string; minConfidence: number; limit: number },
): Promise<string[]> {
  if (!f.statuses.length) throw new Error('no queue status');
  const statuses = f.statuses.map((s) => enumLiteral(s, QUEUE_STATUSES)).join(', ');
  // The speaker type too, so that a rare one is planned as rare (see listClaims).
  const speakerType = f.speakerType ? `and speaker_type = ${enumLiteral(f.speakerType, SPEAKER_TYPES)}` : '';
  const size = fetchSize(f.limit);
  // The assignee filter only when asked for: `$1 is null or …` would keep the generic plan dearer than a
  // custom one, and Postgres would plan the query on every read (see confidenceLiteral, written in for the
  // same reason).
  const assignee = f.assignee === undefined ? '' : 'and assignee_name = $1';
  // Named: prepared once per connection (per statuses, filters, threshold and fetch size), as it runs on every
  // read of the queue. Claims come as their stored JSON text, built only where it cannot be sent (storedClaimJson).
  const name = thresholdStatementName(
    `claim-review-queue-${f.statuses.join('-')}-${f.speakerType ?? ''}-${assignee ? 'a' : ''}-${f.minConfidence}-${size}`,
    f.minConfidence,
  );
  const text = statementText(
    name,
    () => `select q.id, ${storedClaimJson('q')} as json from (
       select ${PRESENTED_COLUMNS},
              case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end as rank
         from claim
        where status in (${statuses})
          ${assignee}
          and confidence >= ${confidenceLiteral(f.minConfidence)}
          ${speakerType}
        order by case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end,
                 checkworthy desc, flagged_at nulls last, id
        limit ${size}) q
      order by q.rank, q.checkworthy desc, q.flagged_at nulls last, q.id`,
  );
  const { rows } = await db.query<{ id: string; json: string | null }>({
    name,
    text,
    values: assignee ? [f.assignee] : [],
  });
  return (await withBuiltJson(db, rows.slice(0, f.limit))).map((r) => r.json);
}
