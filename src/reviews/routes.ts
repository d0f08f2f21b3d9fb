import { sendJsonBytes } from '../http/json-text';
import { z } from 'zod';
import { Claim } from '../claims/schema';
import type { Deps } from '../deps';
import { notFound } from '../errors';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { pageJson } from '../claims/present-sql';
import { expectedVersion } from './if-match';
import { listEvents, reviewQueue } from './repository';
import { EvidenceInput, FlagInput, HistoryEvent, IfMatchHeader, ReviewQueueQuery, TransitionInput } from './schema';
import { addEvidence, presentEvent, transitionClaim } from './service';

export function reviewRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/flags',
      summary: 'Flag a claim for verification, with a reason and a priority (editor)',
      tags: ['reviews'],
      auth: ['editor'],
      params: IdParams,
      body: FlagInput,
      headers: IfMatchHeader,
      responses: { 200: { description: 'The flagged claim; ETag is its new version', schema: Claim } },
      problems: [404, 409, 412, 428],
      handler: async ({ params, body, auth, req, res }) => {
        const input = { to: 'flagged' as const, note: body.reason, priority: body.priority, evidence: [] };
        const { claim } = await transitionClaim(deps, params.id, input, auth!, expectedVersion(req.get('if-match')));
        res.setHeader('ETag', `"${claim.version}"`).json(claim);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/transitions',
      summary: 'Move a claim through the workflow: flagged, in_review, reviewed (verdict + note), dismissed, or reopen',
      tags: ['reviews'],
      auth: ['reviewer', 'editor'],
      params: IdParams,
      body: TransitionInput,
      headers: IfMatchHeader,
      responses: { 200: { description: 'The claim after the transition; ETag is its new version', schema: Claim } },
      problems: [404, 409, 412, 428],
      handler: async ({ params, body, auth, req, res }) => {
        const { claim } = await transitionClaim(deps, params.id, body, auth!, expectedVersion(req.get('if-match')));
        res.setHeader('ETag', `"${claim.version}"`).json(claim);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/claims/:id/evidence',
      summary: 'Attach a piece of evidence (URL, title, note) to a claim',
      tags: ['reviews'],
      auth: ['reviewer', 'editor'],
      params: IdParams,
      body: EvidenceInput,
      responses: { 201: { description: 'The evidence event', schema: HistoryEvent } },
      problems: [404],
      handler: async ({ params, body, auth, res }) => {
        res.status(201).json(presentEvent(await addEvidence(deps, params.id, body, auth!)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/history',
      summary: 'Every event of a claim: who (key name and role), when, from → to, verdict, note, evidence',
      tags: ['reviews'],
      auth: 'any',
      params: IdParams,
      responses: {
        200: { description: 'Oldest first', schema: z.object({ claim_id: z.uuid(), items: z.array(HistoryEvent) }) },
      },
      problems: [404],
      handler: async ({ params, res }) => {
        const exists = await deps.db.query('select 1 from claim where id = $1', [params.id]);
        if (!exists.rowCount) throw notFound('claim', params.id);
        res.json({ claim_id: params.id, items: (await listEvents(deps.db, params.id)).map(presentEvent) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/review-queue',
      summary: 'Claims awaiting review: by priority, then check-worthiness, then age',
      tags: ['reviews'],
      auth: 'any',
      query: ReviewQueueQuery,
      responses: { 200: { description: 'The queue', schema: z.object({ items: z.array(Claim) }) } },
      handler: async ({ query, auth, req, res }) => {
        const rows = await reviewQueue(deps.db, {
          statuses: query.status ? [query.status] : ['flagged', 'in_review'],
          assignee: query.assignee === 'me' ? auth!.name : query.assignee,
          speakerType: query.speaker_type,
          minConfidence: query.min_confidence,
          limit: query.limit,
        });
        sendJsonBytes(req, res, pageJson({}, rows, {}));
      },
    }),
  ];
}
