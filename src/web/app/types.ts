// The API's shapes, typed from the same zod schemas the server validates with (type-only imports: nothing
// of the server is bundled). Shapes of APIs built on other branches follow /work/briefs/contracts.md.
import type { z } from 'zod';
import type { ArticleSummary, Article as ArticleSchema } from '../../articles/schema';
import type { Claim as ClaimSchema, ClaimWithProvenance } from '../../claims/schema';
import type { ClaimActions as ClaimActionsSchema, HistoryEvent as HistoryEventSchema } from '../../reviews/schema';

export type Claim = z.infer<typeof ClaimSchema> & {
  speaker: { id?: string | null };
  linked_verdict?: { verdict: string; source: 'factcheck' | 'claim'; id: string; url: string | null } | null;
};
export type ClaimDetail = z.infer<typeof ClaimWithProvenance> & Pick<Claim, 'speaker' | 'linked_verdict'>;
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

export interface FactcheckTarget {
  type: 'factcheck';
  id: string;
  url: string;
  claim_reviewed: string;
  verdict: string | null;
  rating_name: string | null;
  author_org: string | null;
  claimant: string | null;
  published_at: string | null;
}
export interface ClaimTarget {
  type: 'claim';
  id: string;
  text: string;
  article_id: string;
  article_title: string | null;
  speaker_name: string | null;
  status: string;
  verdict: string | null;
}
export type MatchTarget = FactcheckTarget | ClaimTarget;
export interface Match {
  id: string;
  state: 'suggested' | 'auto' | 'confirmed' | 'rejected';
  score: number;
  created_at: string;
  target: MatchTarget;
}
export interface ClaimMatches {
  group: { id: string } | null;
  items: Match[];
}

export interface SearchHit {
  type: 'claim' | 'article' | 'factcheck';
  id: string;
  score: number;
  snippet: string;
  highlights: [number, number][];
  claim?: {
    id: string;
    article_id: string;
    text: string;
    speaker: { id: string | null; name: string | null; type: string };
    status: string;
    verdict: string | null;
  };
  article?: { id: string; title: string | null; publisher: string | null; published_at: string | null; status: string };
  factcheck?: Omit<FactcheckTarget, 'type' | 'claimant'>;
}

export interface Speaker {
  id: string;
  name: string;
  type: string;
  title: string | null;
  affiliation: string | null;
  aliases: string[];
  claim_count: number;
  first_seen: string | null;
  last_seen: string | null;
  verdict_counts?: Record<string, number>;
  track_record?: { reviewed: number; share_true: number; share_false: number; note: string } | null;
  merged_into?: string | null;
}
export interface SpeakerClaim {
  id: string;
  article_id: string;
  article_title: string | null;
  publisher: string | null;
  published_at: string | null;
  text: string;
  status: string;
  verdict: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  role: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  key?: string;
}
