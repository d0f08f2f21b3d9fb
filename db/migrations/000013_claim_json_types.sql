-- The shape of a claim's JSON as listings send it (src/claims/present-sql.ts): row_to_json over these
-- registered row types costs Postgres less per row than over anonymous sub-selects, whose record types it
-- resolves row by row. Field order is key order; types are the claim columns' own, so the JSON is the same.
create type claim_json_speaker as (
  id uuid, mention text, name text, type text, anonymous boolean, title text, affiliation text
);
create type claim_json_spans as (content jsonb, source jsonb, cue jsonb);
create type claim_json_extractor as (name text, version text, model text);
create type claim_json_review as (
  priority text, flag_reason text, flagged_at text, assignee text, verdict text, verdict_value numeric,
  verdict_note text, verdict_at text
);
create type claim_json_linked_verdict as (verdict text, source text, id uuid, url text);
create type claim_json as (
  id uuid, article_id uuid, text text, kind text, cue text, speaker claim_json_speaker, via text[], hedges text[],
  checkworthy real, confidence real, spans claim_json_spans, status text, version integer,
  extractor claim_json_extractor, review claim_json_review, linked_verdict claim_json_linked_verdict,
  created_at text, updated_at text
);
