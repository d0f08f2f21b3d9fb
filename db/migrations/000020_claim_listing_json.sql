-- Each claim's JSON as listings send it, written with the claim instead of built on every read. Building it
-- (row_to_json over the types of 000013, four to_char, the spans) cost Postgres ~7 µs a claim on each page
-- read, two thirds of what a page of an article's claims cost it; reading the stored text costs about what
-- reading one text column does. The price: ~0.8 kB more per claim row, and ~7 µs more per claim written.
--
-- The text is exactly claimJson's (src/claims/present-sql.ts) with no linked verdict. Everything else in it is
-- a column of the claim row itself, so rebuilding it before every insert and update of the row keeps it
-- current whatever changes the row (status, review, speaker merge, regrouping, supersession). The linked
-- verdict depends on other rows: listings use the stored text only for claims without a group, which carry
-- none (see claimJson), and build the rest at read time as before. A null (a row written with triggers off)
-- is built at read time too. A test (test/api/claims-listing-json.test.ts) holds the stored text equal to the
-- built one; whoever changes the claim's JSON changes this function with it and rewrites the column.
alter table claim add column listing_json text;

create function claim_listing_json() returns trigger language plpgsql as $$
begin
  new.listing_json := row_to_json(row(new.id, new.article_id, new.text, new.kind, new.cue,
      row(new.speaker_id, new.speaker_mention, new.speaker_name, new.speaker_type, new.speaker_anonymous,
          new.speaker_title, new.speaker_affiliation)::claim_json_speaker,
      new.via, new.hedges, new.checkworthy, new.confidence,
      row(new.content_spans, new.source_spans, new.cue_spans)::claim_json_spans, new.status, new.version,
      row(new.extractor_name, new.extractor_version, new.extractor_model)::claim_json_extractor,
      row(new.priority, new.flag_reason,
          to_char(new.flagged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), new.assignee_name,
          new.verdict,
          case new.verdict when 'true' then 5 when 'mostly_true' then 4 when 'mixed' then 3
                           when 'mostly_false' then 2 when 'false' then 1 end,
          new.verdict_note, to_char(new.verdict_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::claim_json_review,
      null::claim_json_linked_verdict,
      to_char(new.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      to_char(new.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::claim_json)::text;
  return new;
end $$;

create trigger claim_listing_json before insert or update on claim
  for each row execute function claim_listing_json();

-- The claims already stored: any update fires the trigger, which writes the text.
update claim set listing_json = null;
