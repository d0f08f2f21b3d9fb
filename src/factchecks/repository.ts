import type { Queryable } from '../db/pool';

export interface FactcheckRow {
  id: string;
  url: string;
  claim_reviewed: string;
  rating_value: string | null;
  rating_best: string | null;
  rating_worst: string | null;
  rating_name: string | null;
  verdict: string | null;
  author_org: string | null;
  claimant: string | null;
  claim_date: Date | null;
  appearance_url: string | null;
  title: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface FactcheckRecord {
  url: string;
  claim_reviewed: string;
  rating_value: number | null;
  rating_best: number | null;
  rating_worst: number | null;
  rating_name: string | null;
  verdict: string | null;
  author_org: string | null;
  claimant: string | null;
  claim_date: string | null;
  appearance_url: string | null;
  title: string | null;
  published_at: string | null;
  raw: unknown;
}

/**
 * Upserts fact-checks by URL in one statement; a record identical to the stored one is left alone, so a
 * feed imported twice changes nothing. Returns how many were new and how many changed. New rows are
 * numbered (`seq`) in the records' order: of near-identical fact-checks, matching shows the first stored.
 */
export async function upsertFactchecks(
  db: Queryable,
  records: FactcheckRecord[],
  createdBy: string | null,
): Promise<{ stored: number; updated: number }> {
  if (!records.length) return { stored: 0, updated: 0 };
  const { rows } = await db.query<{ inserted: boolean }>(
    `insert into factcheck (url, claim_reviewed, rating_value, rating_best, rating_worst, rating_name, verdict, author_org,
                            claimant, claim_date, appearance_url, title, published_at, raw, created_by)
     select r.url, r.claim_reviewed, r.rating_value, r.rating_best, r.rating_worst, r.rating_name, r.verdict, r.author_org,
            r.claimant, r.claim_date, r.appearance_url, r.title, r.published_at, r.raw, $2
       from rows from (jsonb_to_recordset($1::jsonb) as (url text, claim_reviewed text, rating_value numeric,
            rating_best numeric, rating_worst numeric, rating_name text, verdict text, author_org text, claimant text,
            claim_date timestamptz, appearance_url text, title text, published_at timestamptz, raw jsonb))
            with ordinality as r(url, claim_reviewed, rating_value, rating_best, rating_worst, rating_name, verdict,
            author_org, claimant, claim_date, appearance_url, title, published_at, raw, line)
      order by r.line
     on conflict (url) do update set
       claim_reviewed = excluded.claim_reviewed, rating_value = excluded.rating_value, rating_best = excluded.rating_best,
       rating_worst = excluded.rating_worst, rating_name = excluded.rating_name, verdict = excluded.verdict,
       author_org = excluded.author_org, claimant = excluded.claimant, claim_date = excluded.claim_date,
       appearance_url = excluded.appearance_url, title = excluded.title, published_at = excluded.published_at,
       raw = excluded.raw, updated_at = now()
     where factcheck.raw is distinct from excluded.raw
     returning (xmax = 0) as inserted`,
    [JSON.stringify(records), createdBy],
  );
  const stored = rows.filter((r) => r.inserted).length;
  return { stored, updated: rows.length - stored };
}

export async function getFactcheck(db: Queryable, id: string): Promise<FactcheckRow | undefined> {
  const { rows } = await db.query<FactcheckRow>('select * from factcheck where id = $1', [id]);
  return rows[0];
}
