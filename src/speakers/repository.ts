import type { Queryable } from '../db/pool';

export interface SpeakerRow {
  id: string;
  name: string;
  type: string;
  title: string | null;
  affiliation: string | null;
  aliases: string[];
  match_keys: string[];
  article_id: string | null;
  merged_into: string | null;
  claim_count: number;
  first_seen: Date | null;
  last_seen: Date | null;
}

export interface SpeakerClaimRow {
  id: string;
  article_id: string;
  article_title: string | null;
  publisher: string | null;
  published_at: Date | null;
  text: string;
  status: string;
  verdict: string | null;
  cursor_at: string;
}

const COLUMNS = `id, name, type, title, affiliation, aliases, match_keys, article_id, merged_into, claim_count, first_seen, last_seen`;

export async function getSpeaker(db: Queryable, id: string, lock = false): Promise<SpeakerRow | undefined> {
  const { rows } = await db.query<SpeakerRow>(
    `select ${COLUMNS} from speaker where id = $1 ${lock ? 'for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** Live speakers (not merged away) by name, keyset on (name, id); `words` each match a name word's prefix. */
export async function listSpeakers(
  db: Queryable,
  f: { words: string[]; type?: string; limit: number; after?: { name: string; id: string } },
): Promise<SpeakerRow[]> {
  const where = ['merged_into is null'];
  const args: unknown[] = [];
  const arg = (v: unknown) => `$${args.push(v)}`;
  if (f.words.length) {
    where.push(`search @@ to_tsquery('simple', ${arg(f.words.map((w) => `'${w}':*`).join(' & '))})`);
  }
  if (f.type) where.push(`type = ${arg(f.type)}`);
  if (f.after) where.push(`(name, id) > (${arg(f.after.name)}, ${arg(f.after.id)}::uuid)`);
  const { rows } = await db.query<SpeakerRow>(
    `select ${COLUMNS} from speaker where ${where.join(' and ')} order by name, id limit ${arg(f.limit + 1)}`,
    args,
  );
  return rows;
}

export async function verdictCounts(db: Queryable, speakerId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ verdict: string; n: number }>(
    `select verdict, count(*)::int as n from claim
      where speaker_id = $1 and status = 'reviewed' and verdict is not null group by verdict order by verdict`,
    [speakerId],
  );
  return Object.fromEntries(rows.map((r) => [r.verdict, r.n]));
}

/** A speaker's claims across articles, oldest first (by the article's date), keyset on (date, id). */
export async function listSpeakerClaims(
  db: Queryable,
  speakerId: string,
  limit: number,
  after?: { at: string; id: string },
): Promise<SpeakerClaimRow[]> {
  const args: unknown[] = [speakerId, limit + 1];
  const keyset = after ? `and (coalesce(a.published_at, a.created_at), c.id) > ($3::timestamptz, $4::uuid)` : '';
  if (after) args.push(after.at, after.id);
  const { rows } = await db.query<SpeakerClaimRow>(
    `select c.id, c.article_id, a.title as article_title, a.publisher, a.published_at, c.text, c.status, c.verdict,
            coalesce(a.published_at, a.created_at)::text as cursor_at
       from claim c join article a on a.id = c.article_id
      where c.speaker_id = $1 ${keyset}
      order by coalesce(a.published_at, a.created_at), c.id limit $2`,
    args,
  );
  return rows;
}
