import { z } from 'zod';
import { findBadText } from './text';

/** Shared pieces of request/response schemas (also the source of the OpenAPI document). */
export const IdParams = z.strictObject({ id: z.uuid() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    request_id: z.string().optional(),
  })
  .loose()
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; `code` is stable and machine-readable.' });

export const Span = z
  .tuple([z.number().int(), z.number().int()])
  .meta({ description: '[start, end) UTF-16 offsets into the article body' });

/**
 * A zod refinement for any value (string, object, array): refuses NUL, lone surrogates and U+FFFD
 * anywhere in it, keys included, naming the field and the offset. Every route's params, query and JSON
 * body get this check before their schema (src/http/route.ts); use it on input that arrives any other
 * way, e.g. each line of an NDJSON feed: `Schema.superRefine(rejectBadText)`.
 */
export function rejectBadText(value: unknown, ctx: z.RefinementCtx): void {
  const bad = findBadText(value);
  if (bad)
    ctx.addIssue({
      code: 'custom',
      message: bad.message,
      path: bad.path ? bad.path.split('.') : [],
      params: { offset: bad.offset },
    });
}

/** Real-world UTC offsets run from -12:00 to +14:00; Postgres refuses some beyond (22009) and 0000 as a year (22008). */
function storableTimestamp(value: string): boolean {
  if (value.startsWith('0000')) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  if (!offset) return true;
  const minutes = (Number(offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))) | 0;
  return minutes >= -12 * 60 && minutes <= 14 * 60 && Number(offset[3]) < 60;
}

/** An ISO 8601 date-time with an offset, that Postgres stores as sent: years 0001–9999, offsets -12:00 to +14:00. */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .refine(storableTimestamp, 'must be a date-time in years 0001–9999 with an offset between -12:00 and +14:00')
  .meta({ description: 'ISO 8601 date-time with Z or an offset, e.g. 2024-08-20T10:00:00+08:00' });
