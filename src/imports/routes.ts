import { createHash, type Hash } from 'node:crypto';
import type { Request } from 'express';
import { z } from 'zod';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { FeedMismatch, skipCommitted, takeOverForResume } from './lifecycle';
import { jsonArrayLines } from './json-array-lines';
import { arrayLines, BodyTooLarge, bytesOf, type FeedLimits, ndjsonLines } from './lines';
import { importFailures, importSummary, requireImport, retryFailed } from './progress';
import { type ImportRow, openImport } from './repository';
import { ModelQuery } from '../articles/schema';
import { FailuresQuery, IdempotencyKey, IMPORT_CONTENT_TYPES, ImportFailures, ImportSummary } from './schema';
import { receiveImport } from './service';
import { streamImportEvents } from './sse';

export function importRoutes(deps: Deps) {
  const limits = {
    limitBytes: deps.config.IMPORT_MAX_MB * 1024 * 1024,
    // A line holds one article: it may be as long as a POST /v1/articles body, no longer.
    maxLineBytes: bytesOf(deps.config.BODY_LIMIT),
  };
  return [
    defineRoute({
      method: 'post',
      path: '/v1/imports',
      summary: 'Import a feed of articles (NDJSON streamed, one article per line; or a JSON array up to BODY_LIMIT)',
      tags: ['imports'],
      auth: ['importer'],
      bodyContentTypes: IMPORT_CONTENT_TYPES,
      query: ModelQuery,
      headers: {
        'Idempotency-Key': {
          description:
            'Scoped to the API key. The same key and feed again returns the first import (200), or resumes it where it stopped if it is `failed` or `partial` (202); the same key with a different feed is refused (422)',
        },
      },
      responses: {
        202: { description: 'Read, stored and queued; extraction goes on in the workers', schema: ImportSummary },
        200: { description: 'An import with this Idempotency-Key exists: that import', schema: ImportSummary },
      },
      problems: [400, 409, 413, 415, 422],
      handler: async ({ req, res, auth, query }) => {
        const type = req.is(IMPORT_CONTENT_TYPES);
        if (!type)
          throw new AppError('unsupported_media_type', 415, `Send the feed as ${IMPORT_CONTENT_TYPES.join(' or ')}.`);
        // express.json parses application/json up to BODY_LIMIT before we get here; if it left the body alone
        // (the body is undefined), the array is read as a stream instead.
        if (type === 'application/json' && req.body !== undefined && !Array.isArray(req.body)) {
          throw new AppError('validation_failed', 400, 'A JSON import must be an array of articles (or send NDJSON).');
        }
        if (Number(req.headers['content-length'] ?? 0) > limits.limitBytes) throw new BodyTooLarge(limits.limitBytes);
        const key = idempotencyKey(req);
        const opened = await openImport(deps.db, key, auth?.keyId ?? null, query.model ?? null);
        let row = opened.row;
        res.location(`/v1/imports/${row.id}`);
        const hash = createHash('sha256');
        let source = readFeed(req, type, { ...limits, hash });
        if (!opened.created) {
          const resumed = await takeOverForResume(deps.db, row.id);
          if (!resumed) {
            await replay(row, source, hash);
            res.status(200).json(await importSummary(deps, row));
            return;
          }
          row = resumed;
          source = skipCommitted(source, { line: row.resume_line, hash: row.resume_hash }, hash);
        }
        try {
          await receiveImport(deps, row.id, source, String(req.id), hash);
        } catch (err) {
          if (err instanceof BodyTooLarge) throw new BodyTooLarge(limits.limitBytes, row.id);
          throw err;
        }
        res.status(202).json(await importSummary(deps, await requireImport(deps, row.id)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/imports/:id',
      summary: 'Totals, claims, rate, times and the first 100 line errors of an import',
      tags: ['imports'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The import', schema: ImportSummary } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(await importSummary(deps, await requireImport(deps, params.id)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/imports/:id/events',
      summary:
        'Progress of an import as server-sent events (`progress`, then one `finished`, or `failed`/`partial` if the upload stopped)',
      tags: ['imports'],
      auth: 'any',
      params: IdParams,
      responses: {
        200: {
          description: 'An event stream; each `data` is the import summary without errors',
          contentType: 'text/event-stream',
        },
      },
      problems: [404],
      handler: ({ params, req, res }) => streamImportEvents(deps, params.id, req, res),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/imports/:id/failures',
      summary: 'Articles of an import whose extraction failed after every retry',
      tags: ['imports'],
      auth: 'any',
      params: IdParams,
      query: FailuresQuery,
      responses: { 200: { description: 'The failed articles, oldest first', schema: ImportFailures } },
      problems: [404],
      handler: async ({ params, query, res }) => {
        res.json({ import_id: params.id, items: await importFailures(deps, params.id, query.limit) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/imports/:id/retry-failed',
      summary: 'Queue the failed articles of an import again, with a fresh set of attempts',
      tags: ['imports'],
      auth: ['importer'],
      params: IdParams,
      responses: {
        202: { description: 'Queued again', schema: z.object({ import_id: z.uuid(), retried: z.number().int() }) },
      },
      problems: [404, 503],
      handler: async ({ params, req, res }) => {
        const { retried } = await retryFailed(deps, params.id, String(req.id));
        res.status(202).json({ import_id: params.id, retried });
      },
    }),
  ];
}

function idempotencyKey(req: Request): string | null {
  const given = req.get('idempotency-key');
  if (given === undefined) return null;
  const parsed = IdempotencyKey.safeParse(given);
  if (!parsed.success)
    throw new AppError('invalid_idempotency_key', 400, 'Idempotency-Key must be 1 to 200 characters.');
  return parsed.data;
}

function readFeed(req: Request, type: string, limits: FeedLimits) {
  if (type !== 'application/json') return ndjsonLines(req, limits);
  return Array.isArray(req.body) ? arrayLines(req.body, limits) : jsonArrayLines(req, limits);
}

/**
 * The same key again for an import already read whole (or still being read by another request): the
 * feed is read to the end and hashed, and must be the same one (422 otherwise).
 */
async function replay(row: ImportRow, source: AsyncIterable<unknown>, hash: Hash): Promise<void> {
  if (row.status === 'receiving')
    throw new AppError('import_in_progress', 409, 'This import is still being received by another request.', {
      import_id: row.id,
    });
  for await (const _ of source) {
    // read to the end: only the digest matters
  }
  if (row.body_hash && hash.digest('hex') !== row.body_hash) throw new FeedMismatch();
}
