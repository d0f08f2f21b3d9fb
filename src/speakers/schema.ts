import { z } from 'zod';
import { CLAIM_STATUSES } from '../claims/schema';
import { REGISTRY_TYPES } from './identity';

const Cursor = z.string().max(300).optional().meta({ description: 'next_cursor from the previous page' });
const Limit = z.coerce.number().int().min(1).max(200).default(50);

export const SpeakerListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'words of the name or an alias; prefixes match' }),
  type: z.enum(REGISTRY_TYPES).optional(),
  limit: Limit,
  cursor: Cursor,
});

export const SpeakerClaimsQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export const Speaker = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(REGISTRY_TYPES),
    title: z.string().nullable(),
    affiliation: z.string().nullable(),
    aliases: z.array(z.string()),
    claim_count: z.number().int(),
    first_seen: z.string().nullable(),
    last_seen: z.string().nullable(),
  })
  .meta({ id: 'Speaker' });

export const SpeakerPage = z
  .object({ items: z.array(Speaker), next_cursor: z.string().nullable() })
  .meta({ id: 'SpeakerPage' });

export const SpeakerDetail = Speaker.extend({
  verdict_counts: z.record(z.string(), z.number().int()),
  track_record: z
    .object({ reviewed: z.number().int(), share_true: z.number(), share_false: z.number(), note: z.string() })
    .nullable()
    .meta({ description: 'Only from 4 reviewed claims up' }),
  merged_into: z.uuid().nullable(),
}).meta({ id: 'SpeakerDetail' });

export const SpeakerClaim = z.object({
  id: z.uuid(),
  article_id: z.uuid(),
  article_title: z.string().nullable(),
  publisher: z.string().nullable(),
  published_at: z.string().nullable(),
  text: z.string(),
  status: z.enum(CLAIM_STATUSES),
  verdict: z.string().nullable(),
});

export const SpeakerClaimPage = z
  .object({ items: z.array(SpeakerClaim), next_cursor: z.string().nullable() })
  .meta({ id: 'SpeakerClaimPage' });

export const MergeInput = z.strictObject({
  other_id: z.uuid().meta({ description: 'the speaker merged into this one' }),
});
export const SplitInput = z.strictObject({
  claim_ids: z.array(z.uuid()).min(1).max(10_000).meta({ description: 'claims that move to a new speaker' }),
});
export const RenameInput = z.strictObject({ name: z.string().trim().min(1).max(300) });
