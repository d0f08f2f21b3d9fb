import { z } from 'zod';
import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { IdParams, Timestamp } from '../http/schemas';
import { claimReviewOf, claimReviewsSince } from './claimreview';

const ClaimReview = z
  .object({ '@context': z.string(), '@type': z.literal('ClaimReview') })
  .loose()
  .meta({ id: 'ClaimReview' });

export function claimReviewRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/claimreview',
      summary: 'schema.org ClaimReview JSON-LD for a reviewed claim (409 without a verdict)',
      tags: ['reviews', 'export'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'ClaimReview', schema: ClaimReview, contentType: 'application/ld+json' } },
      problems: [404, 409],
      handler: async ({ params, res }) => {
        res.type('application/ld+json').send(JSON.stringify(await claimReviewOf(deps.db, params.id, deps.config)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claimreviews',
      summary: 'ClaimReviews of verdicts given after `since`, oldest first (for feeds)',
      tags: ['reviews', 'export'],
      auth: 'any',
      query: z.strictObject({
        since: Timestamp.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      responses: { 200: { description: 'ClaimReviews', schema: z.object({ items: z.array(ClaimReview) }) } },
      handler: async ({ query, res }) => {
        res.json({ items: await claimReviewsSince(deps.db, query.since, query.limit, deps.config) });
      },
    }),
  ];
}
