import { roleLabel, statusLabel } from '../labels';
import type { ClaimActions, ClaimDetail } from '../types';
import { EvidenceForm, MoveForm } from './move-forms';
import type { Done } from './outcome';

/**
 * Flag, review, verdict and evidence as one flow: the API says which moves this key may make now
 * (GET /v1/claims/:id/actions) and what each needs; this only draws those forms.
 */
export function Workflow({
  claim,
  etag,
  actions,
  done,
}: {
  claim: ClaimDetail;
  etag: string | null;
  actions: ClaimActions;
  done: Done;
}) {
  return (
    <section class="panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title">Verification</h2>
      <p>
        Status: <strong>{statusLabel(claim.status)}</strong>
        {claim.review.flag_reason && claim.status !== 'unreviewed' && (
          <> · flagged because “{claim.review.flag_reason}”</>
        )}
      </p>
      {!actions.moves.length && (
        <p class="muted" id="no-moves">
          {roleLabel(actions.role)} keys cannot move a {statusLabel(claim.status).toLowerCase()} claim.
        </p>
      )}
      {actions.moves.map((m) => (
        <MoveForm key={m.to} claim={claim} etag={etag} to={m.to} needs={m.needs} done={done} />
      ))}
      {actions.may_add_evidence && <EvidenceForm claimId={claim.id} done={done} />}
    </section>
  );
}
