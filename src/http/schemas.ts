import { z } from 'zod';

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
