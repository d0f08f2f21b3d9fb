import * as fs from 'node:fs';
import * as path from 'node:path';
import type pg from 'pg';
import { repoRoot } from './polnear';

/**
 * Made-up but newsroom-shaped data for `bench:search`, generated inside Postgres (INSERT … SELECT over
 * generate_series: nothing crosses the wire, faster than COPY from the client) and reproducible (setseed).
 * Words follow a Zipf-like law over the seed articles' words and made-up ones, so some words are in a fifth
 * of all claims and most in a handful, as in real text.
 */
export async function generate(db: pg.ClientBase, sizes: { claims: number; factchecks: number; speakers: number }) {
  const words = vocabulary(30_000);
  const perArticle = 10;
  const articles = Math.ceil(sizes.claims / perArticle);
  // Rows are written in the order they were created, as an extractor writes them: each article ten minutes
  // after its publication, its claims two minutes later.
  const articleAt = `timestamptz '2020-01-01' + (ba.no * interval '2 hours')`;
  const text = (n: string) =>
    `(select string_agg(($1::text[])[1 + floor(power(random(), 2.5) * ${words.length})::int], ' ') from generate_series(1, ${n}))`;
  await db.query('set statement_timeout = 0');
  await db.query('select setseed(0.42)');
  // Numbered ids first, so the claims join speakers and articles on integers.
  await db.query(
    `create temp table bench_speaker as select i as no, gen_random_uuid() as id from generate_series(1, $1) i`,
    [sizes.speakers],
  );
  await db.query(
    `create temp table bench_article as select a as no, gen_random_uuid() as id from generate_series(0, $1 - 1) a`,
    [articles],
  );
  await db.query(
    `insert into speaker (id, name, type, match_keys, claim_count)
     select id, 'Speaker ' || no, (array['official','expert','person','organization'])[1 + no % 4], array['p:speaker ' || no], 0
       from bench_speaker`,
  );
  await db.query(
    `create temp table bench_claim as
     select i, (i - 1) / ${perArticle} as article_no, ${text('8 + i % 12')} as text,
            1 + floor(power(random(), 2) * ${sizes.speakers})::int as speaker_no
       from generate_series(1, ${sizes.claims}) i`,
    [words],
  );
  await db.query(
    `insert into article (id, url, title, body, publisher, published_at, created_at, content_hash, status, extractor_version, extracted_at, speakers_resolved_at)
     select ba.id, 'https://bench.example/' || ba.no, ${text('5 + ba.no % 3')}, string_agg(c.text, '. ' order by c.i),
            (array['Harbour Herald','Valley Post','Daily Ledger','Coast Times','Metro Wire'])[1 + ba.no % 5],
            ${articleAt}, ${articleAt} + interval '10 minutes', md5('bench' || ba.no), 'extracted', 'bench', now(), now()
       from bench_article ba join bench_claim c on c.article_no = ba.no group by ba.no, ba.id order by ba.no`,
    [words],
  );
  await db.query(
    `insert into claim (article_id, claim_key, position, text, kind, speaker_name, speaker_type, speaker_anonymous,
                        checkworthy, confidence, content_spans, source_spans, cue_spans, extractor_name, extractor_version,
                        status, verdict, speaker_id, created_at)
     select a.id, 'k' || c.i, c.i % ${perArticle}, c.text, 'indirect', s.name, s.type, false, 0.5, 0.9, '[]', '[]', '[]',
            'bench', 'bench', case when c.i % 50 = 0 then 'reviewed' else 'unreviewed' end,
            case when c.i % 50 = 0 then (array['true','mostly_true','mixed','mostly_false','false'])[1 + c.i % 5] end, s.id,
            timestamptz '2020-01-01' + (a.no * interval '2 hours') + interval '12 minutes' + c.i % ${perArticle} * interval '1 second'
       from bench_claim c join bench_article a on a.no = c.article_no
       join bench_speaker bs on bs.no = c.speaker_no join speaker s on s.id = bs.id order by c.i`,
  );
  await db.query(
    `insert into factcheck (url, claim_reviewed, title, verdict, author_org, published_at)
     select 'https://checks.example/' || i, ${text('10 + i % 10')}, ${text('5 + i % 3')},
            (array['true','mostly_true','mixed','mostly_false','false','misleading'])[1 + i % 6],
            (array['CheckOrg','FactDesk','TruthMeter'])[1 + i % 3], timestamptz '2018-01-01' + (i * interval '5 hours')
       from generate_series(1, $2) i`,
    [words, sizes.factchecks],
  );
  // Steady state, as autovacuum leaves it: GIN's pending list of fresh entries (up to 4 MB, scanned by
  // every search until it is merged) would otherwise add 10-20 ms to each query here.
  await db.query('vacuum analyze');
  return { words, articles };
}

/** The seed articles' words, most frequent first, then made-up words to the wanted size. */
export function vocabulary(size: number): string[] {
  const counts = new Map<string, number>();
  for (const file of fs.readdirSync(path.join(repoRoot(), 'seeds'))) {
    const body = fs.readFileSync(path.join(repoRoot(), 'seeds', file), 'utf8').toLowerCase();
    for (const w of body.match(/[a-z]{3,}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const syllables = ['ka', 'lo', 'mer', 'tin', 'sa', 'vor', 'el', 'pun', 'dri', 'ost', 'na', 'qui', 'ber', 'fa', 'zu'];
  for (let i = 0; words.length < size; i++) {
    let w = '';
    for (let n = i + 7; n > 0; n = Math.floor(n / syllables.length)) w += syllables[n % syllables.length];
    if (!counts.has(w)) words.push(w);
  }
  return words;
}
