import type { Queryable } from '../db/pool';
import type { ExtractedClaim, ExtractorInfo } from '../extraction';
import { claimKeys } from './claim-key';

export interface ClaimRow {
  id: string;
  article_id: string;
  claim_key: string;
  position: number;
  text: string;
  kind: string;
  cue: string | null;
  speaker_mention: string | null;
  speaker_name: string | null;
  speaker_type: string;
  speaker_anonymous: boolean;
  speaker_title: string | null;
  speaker_affiliation: string | null;
  via: string[];
  hedges: string[];
  checkworthy: number;
  confidence: number;
  content_spans: [number, number][];
  source_spans: [number, number][];
  cue_spans: [number, number][];
  extractor_name: string;
  extractor_version: string;
  extractor_model?: string | null;
  status: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  // Review state (migration 000003); history is in claim_event.
  priority?: string | null;
  flag_reason?: string | null;
  flagged_at?: Date | null;
  assignee_name?: string | null;
  verdict?: string | null;
  verdict_note?: string | null;
  verdict_at?: Date | null;
  // The registry speaker (migration 000006).
  speaker_id?: string | null;
}

/** The claims as one JSON parameter for `jsonb_to_recordset`, and their stable keys. */
function claimRecords(claims: ExtractedClaim[], model: string | undefined): { keys: string[]; json: string } {
  const { keys, rows } = claimRows(claims, model);
  return { keys, json: JSON.stringify(rows) };
}

/** The claims as records of `jsonb_to_recordset` (see `selectRecords`), and their stable keys. */
function claimRows(claims: ExtractedClaim[], model: string | undefined, speakerIds?: (string | null)[]) {
  const keys = claimKeys(claims);
  const rows = claims.map((c, i) => ({
    speaker_id: speakerIds?.[i] ?? null,
    claim_key: keys[i],
    position: i,
    text: c.text,
    kind: c.kind,
    cue: c.cue,
    speaker_mention: c.speaker.mention,
    speaker_name: c.speaker.name,
    speaker_type: c.speaker.type,
    speaker_anonymous: c.speaker.anonymous,
    speaker_title: c.speaker.title,
    speaker_affiliation: c.speaker.affiliation,
    via: c.via,
    hedges: c.hedges,
    checkworthy: c.checkworthy,
    confidence: c.confidence,
    content_spans: c.spans.content,
    source_spans: c.spans.source,
    cue_spans: c.spans.cue,
    extractor_model: model ?? null,
  }));
  return { keys, rows };
}

const INSERT_COLUMNS = `insert into claim (article_id, claim_key, position, text, kind, cue, speaker_mention, speaker_name, speaker_type,
                        speaker_anonymous, speaker_title, speaker_affiliation, via, hedges, checkworthy, confidence,
                        content_spans, source_spans, cue_spans, extractor_name, extractor_version, extractor_model, speaker_id)`;
/**
 * Select list matching INSERT_COLUMNS; `article` is the article id expression, `extractor` the parameters of the
 * extractor name and version.
 */
const selectRecords = (article: string, recordsParam: string, alsoFrom = '', extractor = ['$3', '$4']) => `
     select ${article}, r.claim_key, r.position, r.text, r.kind, r.cue, r.speaker_mention, r.speaker_name, r.speaker_type,
            r.speaker_anonymous, r.speaker_title, r.speaker_affiliation,
            r.via, r.hedges,
            r.checkworthy, r.confidence, r.content_spans, r.source_spans, r.cue_spans, ${extractor[0]}, ${extractor[1]},
            r.extractor_model, r.speaker_id
       from ${alsoFrom}jsonb_to_recordset(${recordsParam}::jsonb) as r(claim_key text, position int, text text, kind text, cue text,
            speaker_mention text, speaker_name text, speaker_type text, speaker_anonymous boolean, speaker_title text,
            speaker_affiliation text, via text[], hedges text[], checkworthy real, confidence real,
            content_spans jsonb, source_spans jsonb, cue_spans jsonb, extractor_model text, speaker_id uuid)`;

/**
 * Writes an article's claims in one statement (one round trip per article, however many claims).
 * Upserts on the stable claim key: running the same extraction twice changes nothing, and a newer
 * extractor updates the wording and spans of a claim without touching its review status or history.
 */
