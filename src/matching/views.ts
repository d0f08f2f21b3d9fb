import type { Deps } from '../deps';
import { notFound } from '../errors';
import { presentMatch } from './links';
import { defaultMatcher } from './model';
import { rankMatches } from './rank';
import { matchesOfClaim } from './repository';
import { linkedVerdicts, loadTargets } from './targets';

/** POST /v1/matches: "has this been checked before?" for any text (a tip line, a browser extension). */
export async function matchText(deps: Pick<Deps, 'db'>, text: string, limit: number) {
  const ranked = await rankMatches(deps.db, defaultMatcher(), text, { limit });
  const targets = await loadTargets(
    deps.db,
    ranked.filter((r) => r.type === 'factcheck').map((r) => r.id),
    ranked.filter((r) => r.type === 'claim').map((r) => r.id),
  );
  return { items: ranked.map((r) => ({ score: r.score, target: targets.get(r.id)! })) };
}

/** A claim's links in both directions: what it was matched to, and later claims matched to it. */
export async function claimMatches(deps: Pick<Deps, 'db'>, claimId: string) {
  const { rows } = await deps.db.query<{ group_id: string | null }>('select group_id from claim where id = $1', [
    claimId,
  ]);
  if (!rows[0]) throw notFound('claim', claimId);
  const matches = await matchesOfClaim(deps.db, claimId);
  const other = (m: (typeof matches)[number]) =>
    m.factcheck_id ?? (m.claim_id === claimId ? m.target_claim_id! : m.claim_id);
  const targets = await loadTargets(
    deps.db,
    matches.filter((m) => m.factcheck_id).map(other),
    matches.filter((m) => !m.factcheck_id).map(other),
  );
  return {
    group: rows[0].group_id ? { id: rows[0].group_id } : null,
    items: matches.map((m) => presentMatch(m, targets.get(other(m))!)),
  };
}

interface GroupClaimRow {
  id: string;
  text: string;
  article_id: string;
  article_title: string | null;
  publisher: string | null;
  published_at: Date | null;
  seen_at: Date;
  speaker_name: string | null;
}

/** The members of a group in order of appearance (publication date, else when claimtrack saw them). */
export async function groupClaims(deps: Pick<Deps, 'db'>, groupId: string): Promise<GroupClaimRow[]> {
  const { rows } = await deps.db.query<GroupClaimRow>(
    `select c.id, c.text, c.article_id, a.title as article_title, a.publisher, a.published_at,
            coalesce(a.published_at, a.created_at) as seen_at, c.speaker_name
       from claim c join article a on a.id = c.article_id
      where c.group_id = $1 order by coalesce(a.published_at, a.created_at), c.created_at, c.id`,
    [groupId],
  );
  return rows;
}

export async function claimGroup(deps: Pick<Deps, 'db'>, groupId: string) {
  const claims = await groupClaims(deps, groupId);
  const first = claims[0];
  if (!first) throw notFound('claim group', groupId);
  const { rows: fc } = await deps.db.query<{ factcheck_id: string }>(
    `select m.factcheck_id from claim_match m join claim c on c.id = m.claim_id
      where c.group_id = $1 and m.factcheck_id is not null and m.state in ('auto', 'confirmed')
      order by case m.state when 'confirmed' then 0 else 1 end, m.created_at, m.id limit 1`,
    [groupId],
  );
  const factcheck = fc[0]
    ? ((await loadTargets(deps.db, [fc[0].factcheck_id], [])).get(fc[0].factcheck_id) ?? null)
    : null;
  const verdict =
    (await linkedVerdicts(deps.db, [first.id])).get(first.id)?.verdict ?? (await ownVerdict(deps, first.id));
  return {
    id: groupId,
    first_appearance: {
      claim_id: first.id,
      article_id: first.article_id,
      published_at: first.published_at?.toISOString() ?? null,
    },
    appearances: claims.length,
    claims: claims.map((c) => ({
      id: c.id,
      text: c.text,
      article_id: c.article_id,
      article_title: c.article_title,
      publisher: c.publisher,
      published_at: c.published_at?.toISOString() ?? null,
      speaker_name: c.speaker_name,
    })),
    speakers: [...new Set(claims.map((c) => c.speaker_name).filter((s): s is string => !!s))],
    factcheck,
    verdict,
  };
}

async function ownVerdict(deps: Pick<Deps, 'db'>, claimId: string): Promise<string | null> {
  const { rows } = await deps.db.query<{ verdict: string | null }>(
    `select verdict from claim where id = $1 and status = 'reviewed'`,
    [claimId],
  );
  return rows[0]?.verdict ?? null;
}
