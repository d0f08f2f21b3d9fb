import { startTestApp, type TestApp } from '../support/app';
import { flag, freshClaim, move } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ORG_NAME: 'Example Fact Check', ORG_URL: 'https://factcheck.example' });
});
afterAll(() => app.close());

async function reviewed(verdict: string): Promise<string> {
  const id = await freshClaim(app);
  await app.deps.db.query("update claim set speaker_title = 'Minister' where id = $1", [id]);
  await flag(app, id, app.keys.editor, 1);
  await move(app, id, app.keys.reviewer, 2, { to: 'in_review' });
  await move(app, id, app.keys.reviewer, 3, { to: 'reviewed', verdict, note: 'checked against the survey' });
  return id;
}

describe('when a reviewed claim is exported as ClaimReview', () => {
  it('then the JSON-LD carries the claim, the rating, the speaker, the appearance and the reviewer', async () => {
    const id = await reviewed('mostly_false');
    const r = await app.request('GET', `/v1/claims/${id}/claimreview`, { key: app.keys.reviewer });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/application\/ld\+json/);
    const claim = (await app.request('GET', `/v1/claims/${id}`)).body;
    const article = (await app.request('GET', `/v1/articles/${claim.article_id}`)).body;
    const [start, end] = claim.spans.content[0];
    expect(r.body).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://factcheck.example/v1/claims/${id}/claimreview`,
      claimReviewed: claim.text,
      datePublished: claim.review.verdict_at,
      author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example' },
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Minister Jane Roe', jobTitle: 'Minister' },
        datePublished: article.created_at,
        appearance: { '@type': 'CreativeWork', url: `${article.url}#char=${start},${end}` },
      },
    });
  });

  it('when the verdict is misleading, then the rating has no number', async () => {
    const id = await reviewed('misleading');
    const r = await app.request('GET', `/v1/claims/${id}/claimreview`);
    expect(r.body.reviewRating).toEqual({
      '@type': 'Rating',
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Misleading',
    });
  });

  it('when the claim has no verdict, then 409; when it does not exist, then 404', async () => {
    const id = await freshClaim(app);
    expect((await app.request('GET', `/v1/claims/${id}/claimreview`)).status).toBe(409);
    expect((await app.request('GET', '/v1/claims/00000000-0000-4000-8000-000000000000/claimreview')).status).toBe(404);
  });

  it('when a feed asks for reviews since a time, then only later verdicts come, oldest first', async () => {
    const first = await reviewed('true');
    const cut = (await app.request('GET', `/v1/claims/${first}`)).body.review.verdict_at;
    const second = await reviewed('false');
    const r = await app.request('GET', `/v1/claimreviews?since=${encodeURIComponent(cut)}`);
    const urls = r.body.items.map((i: { url: string }) => i.url);
    expect(urls).toContain(`https://factcheck.example/v1/claims/${second}/claimreview`);
    expect(urls).not.toContain(`https://factcheck.example/v1/claims/${first}/claimreview`);
  });
});
