import { randomBytes } from 'node:crypto';
import type { TestApp } from '../support/app';

/** A ClaimReview as fact-checkers publish it; every call has its own URL. */
export function claimReview(overrides: Record<string, unknown> = {}) {
  const tag = randomBytes(4).toString('hex');
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `https://factcheck.example/${tag}`,
    claimReviewed: 'The city council spent 40 million dollars on a new stadium that was never built',
    name: 'Did the council spend 40 million on a stadium that was never built?',
    datePublished: '2026-03-02',
    author: { '@type': 'Organization', name: 'Example Checks' },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: 'False' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Pat Doe' },
      datePublished: '2026-02-27',
      appearance: { '@type': 'CreativeWork', url: 'https://video.example/watch/1' },
    },
    ...overrides,
  };
}

export const ndjson = (items: unknown[]) => `${items.map((i) => JSON.stringify(i)).join('\n')}\n`;

export async function postFeed(app: TestApp, items: unknown[], key = app.keys.editor) {
  return app.request('POST', '/v1/factchecks', {
    key,
    body: ndjson(items),
    headers: { 'content-type': 'application/x-ndjson' },
  });
}

export async function factcheckCount(app: TestApp): Promise<number> {
  const { rows } = await app.deps.db.query<{ n: number }>('select count(*)::int as n from factcheck');
  return rows[0]!.n;
}
