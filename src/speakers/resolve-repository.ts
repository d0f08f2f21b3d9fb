import type { Queryable } from '../db/pool';
import type { SpeakerMention } from './identity';

/** A claim's speaker as extracted; `ref` is the claim's id, or a placeholder for a claim not yet written. */
export interface MentionAt {
  ref: string;
  article_id: string;
  speaker_name: string | null;
  speaker_type: string;
  speaker_anonymous: boolean;
  speaker_title: string | null;
  speaker_affiliation: string | null;
}

export interface CandidateSpeaker {
  id: string;
  title: string | null;
  affiliation: string | null;
  match_keys: string[];
  article_id: string | null;
  merged_into: string | null;
}

export async function claimsToResolve(db: Queryable, articleIds: string[]): Promise<MentionAt[]> {
  const { rows } = await db.query<MentionAt>(
    `select c.id as ref, c.article_id, c.speaker_name, c.speaker_type, c.speaker_anonymous, c.speaker_title, c.speaker_affiliation
       from claim c join article a on a.id = c.article_id
      where c.article_id = any($1::uuid[]) and a.status = 'extracted' and c.speaker_id is null
        and c.speaker_type not in ('publication', 'unknown')
      order by c.article_id, c.position`,
    [articleIds],
  );
  return rows;
}

/** Serialises resolvers working on the same names; sorted so two batches never wait on each other in a cycle. */
export async function lockKeys(db: Queryable, keys: string[]): Promise<void> {
  await db.query(
    `select pg_advisory_xact_lock(h) from (select distinct hashtextextended(k, 13) h from unnest($1::text[]) k order by 1) x`,
    [keys],
  );
}

const CANDIDATE = 'id, title, affiliation, match_keys, article_id, merged_into, created_at';

/**
 * Live speakers sharing a key; speakers of the given articles known only there. Each half searches its own
 * index behind an `offset 0` fence: with no statistics (a table never analysed) the planner would read the
 * whole table through the listing index's `merged_into is null` instead, once per batch (migration 000018).
 * The keys are looked up one by one (`@>` one key): without statistics the planner takes `match_keys && $1`
 * with a batch's 60 keys to match half the table and scans all of it, every row version, once per batch
 * (62 ms at 3,000 articles, growing with the import; one key's lookup goes through the GIN index, 1 ms in all).
 */
export async function findCandidates(db: Queryable, keys: string[], articleIds: string[]): Promise<CandidateSpeaker[]> {
  const { rows } = await db.query<CandidateSpeaker>(
    `select id, title, affiliation, match_keys, article_id, merged_into from (
       select * from (select ${CANDIDATE} from speaker
                       where id = any(array(select hit.id from unnest($1::text[]) as wanted(key),
                                                 lateral (select id from speaker where match_keys @> array[wanted.key] offset 0) hit))
                      offset 0) s where article_id is null
       union all
       select * from (select ${CANDIDATE} from speaker where article_id = any($2::uuid[]) offset 0) s
     ) s where merged_into is null
     order by created_at, id`,
    [keys, articleIds],
  );
  return rows;
}

export async function insertSpeakers(
  db: Queryable,
  fresh: { group: string; mention: SpeakerMention & { name: string }; keys: string[]; articleId: string | null }[],
): Promise<{ group: string; id: string }[]> {
  if (!fresh.length) return [];
  const input = fresh.map((f) => ({
    name: f.mention.name,
    type: f.mention.type,
    title: f.mention.title,
    affiliation: f.mention.affiliation,
    match_keys: f.keys,
    article_id: f.articleId,
  }));
  // Each new speaker is told apart by its article (if scoped) and first key: groups are unique by both.
  const tag = (articleId: string | null, key: string | undefined) => `${articleId ?? ''}|${key}`;
  const groupOf = new Map(fresh.map((f) => [tag(f.articleId, f.keys[0]), f.group]));
  const { rows } = await db.query<{ id: string; article_id: string | null; key: string }>(
    `insert into speaker (name, type, title, affiliation, match_keys, article_id)
     select name, type, title, affiliation, match_keys, article_id from jsonb_to_recordset($1::jsonb)
         as r(name text, type text, title text, affiliation text, match_keys text[], article_id uuid)
     returning id, article_id, match_keys[1] as key`,
    [JSON.stringify(input)],
  );
  return rows.map((r) => ({ group: groupOf.get(tag(r.article_id, r.key))!, id: r.id }));
}

