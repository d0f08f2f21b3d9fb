import { sendJsonBytes } from '../http/json-text';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { ClaimListQuery, ClaimPage, ClaimWithProvenance } from './schema';
import { claimWithProvenance, pageOfClaims } from './service';
import type { Deps } from '../deps';

export function claimRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims',
      summary: 'List claims, filtered by status, speaker type, article or confidence (keyset pagination)',
      tags: ['claims'],
      auth: 'any',
      query: ClaimListQuery,
      responses: { 200: { description: 'A page of claims, oldest first unless order=newest', schema: ClaimPage } },
      handler: async ({ query, req, res }) => {
        sendJsonBytes(
          req,
          res,
          await pageOfClaims(deps, {
            status: query.status,
            speakerType: query.speaker_type,
            articleId: query.article_id,
            minConfidence: query.min_confidence,
            limit: query.limit,
            newestFirst: query.order === 'newest',
            cursor: query.cursor,
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id',
      summary: 'One claim with its provenance (article, extractor, the exact words its spans cover)',
      tags: ['claims'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The claim', schema: ClaimWithProvenance } },
      problems: [404],
      handler: async ({ params, res }) => {
        const claim = await claimWithProvenance(deps, params.id);
        res.setHeader('ETag', `"${claim.version}"`);
        res.json(claim);
      },
    }),
  ];
}
