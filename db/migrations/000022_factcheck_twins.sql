-- Twins: fact-checks of the same claim under the same title but for case, quote marks, punctuation and spacing
-- (one feed imported under two URLs, or the same review in two feeds). Matching shows each group once, as its
-- earliest stored member (src/matching/twins.ts), so the library needs an order of storage and a key per group.

-- The order in which the library stored its fact-checks. created_at cannot say it: every row of one import has
-- its transaction's time. Rows stored before this migration are numbered by created_at, then by their place in
-- the table, which is the feed's line order for a row never updated since (an updated row moved to the end; the
-- best that is known of them). From here on the identity numbers each import in its feed's line order.
alter table factcheck add column seq bigint;
update factcheck f set seq = o.n
  from (select id, row_number() over (order by created_at, ctid) as n from factcheck) o
 where o.id = f.id;
alter table factcheck alter column seq set not null;
alter table factcheck alter column seq add generated always as identity;
select setval(pg_get_serial_sequence('factcheck', 'seq'), coalesce(max(seq), 0) + 1, false) from factcheck;

-- A text as twins compare it: compatibility forms (NFKC: full-width letters, "…", non-breaking spaces), lower
-- case, no invisible format characters, and each run of punctuation and spacing one space. Punctuation here is
-- a fixed list (quote marks of every kind, apostrophes, dashes, brackets, . , ; : ! ? / * _ \ and the like),
-- not the locale's [[:punct:]], so the key is the same on every server, and what carries meaning stays: letters
-- and digits of course, symbols (% $ € & # @ + =), a point, comma, colon or slash between two digits ("3.5" is
-- not "35", "9/11" not "9 11") and a minus sign before a number ("-5" is not "5"). Two fact-checks that differ
-- in any word or number therefore never share a key. Case folding of non-ASCII letters follows the database's
-- ctype (C.UTF-8 or a language locale fold them; plain C leaves them, which only keeps more groups apart).
create function factcheck_twin_text(t text) returns text
  language sql immutable parallel safe
  return btrim(regexp_replace(regexp_replace(regexp_replace(
    lower(normalize(translate(coalesce(t, ''), U&'\00B4\2212', '''-'), nfkc)),
    U&'[\00AD\200B-\200D\2060\FEFF]', '', 'g'),
    U&'(?<![0-9])[.,:/]|[.,:/](?![0-9])|-(?![0-9])|(?<=[^[:space:]])-|'
      || U&'[]!"''()*;?[\\\\_{}`\00A1\00AB\00B7\00BB\00BF\02BB\02BC\2010-\2027\2032-\203A\2E42\300C-\300F\301D-\301F]',
    ' ', 'g'), '[[:space:]]+', ' ', 'g'));

-- The group's key: claim and title compared as above, hashed to 16 bytes (a claim can outgrow a btree entry).
-- Generated, so every write path (feeds, updates, bulk loads) keeps it right.
alter table factcheck add column twin_key uuid generated always as (
  md5(factcheck_twin_text(claim_reviewed) || E'\n' || factcheck_twin_text(title))::uuid
) stored;
create index factcheck_twin_key_idx on factcheck (twin_key, seq);
