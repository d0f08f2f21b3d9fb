import type { Deps } from '../deps';
import { notFound } from '../errors';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { ClaimActions } from './schema';
import { allowedFrom, missingFields } from './status-machine';

// What each move asks for, from the same rules the transition endpoint enforces (empty input = all needs).
function needsOf(from: string, to: string): string[] {
  const needs = missingFields(from, to, {});
  return to === 'flagged' ? [...needs, 'priority'] : needs;
}

/**
 * The moves the calling key may make on a claim right now, so the review page offers exactly what the API
 * will accept (the workflow rules live in one place: status-machine.ts).
 */
export function claimActionRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/actions',
      summary: 'The workflow moves the calling key may make on a claim now, and what each needs',
      tags: ['reviews'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'Allowed moves for this role', schema: ClaimActions } },
      problems: [404],
      handler: async ({ params, auth, res }) => {
        const { rows } = await deps.db.query<{ status: string }>('select status from claim where id = $1', [params.id]);
        const status = rows[0]?.status;
        if (!status) throw notFound('claim', params.id);
        const role = auth!.role;
        const moves = allowedFrom(status)
          .filter((m) => m.roles.includes(role))
          .map((m) => ({ to: m.to, needs: needsOf(status, m.to) }));
        // The evidence endpoint's roles (routes.ts): editors and reviewers, at any status.
        const mayAddEvidence = role === 'admin' || role === 'editor' || role === 'reviewer';
        res.json({ claim_id: params.id, status, role, moves, may_add_evidence: mayAddEvidence });
      },
    }),
  ];
}