export async function upsertClaims(
  db: Queryable,
  articleId: string,
  claims: ExtractedClaim[],
  extractor: ExtractorInfo,
): Promise<string[]> {
  const { keys, json } = claimRecords(claims, extractor.model);
  if (!claims.length) return keys;
  await db.query(
    `${INSERT_COLUMNS} ${selectRecords('$1', '$2')}
     on conflict (article_id, claim_key) do update set
       position = excluded.position, text = excluded.text, kind = excluded.kind, cue = excluded.cue,
       speaker_mention = excluded.speaker_mention, speaker_name = excluded.speaker_name,
       speaker_type = excluded.speaker_type, speaker_anonymous = excluded.speaker_anonymous,
       speaker_title = excluded.speaker_title, speaker_affiliation = excluded.speaker_affiliation,
       via = excluded.via, hedges = excluded.hedges, checkworthy = excluded.checkworthy,
       confidence = excluded.confidence, content_spans = excluded.content_spans,
       source_spans = excluded.source_spans, cue_spans = excluded.cue_spans,
       extractor_name = excluded.extractor_name, extractor_version = excluded.extractor_version,
       extractor_model = excluded.extractor_model, updated_at = now()
     where (claim.text, claim.content_spans, claim.extractor_version, claim.position, claim.extractor_model)
           is distinct from (excluded.text, excluded.content_spans, excluded.extractor_version, excluded.position,
                             excluded.extractor_model)`,
    [articleId, json, extractor.name, extractor.version],
  );
  return keys;
}

/**
 * The common case of articles extracted for the first time, in one statement (so atomically, one round trip
 * for a whole batch): each article still without claims and not already extracted by this version is marked
 * extracted and gets its claims. Returns the ids written; for the others (a duplicate job got there first, or
 * older claims exist) the caller takes the full path, which retires old claims. With
 * `speakerIds` (one per claim, from the registry) the claims are written with their speakers and the article
 * is marked resolved: the caller counts them on the speakers in the same transaction.
 */
export async function writeFirstExtractions(
  db: Queryable,
  articles: { articleId: string; claims: ExtractedClaim[]; model?: string; speakerIds?: (string | null)[] }[],
  extractor: ExtractorInfo,
): Promise<Set<string>> {
  if (!articles.length) return new Set();
  const input = articles.map((a) => ({
    article_id: a.articleId,
    claim_count: a.claims.length,
    resolved: a.speakerIds !== undefined,
    claims: claimRows(a.claims, a.model ?? extractor.model, a.speakerIds).rows,
  }));
  // Named, so each connection parses and plans it once: it runs once per extracted article or batch.
  const { rows } = await db.query<{ id: string }>({
    name: 'claim-first-extractions',
    text: `with input as (
       select * from jsonb_to_recordset($1::jsonb) as a(article_id uuid, claim_count int, resolved boolean, claims jsonb)
     ), target as (
       update article set status = 'extracted', claim_count = input.claim_count, extractor_version = $3, error = null,
              lease_until = null, extracted_at = now(), updated_at = now(),
              speakers_resolved_at = case when input.resolved then now() else article.speakers_resolved_at end
         from input
        where article.id = input.article_id
          and not (article.status = 'extracted' and article.extractor_version is not distinct from $3)
          and not exists (select 1 from claim where claim.article_id = input.article_id)
        returning article.id
     ), inserted as (
       ${INSERT_COLUMNS} ${selectRecords('target.id', 'input.claims', 'target join input on input.article_id = target.id, ', ['$2', '$3'])}
       returning 1
     )
     select id from target`,
    values: [JSON.stringify(input), extractor.name, extractor.version],
  });
  return new Set(rows.map((r) => r.id));
}

/**
 * Claims the new extraction no longer finds: those without history go, those with history are kept
 * as `superseded` (with an event saying so) so no review is ever lost. A superseded claim that a later
 * extraction finds again returns to the status it had.
 */
export async function retireMissingClaims(db: Queryable, articleId: string, keepKeys: string[]): Promise<void> {
  await db.query(
    `delete from claim c where c.article_id = $1 and not (c.claim_key = any($2::text[]))
        and not exists (select 1 from claim_event e where e.claim_id = c.id)`,
    [articleId, keepKeys],
  );
  await db.query(
    `with gone as (
       select id, status from claim
        where article_id = $1 and not (claim_key = any($2::text[])) and status <> 'superseded' for update
     ), moved as (
       update claim c set status_before_superseded = g.status, status = 'superseded', version = c.version + 1, updated_at = now()
         from gone g where c.id = g.id returning c.id, g.status as old_status
     )
     insert into claim_event (claim_id, type, from_status, to_status, data)
     select id, 'superseded', old_status, 'superseded', '{"note": "not found by a newer extraction"}'::jsonb from moved`,
    [articleId, keepKeys],
  );
  await db.query(
    `with back as (
       update claim set status = coalesce(status_before_superseded, 'unreviewed'), status_before_superseded = null,
              version = version + 1, updated_at = now()
        where article_id = $1 and claim_key = any($2::text[]) and status = 'superseded'
        returning id, status
     )
     insert into claim_event (claim_id, type, from_status, to_status, data)
     select id, 'restored', 'superseded', status, '{"note": "found again by a newer extraction"}'::jsonb from back`,
    [articleId, keepKeys],
  );
}
