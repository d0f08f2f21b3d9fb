import type { Queryable } from '../db/pool';

export interface MatchRow {
  id: string;
  claim_id: string;
  factcheck_id: string | null;
  target_claim_id: string | null;
  state: 'suggested' | 'auto' | 'confirmed' | 'rejected';
  score: number;
  model_version: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewMatch {
  claim_id: string;
  factcheck_id: string | null;
  target_claim_id: string | null;
  state: 'suggested' | 'auto';
  score: number;
}

/** What a matching run needs back of the links it wrote: their events and groups. */
export type InsertedMatch = Pick<MatchRow, 'id' | 'claim_id' | 'factcheck_id' | 'target_claim_id' | 'state' | 'score'>;

/**
 * One statement for all links a matching run proposes. A pair seen before (in any state, rejected
 * included) is left as it is, so a repeated job writes nothing and a rejection is final. The links go as
 * columns (unnest), not as one JSON document Postgres parses and takes apart, and only what the run reads
 * comes back (no timestamps to parse): an import writes some six links an article.
 */
export async function insertMatches(
  db: Queryable,
  matches: NewMatch[],
  modelVersion: string,
): Promise<InsertedMatch[]> {
  if (!matches.length) return [];
  const { rows } = await db.query<InsertedMatch>(
    `insert into claim_match (claim_id, factcheck_id, target_claim_id, state, score, model_version)
     select r.claim_id, r.factcheck_id, r.target_claim_id, r.state, r.score, $6
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::real[])
            as r(claim_id, factcheck_id, target_claim_id, state, score)
     on conflict (claim_id, (coalesce(factcheck_id, target_claim_id))) do nothing
     returning id, claim_id, factcheck_id, target_claim_id, state, score`,
    [
      matches.map((m) => m.claim_id),
      matches.map((m) => m.factcheck_id),
      matches.map((m) => m.target_claim_id),
      matches.map((m) => m.state),
      matches.map((m) => m.score),
      modelVersion,
    ],
  );
  return rows;
}

export async function lockMatch(db: Queryable, claimId: string, matchId: string): Promise<MatchRow | undefined> {
  const { rows } = await db.query<MatchRow>(
    'select * from claim_match where id = $1 and (claim_id = $2 or target_claim_id = $2) for update',
    [matchId, claimId],
  );
  return rows[0];
}

export async function setMatchState(db: Queryable, id: string, state: MatchRow['state']): Promise<MatchRow> {
  const { rows } = await db.query<MatchRow>(
    'update claim_match set state = $2, updated_at = now() where id = $1 returning *',
    [id, state],
  );
  return rows[0]!;
}

export async function matchesOfClaim(db: Queryable, claimId: string): Promise<MatchRow[]> {
  const { rows } = await db.query<MatchRow>(
    `select * from claim_match where claim_id = $1 or target_claim_id = $1
      order by case state when 'confirmed' then 0 when 'auto' then 1 when 'suggested' then 2 else 3 end, score desc, id`,
    [claimId],
  );
  return rows;
}
