import { z } from 'zod';
import { FactcheckSummary } from '../factchecks/schema';
import { CLAIM_STATUSES } from '../claims/schema';
import { SPEAKER_TYPES } from '../extraction/types';
import { VERDICT_NAMES } from '../reviews/status-machine';

export const SEARCH_TYPES = ['claim', 'article', 'factcheck'] as const;
export const ARTICLE_STATUSES = ['queued', 'processing', 'extracted', 'failed'] as const;

const Day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const SearchQuery = z
  .strictObject({
    q: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .meta({ description: 'words (all must match), "a phrase", prefix*, -excluded, or' }),
    types: z
      .string()
      .regex(
        /^(claim|article|factcheck)(,(claim|article|factcheck))*$/,
        'a comma-separated list of claim, article, factcheck',
      )
      .optional(),
    speaker_id: z.uuid().optional().meta({ description: 'claims of this registry speaker' }),
    speaker_type: z.enum(SPEAKER_TYPES).optional().meta({ description: 'claims by this kind of speaker' }),
    status: z
      .enum([...CLAIM_STATUSES, ...ARTICLE_STATUSES])
      .optional()
      .meta({ description: 'a claim status (unreviewed, reviewed, …) or an article status (extracted, …)' }),
    verdict: z
      .enum(VERDICT_NAMES)
      .optional()
      .meta({ description: 'reviewed claims and fact-checks with this verdict' }),
    publisher: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "article's publisher, fact-check's organisation" }),
    from: Day.optional().meta({ description: 'published on or after (date or date-time)' }),
    to: Day.optional().meta({ description: 'published on or before (a date includes that whole day)' }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(300).optional().meta({ description: 'next_cursor from the previous page' }),
  })
  .refine((q) => !q.from || !q.to || bound(q.from, 'from') <= bound(q.to, 'to'), {
    message: '`from` is after `to`',
    path: ['from'],
  });

/** A date alone means the whole day: from its first instant, to its last. */
export function bound(day: string, side: 'from' | 'to'): string {
  if (day.includes('T')) return new Date(day).toISOString();
  const start = new Date(`${day}T00:00:00Z`);
  return side === 'from' ? start.toISOString() : new Date(start.getTime() + 86_400_000 - 1).toISOString();
}

const Speaker = z.object({ id: z.uuid().nullable(), name: z.string().nullable(), type: z.enum(SPEAKER_TYPES) });

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.uuid(),
    score: z.number(),
    snippet: z.string(),
    highlights: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .meta({ description: '[start, end) offsets into snippet' }),
    claim: z
      .object({
        id: z.uuid(),
        article_id: z.uuid(),
        text: z.string(),
        speaker: Speaker,
        status: z.enum(CLAIM_STATUSES),
        verdict: z.string().nullable(),
      })
      .optional(),
    article: z
      .object({
        id: z.uuid(),
        title: z.string().nullable(),
        publisher: z.string().nullable(),
        published_at: z.string().nullable(),
        status: z.enum(ARTICLE_STATUSES),
      })
      .optional(),
    factcheck: FactcheckSummary.optional(),
  })
  .meta({ id: 'SearchHit' });

export const SearchPage = z
  .object({ items: z.array(SearchHit), next_cursor: z.string().nullable() })
  .meta({ id: 'SearchPage' });
