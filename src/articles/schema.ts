import { z } from 'zod';
import { EXTRACTOR_MODELS } from '../extraction/models';
import { Timestamp } from '../http/schemas';

export const ARTICLE_STATUSES = ['queued', 'processing', 'extracted', 'failed'] as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullish();

/** One article as sent by a newsroom. Unknown fields are refused so typos do not pass silently. */
export const ArticleInput = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullish(),
    title: optionalText(1000).meta({
      description:
        'When left out: the headline line the body opens with (a first line without closing punctuation, prose after it), if any.',
    }),
    // Kept exactly as sent: claim spans are offsets into this string.
    body: z
      .string()
      .max(1_500_000)
      .refine((s) => s.trim().length > 0, 'must contain text'),
    publisher: optionalText(300),
    author: optionalText(300),
    published_at: Timestamp.nullish(),
  })
  .meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ArticleInput>;

export const ArticleAccepted = z
  .object({
    id: z.uuid(),
    status: z.enum(ARTICLE_STATUSES),
    duplicate: z
      .boolean()
      .meta({ description: 'true when the URL or body was already known; the existing article is returned' }),
  })
  .meta({ id: 'ArticleAccepted' });

export const Article = z
  .object({
    id: z.uuid(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    published_at: z.string().nullable(),
    status: z.enum(ARTICLE_STATUSES),
    error: z.string().nullable(),
    claim_count: z.number().int(),
    extractor_version: z.string().nullable(),
    extractor_model: z
      .enum(EXTRACTOR_MODELS)
      .nullable()
      .meta({ description: "the model asked for with ?model=; null: the deployment's EXTRACTOR_MODEL" }),
    body: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    extracted_at: z.string().nullable(),
  })
  .meta({ id: 'Article' });

/** Filters of the article list; `from`/`to` take a day (`2026-11-28`, the whole day) or a timestamp. */
const dayOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const ArticleListQuery = z.strictObject({
  q: z.string().trim().min(1).max(500).optional().meta({ description: 'words in the title or body' }),
  publisher: z.string().trim().min(1).max(300).optional().meta({ description: 'exact publisher (any case)' }),
  status: z.enum(ARTICLE_STATUSES).optional(),
  from: dayOrTime.optional().meta({ description: 'published at or after' }),
  to: dayOrTime.optional().meta({ description: 'published on or before (a date includes that whole day)' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional().meta({ description: 'next_cursor from the previous page' }),
});
export type ArticleListQuery = z.infer<typeof ArticleListQuery>;

export const ArticleSummary = Article.pick({
  id: true,
  url: true,
  title: true,
  publisher: true,
  author: true,
  published_at: true,
  status: true,
  claim_count: true,
  created_at: true,
}).meta({ id: 'ArticleSummary' });

export const ArticlePage = z
  .object({ items: z.array(ArticleSummary), next_cursor: z.string().nullable() })
  .meta({ id: 'ArticlePage' });

/** `?model=` on submissions: the extractor model for these articles; without it, the deployment's EXTRACTOR_MODEL. */
export const ModelQuery = z.strictObject({
  model: z
    .enum(EXTRACTOR_MODELS)
    .optional()
    .meta({ description: "fast or accurate; default: the deployment's EXTRACTOR_MODEL" }),
});
