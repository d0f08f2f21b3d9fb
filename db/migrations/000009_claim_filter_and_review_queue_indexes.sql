-- Reads at a million claims: listing with status and speaker type together walks one index in order instead
-- of filtering one of the single-column ones (a rare combination scanned most of the table), and the review
-- queue reads its order from an index instead of sorting every flagged claim on each request.
create index claim_status_speaker_type_idx on claim (status, speaker_type, created_at, id);
create index claim_review_order_idx on claim (
  (case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end),
  checkworthy desc, flagged_at nulls last, id
) where status in ('flagged', 'in_review');
