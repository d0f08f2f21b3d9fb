import { type Queryable, statementText } from '../db/pool';
import { builtClaimJson } from './present-sql';

/**
 * A claim's stored JSON text (`listing_json`) when it can be sent as it is, else null: claims in a group carry a
 * linked verdict that depends on other rows, and a row written with triggers off has no stored text.
 *
 * Listings select this instead of claimJson (./present-sql.ts), whose read-time build holds the linked-verdict
 * lookup (three branches, seven scans): Postgres sets that up on every execution of a statement whether any row
 * runs it or not, 50–70 µs of the ~190 a page of 25 claims cost it (docs/measurements.md, 2026-11-30). The few
 * claims left null are built afterwards by withBuiltJson.
 */
export const storedClaimJson = (c: string) => `case when ${c}.group_id is null then ${c}.listing_json end`;

const BUILT = 'claim-json-built';

/**
 * The rows with every claim's JSON: those whose stored text could not be sent (json null, see storedClaimJson)
 * are built from their columns in one more round trip, taken only when the page holds such a claim. A claim gone
 * between the two reads is left out, as if the page had been read a moment later.
 */
export async function withBuiltJson<T extends { id: string; json: string | null }>(
  db: Queryable,
  rows: T[],
): Promise<(T & { json: string })[]> {
  const missing = rows.filter((r) => r.json === null).map((r) => r.id);
  if (!missing.length) return rows as (T & { json: string })[];
  const { rows: built } = await db.query<{ id: string; json: string }>({
    name: BUILT,
    text: statementText(BUILT, () => `select c.id, ${builtClaimJson('c')} as json from claim c where c.id = any($1)`),
    values: [missing],
  });
  const json = new Map(built.map((b) => [b.id, b.json]));
  return rows.flatMap((r) => {
    const text = r.json ?? json.get(r.id);
    return text === undefined ? [] : [{ ...r, json: text }];
  });
}
