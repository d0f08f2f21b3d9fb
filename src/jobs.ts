import { z } from 'zod';

/**
 * The one job registry: job name → queue and payload schema. Producers and workers both import it;
 * workers re-validate `job.data` with the same schema because payloads may come from older code.
 */
export const JOBS = {
  ArticleExtract: {
    queue: 'article-extract',
    payload: z.object({
      articleId: z.uuid(),
      // Carried from the HTTP request that caused the job, so one article can be followed through the logs.
      requestId: z.string().max(200).optional(),
    }),
  },
  // Up to EXTRACT_BATCH_MAX articles of one import in one job: one lease and one claims write for all of
  // them. An article that fails in a batch goes on as its own ArticleExtract job (see extract-batch.ts).
  ArticleExtractBatch: {
    queue: 'article-extract-batch',
    payload: z.object({
      articleIds: z.array(z.uuid()).min(1).max(100),
      requestId: z.string().max(200).optional(),
    }),
  },
  // Links the claims of extracted articles to registry speakers (src/speakers/resolve.ts); one job per
  // extracted article or import batch, enqueued after the extraction commit.
  SpeakerResolve: {
    queue: 'speaker-resolve',
    payload: z.object({ articleIds: z.array(z.uuid()).min(1).max(100) }),
  },
  // Matching of one extracted article's claims against the fact-check library and earlier claims.
  ClaimMatch: {
    queue: 'claim-match',
    payload: z.object({ articleId: z.uuid(), requestId: z.string().max(200).optional() }),
  },
  // The same for the articles of one import batch, enqueued when their batch extraction is done.
  ClaimMatchBatch: {
    queue: 'claim-match-batch',
    payload: z.object({ articleIds: z.array(z.uuid()).min(1).max(100), requestId: z.string().max(200).optional() }),
  },
  // Repeatable: re-enqueues articles left `queued` or `processing` past their lease (e.g. after Redis lost its data).
  Reconcile: { queue: 'reconcile', payload: z.object({}) },
  // One signed POST of one claim event to one webhook; retried with exponential backoff.
  WebhookDeliver: { queue: 'webhook-deliver', payload: z.object({ deliveryId: z.uuid() }) },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Deterministic job ids: enqueuing the same work twice is a no-op while the first job is pending. */
export const jobIds = {
  articleExtract: (articleId: string) => `extract-${articleId}`,
  /** Named after the batch's first article, whose id is unique, so a batch is enqueued at most once. */
  articleExtractBatch: (firstArticleId: string) => `extract-batch-${firstArticleId}`,
  webhookDeliver: (deliveryId: string) => `webhook-${deliveryId}`,
  /** Named after the first article of the job, like an extraction batch. */
  speakerResolve: (firstArticleId: string) => `speakers-${firstArticleId}`,
  claimMatch: (articleId: string) => `match-${articleId}`,
  claimMatchBatch: (firstArticleId: string) => `match-batch-${firstArticleId}`,
};
