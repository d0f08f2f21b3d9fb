import { linkedVerdictOf } from '../matching/targets';
import { VERDICTS } from '../reviews/status-machine';

/**
 * A claim as JSON text built by Postgres, the same document presentClaim (./service.ts) builds in
 * JavaScript; listings send these texts as they come instead of parsing ~35 typed columns per row into
 * objects and serialising them again, which was most of what a listing cost the API process. A test
 * (test/api/claims-listing.test.ts) holds both presentations equal.
 *
 * `c` is the alias of a relation with the claim's columns (PRESENTED_COLUMNS, group_id included).
 * row_to_json over the row types of migration 000013 (claim_json and its parts) keeps the keys in
 * presentClaim's order and the text compact, and costs Postgres less than anonymous sub-selects, whose
 * record types it resolved row by row, or json_build_object.
 *
 * The verdict a claim carries over its links (linkedVerdictOf) is looked up only for claims in a group:
 * every confirmed or automatic link puts both ends in one (src/matching/groups.ts, joinGroups and
 * regroup), so a claim without a group carries none. The CASE keeps Postgres from running the three-way
 * lookup for the rest, which was a third of what a page of claims cost it.
 *
 * Those claims without a group, nearly all of them, are not even built: each claim row holds its JSON with no
 * linked verdict in `listing_json`, which a trigger rewrites on every insert and update of the row (migration
 * 000020), and that text is sent as it is. Building it cost Postgres ~7 µs a claim on every read. Claims in a
 * group, and rows whose text is missing, are built here as before.
 */
export function claimJson(c: string): string {
  const known = built.get(c);
  if (known) return known;
  const sql = `case when ${c}.group_id is null and ${c}.listing_json is not null then ${c}.listing_json
    else ${builtClaimJson(c)} end`;
  built.set(c, sql);
  return sql;
}

/** The claim's JSON as built from its columns at read time (what listing_json holds, linked verdict aside). */
export function builtClaimJson(c: string): string {
  const known = builtAtRead.get(c);
  if (known) return known;
  const sql = buildClaimJson(c);
  builtAtRead.set(c, sql);
  return sql;
}

// Statements are built on each request; the claim's part is the same every time.
const built = new Map<string, string>();
const builtAtRead = new Map<string, string>();

function buildClaimJson(c: string): string {
  const iso = (column: string) => `to_char(${c}.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const verdictValue = `case ${c}.verdict ${Object.entries(VERDICTS)
    .map(([name, v]) => `when '${name}' then ${v.value ?? 'null'}`)
    .join(' ')} end`;
  const linkedVerdict = `case when ${c}.group_id is null then null else
      (select row(v.verdict, v.source, v.id, v.url)::claim_json_linked_verdict from (${linkedVerdictOf(c)}) v) end`;
  return `row_to_json(row(${c}.id, ${c}.article_id, ${c}.text, ${c}.kind, ${c}.cue,
      row(${c}.speaker_id, ${c}.speaker_mention, ${c}.speaker_name, ${c}.speaker_type, ${c}.speaker_anonymous,
          ${c}.speaker_title, ${c}.speaker_affiliation)::claim_json_speaker,
      ${c}.via, ${c}.hedges, ${c}.checkworthy, ${c}.confidence,
      row(${c}.content_spans, ${c}.source_spans, ${c}.cue_spans)::claim_json_spans, ${c}.status, ${c}.version,
      row(${c}.extractor_name, ${c}.extractor_version, ${c}.extractor_model)::claim_json_extractor,
      row(${c}.priority, ${c}.flag_reason, ${iso('flagged_at')}, ${c}.assignee_name, ${c}.verdict, ${verdictValue},
          ${c}.verdict_note, ${iso('verdict_at')})::claim_json_review,
      ${linkedVerdict}, ${iso('created_at')}, ${iso('updated_at')})::claim_json)::text`;
}

/**
 * The UTF-8 bytes of `{ ...before, items: [...], ...after }`, the items being claims' JSON texts, each copied once
 * into a buffer that lives outside V8's heap. Joining the items and then concatenating head, items and tail (which
 * the write flattens) made two more copies of the page on the heap, ~20 KB each for an article's 25 claims: a third
 * of what a listing request allocated, so the young generation filled and was scavenged that much more often, and
 * each scavenge holds up every request in flight (the listings' slowest 1 %).
 */
export function pageJson(before: Record<string, unknown>, items: string[], after: Record<string, unknown>): Buffer {
  const fields = JSON.stringify(before).slice(1, -1);
  const trailer = JSON.stringify(after).slice(1, -1);
  const head = `{${fields ? `${fields},` : ''}"items":[`;
  const tail = `]${trailer ? `,${trailer}` : ''}}`;
  let length = Buffer.byteLength(head) + Buffer.byteLength(tail) + Math.max(0, items.length - 1);
  for (const item of items) length += Buffer.byteLength(item);
  const page = Buffer.allocUnsafe(length);
  let at = page.write(head, 0);
  for (let i = 0; i < items.length; i++) {
    if (i) page[at++] = COMMA;
    at += page.write(items[i]!, at);
  }
  page.write(tail, at);
  return page;
}

const COMMA = 0x2c;

// LIMIT $n hides the page size from a prepared statement's generic plan: Postgres then plans for a tenth
// of the table, finds that dearer than planning afresh, and replans on every request (more than the query
// costs). Pages are therefore fetched with a literal limit from these few sizes (one more row than the
// largest page that fits, for next_cursor), and the rows past the page dropped: a handful of statements
// per connection, each planned once.
const FETCH_SIZES = [11, 21, 51, 101, 201, 501];

/** The literal LIMIT to fetch a page of `limit` claims and learn whether more follow. */
export function fetchSize(limit: number): number {
  return FETCH_SIZES.find((n) => n > limit) ?? limit + 1;
}
