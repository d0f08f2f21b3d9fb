import { z } from 'zod';
import { FactcheckSummary } from '../factchecks/schema';

export const MatchTarget = z
  .discriminatedUnion('type', [
    FactcheckSummary.extend({
      type: z.literal('factcheck'),
      claimant: z.string().nullable(),
      duplicates: z.array(z.object({ id: z.uuid(), url: z.string() })).meta({
        description:
          'near-identical fact-checks (same claim and title but for case, quote marks, punctuation and spacing), ' +
          'in the order stored: matching shows the group once, as the first one stored',
      }),
    }),
    z.object({
      type: z.literal('claim'),
      id: z.uuid(),
      text: z.string(),
      article_id: z.uuid(),
      article_title: z.string().nullable(),
      speaker_name: z.string().nullable(),
      status: z.string(),
      verdict: z.string().nullable(),
    }),
  ])
  .meta({ id: 'MatchTarget' });

export const MatchRequest = z.strictObject({
  text: z.string().trim().min(1).max(10_000),
  limit: z.number().int().min(1).max(50).default(10),
});

export const MatchResults = z
  .object({
    items: z.array(
      z.object({
        score: z.number().meta({ description: 'calibrated probability that the target verifies the text' }),
        target: MatchTarget,
      }),
    ),
  })
  .meta({ id: 'MatchResults' });

export const Match = z
  .object({
    id: z.uuid(),
    state: z.enum(['suggested', 'auto', 'confirmed', 'rejected']),
    score: z.number(),
    created_at: z.string(),
    target: MatchTarget,
  })
  .meta({ id: 'Match' });

export const ClaimMatches = z
  .object({ group: z.object({ id: z.uuid() }).nullable(), items: z.array(Match) })
  .meta({ id: 'ClaimMatches' });

export const MatchParams = z.strictObject({ id: z.uuid(), matchId: z.uuid() });

export const ClaimGroup = z
  .object({
    id: z.uuid(),
    first_appearance: z.object({ claim_id: z.uuid(), article_id: z.uuid(), published_at: z.string().nullable() }),
    appearances: z.number().int(),
    claims: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        article_id: z.uuid(),
        article_title: z.string().nullable(),
        publisher: z.string().nullable(),
        published_at: z.string().nullable(),
        speaker_name: z.string().nullable(),
      }),
    ),
    speakers: z.array(z.string()),
    factcheck: MatchTarget.nullable(),
    verdict: z.string().nullable(),
  })
  .meta({ id: 'ClaimGroup' });

export const LinkedVerdict = z
  .object({
    verdict: z.string(),
    source: z.enum(['factcheck', 'claim']),
    id: z.uuid(),
    url: z.string().nullable(),
  })
  .nullable()
  .meta({ id: 'LinkedVerdict', description: 'the verdict carried over a confirmed or automatic link' });
