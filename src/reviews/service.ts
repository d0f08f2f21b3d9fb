import type { AuthContext } from '../auth/types';
import type { ClaimRow } from '../claims/repository';
import { presentClaim } from '../claims/service';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { insertDeliveries } from '../webhooks/repository';
import { enqueueDeliveries } from '../webhooks/service';
import { appendEvent, applyTransition, type EventRow, lockClaim } from './repository';
import type { TransitionInput } from './schema';
import { allowedFrom, checkTransition, missingFields } from './status-machine';

export interface TransitionResult {
  claim: ReturnType<typeof presentClaim>;
  event: EventRow;
}

/**
 * Moves a claim through the workflow. The row lock plus the version check make concurrent reviewers
 * safe: exactly one wins, the others get 412 with the state they missed. The claim, its event and the
 * webhook deliveries commit together; delivery jobs are enqueued only after the commit.
 */
export async function transitionClaim(
  deps: Deps,
  claimId: string,
  input: TransitionInput,
  auth: AuthContext,
  expected: number,
): Promise<TransitionResult> {
  const { claim, event, deliveryIds } = await withTransaction(deps.db, async (tx) => {
    const current = await lockClaim(tx, claimId);
    if (!current) throw notFound('claim', claimId);
    if (current.version !== expected) {
      throw new AppError(
        'precondition_failed',
        412,
        `The claim changed since version ${expected}; it is now version ${current.version}, status ${current.status}.`,
        {
          current: { status: current.status, version: current.version },
        },
      );
    }
    const check = checkTransition(current.status, input.to, auth.role);
    if (!check.ok && check.reason === 'not_allowed') {
      throw new AppError('transition_not_allowed', 409, `A claim cannot go from ${current.status} to ${input.to}.`, {
        from: current.status,
        to: input.to,
        allowed: allowedFrom(current.status),
      });
    }
    if (!check.ok) {
      throw new AppError(
        'forbidden',
        403,
        `The ${auth.role} role may not move a claim from ${current.status} to ${input.to}.`,
        {
          role: auth.role,
          allowed: allowedFrom(current.status),
        },
      );
    }
    const missing = missingFields(current.status, input.to, input);
    if (missing.length) {
      throw new AppError('validation_failed', 400, `Moving to ${input.to} needs: ${missing.join(', ')}.`, {
        errors: missing.map((path) => ({ in: 'body', path, message: 'required for this transition' })),
      });
    }
    const priority = input.to === 'flagged' ? (input.priority ?? 'normal') : undefined;
    const assignee = input.to === 'in_review' ? auth.name : undefined;
    const event = await appendEvent(tx, {
      claimId,
      type: 'transition',
      from: current.status,
      to: input.to,
      actor: auth,
      data: {
        verdict: input.to === 'reviewed' ? input.verdict : undefined,
        note: input.note,
        priority,
        assignee,
        evidence: input.evidence,
      },
    });
    const row = await applyTransition(tx, claimId, input.to, {
      priority,
      note: input.note,
      verdict: input.verdict,
      assigneeKeyId: input.to === 'in_review' ? auth.keyId : undefined,
      assigneeName: assignee,
      eventId: event.id,
    });
    const deliveryIds = await insertDeliveries(
      tx,
      event.id,
      input.to === 'reviewed' ? 'claim.verdict' : 'claim.status_changed',
      webhookPayload(row, event),
    );
    return { claim: row, event, deliveryIds };
  });
  await enqueueDeliveries(deps, deliveryIds);
  return { claim: presentClaim(claim), event };
}

function webhookPayload(claim: ClaimRow, event: EventRow) {
  return {
    event: event.to_status === 'reviewed' ? 'claim.verdict' : 'claim.status_changed',
    event_id: event.id,
    at: event.created_at.toISOString(),
    claim: {
      id: claim.id,
      article_id: claim.article_id,
      text: claim.text,
      version: claim.version,
      speaker: claim.speaker_name,
    },
    from: event.from_status,
    to: event.to_status,
    verdict: claim.verdict ?? null,
    note: (event.data.note as string | undefined) ?? null,
    actor: { name: event.actor_name, role: event.actor_role },
  };
}

/** Evidence does not change the status, so it needs no If-Match: two people may add sources at once. */
export async function addEvidence(
  deps: Deps,
  claimId: string,
  evidence: { url: string; title?: string | null; note?: string | null },
  auth: AuthContext,
) {
  return withTransaction(deps.db, async (tx) => {
    const current = await lockClaim(tx, claimId);
    if (!current) throw notFound('claim', claimId);
    return appendEvent(tx, {
      claimId,
      type: 'evidence',
      from: null,
      to: null,
      actor: auth,
      data: { evidence: [evidence] },
    });
  });
}

export function presentEvent(e: EventRow) {
  const d = e.data as {
    verdict?: string;
    note?: string;
    priority?: string;
    assignee?: string;
    evidence?: { url: string; title?: string; note?: string }[];
    match?: {
      id: string;
      from: string | null;
      to: string;
      score: number;
      target: { type: 'factcheck' | 'claim'; id: string };
    };
  };
  return {
    id: e.id,
    type: e.type,
    from: e.from_status,
    to: e.to_status,
    at: e.created_at.toISOString(),
    actor: { name: e.actor_name, role: e.actor_role },
    verdict: d.verdict ?? null,
    note: d.note ?? null,
    priority: d.priority ?? null,
    assignee: d.assignee ?? null,
    evidence: d.evidence ?? [],
    match: d.match ?? null,
  };
}
