import { rejectBadText } from '../http/schemas';
import { z } from 'zod';
import { VERDICT_NAMES } from '../reviews/status-machine';

const text = z.string().trim().min(1);
const number = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
/** schema.org lets a Person, an Organization, or just a name stand for an author. */
const named = z.union([
  text,
  z
    .object({ name: text })
    .loose()
    .transform((o) => o.name),
]);
const oneOrMany = <T extends z.ZodType>(t: T) =>
  z.union([
    t,
    z
      .array(t)
      .min(1)
      .transform((a) => a[0]!),
  ]);
// Any date JavaScript reads, within the years Postgres stores as timestamptz (0001-9999).
const date = z.string().refine((s) => {
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const year = new Date(t).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, 'not a date between years 0001 and 9999');
const link = z.union([
  z.url(),
  z
    .object({ url: z.url() })
    .loose()
    .transform((o) => o.url),
]);

/** One ClaimReview as published (JSON-LD); unknown members are kept in `raw`, not rejected. */
export const ClaimReviewInput = z
  .object({
    '@type': z.literal('ClaimReview').optional(),
    url: z.url(),
    claimReviewed: text,
    name: text.optional(),
    headline: text.optional(),
    datePublished: date.optional(),
    author: oneOrMany(named).optional(),
    reviewRating: z
      .object({
        ratingValue: number.optional(),
        bestRating: number.optional(),
        worstRating: number.optional(),
        alternateName: text.optional(),
      })
      .loose()
      .optional(),
    itemReviewed: z
      .object({
        author: oneOrMany(named).optional(),
        datePublished: date.optional(),
        appearance: oneOrMany(link).optional(),
        firstAppearance: link.optional(),
      })
      .loose()
      .optional(),
  })
  .loose()
  // Unknown members are stored in `raw` too, so NUL or a lone surrogate anywhere refuses the record.
  .superRefine(rejectBadText);
export type ClaimReviewInput = z.infer<typeof ClaimReviewInput>;

export const FactcheckImportResult = z
  .object({
    received: z.number().int(),
    stored: z.number().int().meta({ description: 'fact-checks new to the library' }),
    updated: z.number().int().meta({ description: 'known URLs whose record changed' }),
    invalid: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), problem: z.string() })),
  })
  .meta({ id: 'FactcheckImportResult' });

export const Factcheck = z
  .object({
    id: z.uuid(),
    url: z.string(),
    claim_reviewed: z.string(),
    title: z.string().nullable(),
    rating: z.object({
      value: z.number().nullable(),
      best: z.number().nullable(),
      worst: z.number().nullable(),
      name: z.string().nullable(),
    }),
    verdict: z.enum(VERDICT_NAMES).nullable(),
    author_org: z.string().nullable(),
    claimant: z.string().nullable(),
    claim_date: z.string().nullable(),
    appearance_url: z.string().nullable(),
    published_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Factcheck' });

/** A fact-check as other resources show it (a match target, a search hit): the claim, its verdict, who checked it. */
export const FactcheckSummary = z.object({
  id: z.uuid(),
  url: z.string(),
  claim_reviewed: z.string(),
  verdict: z.string().nullable(),
  rating_name: z.string().nullable(),
  author_org: z.string().nullable(),
  published_at: z.string().nullable(),
});
