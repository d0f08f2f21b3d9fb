import type { AuthContext } from '../auth/types';
import type { Queryable } from '../db/pool';

/** Moves claims between speakers; returns the ids moved (only those that were the source's). */
export async function moveClaims(db: Queryable, from: string, to: string, claimIds?: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `update claim set speaker_id = $2 where speaker_id = $1 ${claimIds ? 'and id = any($3::uuid[])' : ''} returning id`,
    claimIds ? [from, to, claimIds] : [from, to],
  );
  return rows.map((r) => r.id).sort();
}

export async function claimsOfSpeaker(db: Queryable, speakerId: string, claimIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select id from claim where speaker_id = $1 and id = any($2::uuid[])',
    [speakerId, claimIds],
  );
  return rows.map((r) => r.id);
}

/** Claim count, first and last seen recomputed from the claims (after a merge or split moved some). */
export async function refreshStats(db: Queryable, speakerIds: string[]): Promise<void> {
  await db.query(
    `update speaker s set claim_count = coalesce(x.n, 0), first_seen = x.first_seen, last_seen = x.last_seen, updated_at = now()
       from unnest($1::uuid[]) as ids(id)
       left join lateral (
         select count(*)::int as n, min(coalesce(a.published_at, a.created_at)) as first_seen,
                max(coalesce(a.published_at, a.created_at)) as last_seen
           from claim c join article a on a.id = c.article_id where c.speaker_id = ids.id
       ) x on true
      where s.id = ids.id`,
    [speakerIds],
  );
}

export async function updateSpeaker(
  db: Queryable,
  id: string,
  set: { name?: string; aliases?: string[]; match_keys?: string[]; merged_into?: string | null },
): Promise<void> {
  const cols = Object.entries(set).filter(([, v]) => v !== undefined);
  await db.query(
    `update speaker set ${cols.map(([k], i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
    [id, ...cols.map(([, v]) => v)],
  );
}

/** A new speaker like `from` (name, type, title, affiliation, scope) but matched by no key of its own yet. */
export async function copySpeaker(db: Queryable, fromId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into speaker (name, type, title, affiliation, aliases, article_id)
     select name, type, title, affiliation, '{}', article_id from speaker where id = $1 returning id`,
    [fromId],
  );
  return rows[0]!.id;
}

export interface SpeakerEventRow {
  id: number;
  speaker_id: string;
  type: 'merge' | 'split' | 'rename';
  data: Record<string, unknown>;
  created_at: Date;
}

export async function insertSpeakerEvent(
  db: Queryable,
  speakerId: string,
  type: SpeakerEventRow['type'],
  data: Record<string, unknown>,
  actor: AuthContext,
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `insert into speaker_event (speaker_id, type, data, actor_key_id, actor_name, actor_role)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [speakerId, type, JSON.stringify(data), actor.keyId, actor.name, actor.role],
  );
  return rows[0]!.id;
}

/** The merges into a speaker, newest first: a split that takes back exactly one of them undoes it. */
export async function mergesInto(db: Queryable, speakerId: string): Promise<SpeakerEventRow[]> {
  const { rows } = await db.query<SpeakerEventRow>(
    `select e.id, e.speaker_id, e.type, e.data, e.created_at from speaker_event e
       join speaker o on o.id = (e.data->>'other_id')::uuid and o.merged_into = e.speaker_id
      where e.speaker_id = $1 and e.type = 'merge' order by e.id desc`,
    [speakerId],
  );
  return rows;
}