/**
 * Points claims still without a speaker at theirs and counts them on their speakers (see `COUNT_LINKED`), from
 * exactly the claims this statement changed, so a repeated job adds nothing.
 */
export async function pointClaims(db: Queryable, links: { id: string; speaker_id: string }[]): Promise<number> {
  if (!links.length) return 0;
  const { rows } = await db.query<{ n: number }>(
    `with input as (
       select * from jsonb_to_recordset($1::jsonb) as r(id uuid, speaker_id uuid)
     ), linked as (
       update claim set speaker_id = input.speaker_id from input
        where claim.id = input.id and claim.speaker_id is null
       returning claim.speaker_id, claim.speaker_name, claim.article_id
     ), ${COUNT_LINKED}`,
    [JSON.stringify(links)],
  );
  return rows[0]?.n ?? 0;
}

/** A claim just written with its registry speaker, as `countWrittenClaims` counts it. */
export interface WrittenLink {
  speaker_id: string;
  speaker_name: string | null;
  article_id: string;
}

/**
 * Counts the claims of freshly written articles on their speakers: the claims were inserted with their
 * speaker (a first extraction), so nothing counted them yet. Call it once, in the transaction that wrote them,
 * with the links it wrote. They come from the caller, not from the claims: without statistics the planner read
 * the claims of a batch's 25 articles by scanning the whole table, once per batch (46 ms at 3,000 articles).
 */
export async function countWrittenClaims(db: Queryable, links: WrittenLink[]): Promise<number> {
  if (!links.length) return 0;
  const { rows } = await db.query<{ n: number }>(
    `with linked as (
       select * from unnest($1::uuid[], $2::text[], $3::uuid[]) as l(speaker_id, speaker_name, article_id)
     ), ${COUNT_LINKED}`,
    [links.map((l) => l.speaker_id), links.map((l) => l.speaker_name), links.map((l) => l.article_id)],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The tail of a statement whose CTE `linked` (speaker_id, speaker_name, article_id) holds claims newly linked to
 * their speakers: adds them to the speakers' counts, first and last seen dates and aliases; selects the count.
 * The `= any(array(…))` conditions have the articles and speakers read by their keys: on tables never analysed
 * the planner otherwise hash-joined whole-table scans of both, once per extraction batch (3,000 articles: 928
 * speaker pages and 694 article pages read where 117 and 20 hold the rows).
 */
const COUNT_LINKED = `seen as (
       select l.speaker_id, count(*)::int as n, min(coalesce(a.published_at, a.created_at)) as first_seen,
              max(coalesce(a.published_at, a.created_at)) as last_seen, array_agg(distinct l.speaker_name) as names
         from linked l join article a on a.id = l.article_id
        where a.id = any(array(select article_id from linked)) group by l.speaker_id
     ), counted as (
       update speaker s set claim_count = s.claim_count + seen.n,
              first_seen = least(s.first_seen, seen.first_seen), last_seen = greatest(s.last_seen, seen.last_seen),
              aliases = array(select distinct x from unnest(s.aliases || seen.names) x where x is not null and x <> s.name order by x),
              updated_at = now()
         from seen where s.id = seen.speaker_id and s.id = any(array(select speaker_id from seen))
       returning seen.n
     )
     select coalesce(sum(n), 0)::int as n from counted`;

export async function markResolved(db: Queryable, articleIds: string[]): Promise<void> {
  await db.query(
    `update article set speakers_resolved_at = now() where id = any($1::uuid[]) and status = 'extracted'`,
    [articleIds],
  );
}

/** Extracted articles whose speakers were never resolved (their job was lost), oldest first. */
export async function findUnresolvedArticles(
  db: Queryable,
  olderThanSeconds: number,
  limit: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from article
      where status = 'extracted' and speakers_resolved_at is null and extracted_at < now() - make_interval(secs => $1)
      order by extracted_at limit $2`,
    [olderThanSeconds, limit],
  );
  return rows.map((r) => r.id);
}
