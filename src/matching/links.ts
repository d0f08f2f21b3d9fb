import type { AuthContext } from '../auth/types';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { appendEvent, lockClaim } from '../reviews/repository';
import { insertDeliveries } from '../webhooks/repository';
import { enqueueDeliveries } from '../webhooks/service';
import { joinGroups, regroup } from './groups';
import { lockMatch, type MatchRow, setMatchState } from './repository';
import { linkedVerdicts, loadTargets, type Target } from './targets';

export type LinkAction = 'confirm' | 'reject' | 'unlink';

/** Which states each action applies to, and where it leaves the link. */
const ACTIONS: Record<LinkAction, { from: MatchRow['state'][]; to: MatchRow['state']; event: string }> = {
  // A person may confirm what the matcher suggested, endorse an automatic link, or undo their own rejection.
  confirm: { from: ['suggested', 'auto', 'rejected'], to: 'confirmed', event: 'match_confirmed' },
  reject: { from: ['suggested'], to: 'rejected', event: 'match_rejected' },
  // An unlinked pair stays rejected, so the matcher never proposes it again.
  unlink: { from: ['confirmed', 'auto'], to: 'rejected', event: 'match_unlinked' },
};

/**
 * Confirm, reject or unlink one link of a claim. The link's new state, the claim_event in the claim's
 * history, the regrouping and the webhook deliveries commit together; delivery jobs go out after commit.
 */
export async function actOnMatch(deps: Deps, claimId: string, matchId: string, action: LinkAction, auth: AuthContext) {
  const rule = ACTIONS[action];
  const { match, target, deliveryIds } = await withTransaction(deps.db, async (tx) => {
    if (!(await lockClaim(tx, claimId))) throw notFound('claim', claimId);
    const current = await lockMatch(tx, claimId, matchId);
    if (!current) throw notFound('match', matchId);
    if (!rule.from.includes(current.state)) {
      throw new AppError('match_state_conflict', 409, `A ${current.state} link cannot be ${action}ed.`, {
        state: current.state,
        allowed_from: rule.from,
      });
    }
    const match = await setMatchState(tx, matchId, rule.to);
    if (match.state === 'confirmed') await joinGroups(tx, [match]);
    else await regroup(tx, [match.claim_id, ...(match.target_claim_id ? [match.target_claim_id] : [])]);
    const otherId = match.factcheck_id ?? (match.claim_id === claimId ? match.target_claim_id : match.claim_id)!;
    const targets = await loadTargets(tx, match.factcheck_id ? [otherId] : [], match.factcheck_id ? [] : [otherId]);
    const target = targets.get(otherId)!;
    const linked = (await linkedVerdicts(tx, [claimId])).get(claimId) ?? null;
    const event = await appendEvent(tx, {
      claimId,
      type: rule.event,
      from: null,
      to: null,
      actor: auth,
      data: {
        // A confirmed link to a verdict shows that verdict in the history, where it came from.
        verdict: action === 'confirm' ? (linked?.verdict ?? undefined) : undefined,
        match: {
          id: match.id,
          from: current.state,
          to: match.state,
          score: match.score,
          target: { type: target.type, id: target.id },
        },
      },
    });
    const deliveryIds = await insertDeliveries(tx, event.id, `claim.${rule.event}`, {
      event: `claim.${rule.event}`,
      event_id: event.id,
      at: event.created_at.toISOString(),
      claim: { id: claimId },
      match: presentMatch(match, target),
      linked_verdict: linked,
      actor: { name: auth.name, role: auth.role },
    });
    return { match, target, deliveryIds };
  });
  await enqueueDeliveries(deps, deliveryIds);
  return presentMatch(match, target);
}

export function presentMatch(m: MatchRow, target: Target) {
  return { id: m.id, state: m.state, score: m.score, created_at: m.created_at.toISOString(), target };
}
