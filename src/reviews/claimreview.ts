import type { ClaimRow } from '../claims/repository';
import type { Config } from '../config';
import type { Queryable } from '../db/pool';
import { AppError, notFound } from '../errors';
import { appearancesOf } from '../matching/appearances';
import { linkedVerdicts } from '../matching/targets';
import { VERDICTS, type Verdict } from './status-machine';

type Row = ClaimRow & { article_url: string | null; article_published_at: Date | null; article_created_at: Date };

const ORGANISATION_SPEAKERS = new Set(['organization', 'media', 'publication']);

/** Where else the claim appeared, from its claim group (src/matching): every article URL, the first one. */
export interface Appearances {
  urls: string[];
  first: string | null;
}

/** schema.org ClaimReview JSON-LD, the format search engines and fact-check aggregators read. */
export function toClaimReview(c: Row, config: Config, group: Appearances | null = null) {
  const verdict = VERDICTS[c.verdict as Verdict];
  const base = config.PUBLIC_URL ?? config.ORG_URL;
  const [start, end] = [c.content_spans[0]?.[0] ?? 0, c.content_spans[c.content_spans.length - 1]?.[1] ?? 0];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${base.replace(/\/$/, '')}/v1/claims/${c.id}/claimreview`,
    claimReviewed: c.text,
    datePublished: c.verdict_at?.toISOString(),
    author: { '@type': 'Organization', name: config.ORG_NAME, url: config.ORG_URL },
    reviewRating: {
      '@type': 'Rating',
      ...(verdict.value === null ? {} : { ratingValue: verdict.value }),
      bestRating: 5,
      worstRating: 1,
      alternateName: verdict.label,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: {
        '@type': ORGANISATION_SPEAKERS.has(c.speaker_type) ? 'Organization' : 'Person',
        name: c.speaker_name ?? c.speaker_mention ?? 'Unknown',
        ...(c.speaker_title ? { jobTitle: c.speaker_title } : {}),
        ...(c.speaker_affiliation ? { affiliation: c.speaker_affiliation } : {}),
      },
      datePublished: (c.article_published_at ?? c.article_created_at).toISOString(),
      ...(group && group.urls.length > 1
        ? { appearance: group.urls.map((url) => ({ '@type': 'CreativeWork', url })) }
        : c.article_url
          ? { appearance: { '@type': 'CreativeWork', url: `${c.article_url}#char=${start},${end}` } }
          : {}),
      ...(group?.first ? { firstAppearance: { '@type': 'CreativeWork', url: group.first } } : {}),
    },
  };
}

// Times leave the API with millisecond precision, so `since` compares at that precision too.
const SELECT = `select c.*, a.url as article_url, a.published_at as article_published_at, a.created_at as article_created_at
                  from claim c join article a on a.id = c.article_id`;

export async function claimReviewOf(db: Queryable, id: string, config: Config) {
  const { rows } = await db.query<Row>(`${SELECT} where c.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('claim', id);
  // A claim not reviewed here may carry the verdict of a fact-check or claim it is linked to.
  const linked = row.status === 'reviewed' && row.verdict ? null : (await linkedVerdicts(db, [id])).get(id);
  if (linked)
    return toClaimReview(
      { ...row, verdict: linked.verdict, verdict_at: row.verdict_at ?? null },
      config,
      await appearancesOf(db, id),
    );
  if (row.status !== 'reviewed' || !row.verdict) {
    throw new AppError('no_verdict', 409, `Claim ${id} has no published verdict (status ${row.status}).`, {
      status: row.status,
    });
  }
  return toClaimReview(row, config, await appearancesOf(db, id));
}

export async function claimReviewsSince(db: Queryable, since: string | undefined, limit: number, config: Config) {
  const { rows } = await db.query<Row>(
    `${SELECT} where c.status = 'reviewed' and c.verdict is not null and ($1::timestamptz is null or date_trunc('milliseconds', c.verdict_at) > $1)
      order by c.verdict_at, c.id limit $2`,
    [since ?? null, limit],
  );
  return rows.map((r) => toClaimReview(r, config));
}
