// The API's shapes, typed from the same zod schemas the server validates with (type-only imports: nothing
// of the server is bundled).
import type { z } from 'zod';
import type { ArticleSummary, Article as ArticleSchema } from '../../articles/schema';
import type { Claim as ClaimSchema, ClaimWithProvenance } from '../../claims/schema';
import type { ApiKey as ApiKeySchema } from '../../auth/schema';
import type {
  ClaimMatches as ClaimMatchesSchema,
  Match as MatchSchema,
  MatchTarget as MatchTargetSchema,
} from '../../matching/schema';
import type { ClaimActions as ClaimActionsSchema, HistoryEvent as HistoryEventSchema } from '../../reviews/schema';
import type { SearchHit as SearchHitSchema } from '../../search/schema';
import type {
  SpeakerClaim as SpeakerClaimSchema,
  SpeakerDetail,
  Speaker as SpeakerSchema,
} from '../../speakers/schema';

export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimDetail = z.infer<typeof ClaimWithProvenance>;
export type Article = z.infer<typeof ArticleSchema>;
export type ArticleItem = z.infer<typeof ArticleSummary>;
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
export type ClaimActions = z.infer<typeof ClaimActionsSchema>;

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}
export interface Me {
  id: string;
  name: string;
  role: 'admin' | 'editor' | 'reviewer' | 'importer';
}

export type MatchTarget = z.infer<typeof MatchTargetSchema>;
export type FactcheckTarget = Extract<MatchTarget, { type: 'factcheck' }>;
export type ClaimTarget = Extract<MatchTarget, { type: 'claim' }>;
export type Match = z.infer<typeof MatchSchema>;
export type ClaimMatches = z.infer<typeof ClaimMatchesSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type Speaker = z.infer<typeof SpeakerSchema> & Partial<z.infer<typeof SpeakerDetail>>;
export type SpeakerClaim = z.infer<typeof SpeakerClaimSchema>;
export type ApiKey = z.infer<typeof ApiKeySchema> & { key?: string };
