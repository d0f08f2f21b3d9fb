import type { SourceLine } from '../imports/lines';
import { withTransaction } from '../db/pool';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { verdictOf } from './ratings';
import { type FactcheckRecord, type FactcheckRow, getFactcheck, upsertFactchecks } from './repository';
import { ClaimReviewInput } from './schema';

const CHUNK = 1000;
const KEPT_ERRORS = 100;

/** One ClaimReview as a library row: the rating as published, and the verdict when its meaning is clear. */
export function toRecord(c: ClaimReviewInput): FactcheckRecord {
  const r = c.reviewRating;
  const rating = {
    value: r?.ratingValue ?? null,
    best: r?.bestRating ?? null,
    worst: r?.worstRating ?? null,
    name: r?.alternateName ?? null,
  };
  const iso = (d: string | undefined) => (d ? new Date(d).toISOString() : null);
  return {
    url: c.url,
    claim_reviewed: c.claimReviewed,
    rating_value: rating.value,
    rating_best: rating.best,
    rating_worst: rating.worst,
    rating_name: rating.name,
    verdict: verdictOf(rating),
    author_org: c.author ?? null,
    claimant: c.itemReviewed?.author ?? null,
    claim_date: iso(c.itemReviewed?.datePublished),
    appearance_url: c.itemReviewed?.appearance ?? c.itemReviewed?.firstAppearance ?? null,
    title: c.headline ?? c.name ?? null,
    published_at: iso(c.datePublished),
    raw: c,
  };
}

/**
 * A feed of ClaimReviews is all or nothing: every line is checked first, and one bad record stores
 * nothing (a 400 lists the problems by line), so a publisher fixes the feed and sends it again whole.
 */
export async function importFactchecks(
  deps: Pick<Deps, 'db'>,
  source: AsyncIterable<SourceLine>,
  createdBy: string | null,
) {
  const records: FactcheckRecord[] = [];
  const errors: { line: number; problem: string }[] = [];
  let received = 0;
  let invalid = 0;
  const byUrl = new Map<string, number>();
  for await (const line of source) {
    received++;
    const problem = line.parseError ?? problemOf(line.value);
    if (typeof problem === 'string') {
      invalid++;
      if (errors.length < KEPT_ERRORS) errors.push({ line: line.line, problem });
      continue;
    }
    // The same URL twice in one feed: the later record wins, as it would in two imports.
    const at = byUrl.get(problem.url);
    if (at === undefined) byUrl.set(problem.url, records.push(problem) - 1);
    else records[at] = problem;
  }
  if (invalid) {
    throw new AppError(
      'invalid_factchecks',
      400,
      `${invalid} of ${received} ClaimReview records are invalid; nothing was stored.`,
      {
        received,
        invalid,
        errors,
      },
    );
  }
  const totals = await withTransaction(deps.db, async (tx) => {
    let stored = 0;
    let updated = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const n = await upsertFactchecks(tx, records.slice(i, i + CHUNK), createdBy);
      stored += n.stored;
      updated += n.updated;
    }
    return { stored, updated };
  });
  return { received, ...totals, invalid: 0, errors: [] };
}

function problemOf(value: unknown): FactcheckRecord | string {
  const parsed = ClaimReviewInput.safeParse(value);
  if (parsed.success) return toRecord(parsed.data);
  return parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
}

export function presentFactcheck(f: FactcheckRow) {
  const num = (v: string | null) => (v === null ? null : Number(v));
  return {
    id: f.id,
    url: f.url,
    claim_reviewed: f.claim_reviewed,
    title: f.title,
    rating: { value: num(f.rating_value), best: num(f.rating_best), worst: num(f.rating_worst), name: f.rating_name },
    verdict: f.verdict,
    author_org: f.author_org,
    claimant: f.claimant,
    claim_date: f.claim_date?.toISOString() ?? null,
    appearance_url: f.appearance_url,
    published_at: f.published_at?.toISOString() ?? null,
    created_at: f.created_at.toISOString(),
    updated_at: f.updated_at.toISOString(),
  };
}

export async function factcheckById(deps: Pick<Deps, 'db'>, id: string) {
  const row = await getFactcheck(deps.db, id);
  if (!row) throw notFound('fact-check', id);
  return presentFactcheck(row);
}
