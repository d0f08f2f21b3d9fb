import { z } from 'zod';

export const IMPORT_CONTENT_TYPES = ['application/x-ndjson', 'application/json'];

export const ImportSummary = z
  .object({
    id: z.uuid(),
    status: z.enum(['receiving', 'processing', 'finished', 'failed', 'partial']).meta({
      description:
        '`failed`: the upload stopped before any line was read; `partial`: it stopped after some were (they are kept and extracted). Both can be resumed with the same Idempotency-Key and feed',
    }),
    failure: z.string().nullable().meta({ description: 'why the upload stopped (failed or partial)' }),
    totals: z.object({
      received: z.number().int().meta({ description: 'non-blank lines read' }),
      duplicate: z
        .number()
        .int()
        .meta({ description: 'URL or body already known (earlier in this import or anywhere)' }),
      invalid: z.number().int(),
      queued: z.number().int().meta({ description: 'new articles stored and queued for extraction' }),
      extracted: z.number().int(),
      failed: z.number().int(),
      pending: z.number().int().meta({ description: 'queued or being extracted right now' }),
    }),
    claims: z.number().int(),
    rate: z.object({ articles_per_s: z.number(), claims_per_s: z.number() }),
    started_at: z.string(),
    received_at: z.string().nullable(),
    finished_at: z.string().nullable(),
    errors: z
      .array(z.object({ line: z.number().int(), problem: z.string() }))
      .meta({ description: 'the first 100 line errors' }),
  })
  .meta({ id: 'ImportSummary' });

export const ImportFailures = z
  .object({
    import_id: z.uuid(),
    items: z.array(
      z.object({
        id: z.uuid(),
        url: z.string().nullable(),
        title: z.string().nullable(),
        error: z.string().nullable(),
        attempts: z.number().int(),
        updated_at: z.string(),
      }),
    ),
  })
  .meta({ id: 'ImportFailures' });

export const FailuresQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const IdempotencyKey = z.string().trim().min(1).max(200);
