import type { Deps } from '../deps';
import { AppError } from '../errors';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { jsonArrayLines } from '../imports/json-array-lines';
import { arrayLines, BodyTooLarge, bytesOf, type FeedLimits, ndjsonLines } from '../imports/lines';
import { Factcheck, FactcheckImportResult } from './schema';
import { factcheckById, importFactchecks } from './service';

const CONTENT_TYPES = ['application/x-ndjson', 'application/ld+json', 'application/json'];

export function factcheckRoutes(deps: Deps) {
  const limitBytes = deps.config.IMPORT_MAX_MB * 1024 * 1024;
  // One ClaimReview is at most one article's size, like an import line.
  const limits: FeedLimits = { limitBytes, maxLineBytes: bytesOf(deps.config.BODY_LIMIT) };
  return [
    defineRoute({
      method: 'post',
      path: '/v1/factchecks',
      summary:
        'Add fact-checks to the library: schema.org ClaimReview JSON-LD (one object, an array, or NDJSON); upsert by url',
      tags: ['factchecks'],
      auth: ['editor'],
      bodyContentTypes: CONTENT_TYPES,
      responses: { 200: { description: 'Every record was valid and is stored', schema: FactcheckImportResult } },
      problems: [400, 413, 415],
      handler: async ({ req, res, auth }) => {
        const type = req.is(CONTENT_TYPES);
        if (!type)
          throw new AppError('unsupported_media_type', 415, `Send ClaimReviews as ${CONTENT_TYPES.join(' or ')}.`);
        if (Number(req.headers['content-length'] ?? 0) > limitBytes) throw new BodyTooLarge(limitBytes);
        // express.json has parsed application/json up to BODY_LIMIT; a larger array arrives as a stream.
        const source =
          type === 'application/x-ndjson'
            ? ndjsonLines(req, limits)
            : req.body === undefined
              ? jsonArrayLines(req, limits)
              : arrayLines(Array.isArray(req.body) ? req.body : [req.body]);
        res.json(await importFactchecks(deps, source, auth?.keyId ?? null));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/factchecks/:id',
      summary: 'One fact-check of the library',
      tags: ['factchecks'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The fact-check', schema: Factcheck } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(await factcheckById(deps, params.id));
      },
    }),
  ];
}
