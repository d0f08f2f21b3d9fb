import { z } from 'zod';
import { EXTRACTOR_MODELS } from '../extraction/models';
import { SPEAKER_TYPES } from '../extraction/types';
import { Span } from '../http/schemas';
import { LinkedVerdict } from '../matching/schema';

/** A claim's `confidence` is calibrated: of claims at 0.9, about nine in ten have speaker, cue and content right. */
export const MinConfidence = z.coerce.number().min(0).max(1).meta({
  description: 'only claims whose calibrated confidence (the chance the attribution is right) is at least this',
});

/** Which extractor made a claim: name, version and model. */
const Extractor = z.object({
  name: z.string(),
  version: z.string(),
  model: z.enum(EXTRACTOR_MODELS).nullable().meta({ description: 'the model that made the claim (null before 0.4.0)' }),
});

export const CLAIM_STATUSES = ['unreviewed', 'flagged', 'in_review', 'reviewed', 'dismissed', 'superseded'] as const;

export const ClaimListQuery = z.strictObject({
  status: z.enum(CLAIM_STATUSES).optional(),
  speaker_type: z.enum(SPEAKER_TYPES).optional(),
  article_id: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'next_cursor from the previous page' }),
  order: z.enum(['oldest', 'newest']).default('oldest').meta({ description: 'newest: most recent claims first' }),
  min_confidence: MinConfidence.optional(),
});

export const Claim = z
  .object({
    id: z.uuid(),
    article_id: z.uuid(),
    text: z.string(),
    kind: z.enum(['direct', 'indirect', 'mixed', 'hedged']),
    cue: z.string().nullable(),
    speaker: z.object({
      id: z
        .uuid()
        .nullable()
        .meta({ description: 'the registry speaker (GET /v1/speakers/:id); null until resolved or for none' }),
      mention: z.string().nullable(),
      name: z.string().nullable(),
      type: z.enum(SPEAKER_TYPES),
      anonymous: z.boolean(),
      title: z.string().nullable(),
      affiliation: z.string().nullable(),
    }),
    via: z.array(z.string()),
    hedges: z.array(z.string()),
    checkworthy: z.number(),
    confidence: z.number(),
    spans: z.object({ content: z.array(Span), source: z.array(Span), cue: z.array(Span) }),
    status: z.enum(CLAIM_STATUSES),
    version: z.number().int(),
    extractor: Extractor,
    review: z.object({
      priority: z.string().nullable(),
      flag_reason: z.string().nullable(),
      flagged_at: z.string().nullable(),
      assignee: z.string().nullable(),
      verdict: z.string().nullable(),
      verdict_value: z
        .number()
        .int()
        .nullable()
        .meta({ description: '5 true … 1 false; null for misleading/unverifiable' }),
      verdict_note: z.string().nullable(),
      verdict_at: z.string().nullable(),
    }),
    linked_verdict: LinkedVerdict,
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Claim' });

export const ClaimPage = z
  .object({ items: z.array(Claim), next_cursor: z.string().nullable() })
  .meta({ id: 'ClaimPage' });

export const ClaimWithProvenance = Claim.extend({
  provenance: z.object({
    article: z.object({
      id: z.uuid(),
      url: z.string().nullable(),
      title: z.string().nullable(),
      publisher: z.string().nullable(),
      published_at: z.string().nullable(),
    }),
    extractor: Extractor,
    extracted_at: z.string().nullable(),
    quoted: z.object({ content: z.array(z.string()), source: z.array(z.string()), cue: z.array(z.string()) }),
  }),
}).meta({ id: 'ClaimWithProvenance' });
