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

/**
 * One statement for all links a matching run proposes. A pair seen before (in any state, rejected
 * included) is left as it is, so a repeated job writes nothing and a rejection is final.
 */
export async function insertMatches(db: Queryable, matches: NewMatch[], modelVersion: string): Promise<MatchRow[]> {
  if (!matches.length) return [];
  const { rows } = await db.query<MatchRow>(
    `insert into claim_match (claim_id, factcheck_id, target_claim_id, state, score, model_version)
     select r.claim_id, r.factcheck_id, r.target_claim_id, r.state, r.score, $2
       from jsonb_to_recordset($1::jsonb) as r(claim_id uuid, factcheck_id uuid, target_claim_id uuid, state text, score real)
     on conflict (claim_id, (coalesce(factcheck_id, target_claim_id))) do nothing
     returning *`,
    [JSON.stringify(matches), modelVersion],
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
