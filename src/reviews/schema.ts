import { z } from 'zod';
import { SPEAKER_TYPES } from '../extraction/types';
import { MinConfidence } from '../claims/schema';
import { PRIORITIES, REVIEW_STATUSES, VERDICT_NAMES } from './status-machine';

export const EvidenceInput = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    title: z.string().trim().min(1).max(500).nullish(),
    note: z.string().trim().min(1).max(5000).nullish(),
  })
  .meta({ id: 'EvidenceInput' });

export const FlagInput = z
  .strictObject({
    reason: z.string().trim().min(1).max(5000),
    priority: z.enum(PRIORITIES).default('normal'),
  })
  .meta({ id: 'FlagInput' });

export const TransitionInput = z
  .strictObject({
    to: z.enum(REVIEW_STATUSES),
    verdict: z.enum(VERDICT_NAMES).optional().meta({ description: 'required when to = reviewed' }),
    note: z.string().trim().min(1).max(5000).optional().meta({
      description: 'the verdict note, or the reason for flagging, dismissing or reopening (required for those)',
    }),
    priority: z.enum(PRIORITIES).optional().meta({ description: 'when to = flagged (default normal)' }),
    evidence: z.array(EvidenceInput).max(50).default([]),
  })
  .meta({ id: 'TransitionInput' });
export type TransitionInput = z.infer<typeof TransitionInput>;

export const IfMatchHeader = {
  'If-Match': {
    description: 'The claim version from its ETag (e.g. "3"); 428 when missing, 412 when stale',
    required: true,
  },
};

export const HistoryEvent = z
  .object({
    id: z.number().int(),
    type: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    at: z.string(),
    actor: z.object({ name: z.string().nullable(), role: z.string().nullable() }),
    verdict: z.string().nullable(),
    note: z.string().nullable(),
    priority: z.string().nullable(),
    assignee: z.string().nullable(),
    evidence: z.array(z.object({ url: z.string(), title: z.string().nullish(), note: z.string().nullish() })),
    match: z
      .object({
        id: z.uuid(),
        from: z.string().nullable(),
        to: z.string(),
        score: z.number(),
        target: z.object({ type: z.enum(['factcheck', 'claim']), id: z.uuid() }),
      })
      .nullable()
      .meta({ description: 'for match_* events: the link, its state before and after, and what it points at' }),
  })
  .meta({ id: 'HistoryEvent' });

export const REVIEW_QUEUE_MIN_CONFIDENCE = 0.3;

export const ReviewQueueQuery = z.strictObject({
  status: z.enum(['flagged', 'in_review']).optional().meta({ description: 'default: both' }),
  assignee: z.string().max(200).optional().meta({ description: "a key name, or 'me'" }),
  speaker_type: z.enum(SPEAKER_TYPES).optional(),
  // Below 0.3 most attributions are wrong (PolNeAR dev: about 1 in 4 right), so reviewers do not see them unless they ask.
  min_confidence: MinConfidence.default(REVIEW_QUEUE_MIN_CONFIDENCE).meta({
    description: `default ${REVIEW_QUEUE_MIN_CONFIDENCE}; 0 shows every claim`,
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ClaimActions = z
  .object({
    claim_id: z.uuid(),
    status: z.string(),
    role: z.string(),
    moves: z.array(z.object({ to: z.string(), needs: z.array(z.string()) })),
    may_add_evidence: z.boolean(),
  })
  .meta({ id: 'ClaimActions' });
