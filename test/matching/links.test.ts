import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchArticles } from '../../src/matching/propose';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { claimReview, postFeed } from './support';

let app: TestApp;
let receiver: http.Server;
const received: { event: string; match?: { state: string }; linked_verdict?: { verdict: string } }[] = [];

// Published long after the fact-check, so the matcher may only suggest (old matches are never automatic).
const LATER = '2029-06-01T09:00:00Z';
const stadium = claimReview({
  claimReviewed: 'The city council spent 40 million dollars on a new football stadium that was never built',
  name: 'Did the council spend 40 million on a stadium that was never built?',
});
const bridge = claimReview({
  claimReviewed: 'The harbour bridge was closed for six months because engineers found cracks in every pillar',
  name: 'Was the harbour bridge closed for six months over cracked pillars?',
  reviewRating: { alternateName: 'Mostly false' },
});

beforeAll(async () => {
  // The receiver runs on this machine: allowed explicitly, as a self-hosted receiver would be.
  app = await startTestApp({ WEBHOOK_BACKOFF_MS: '100', WEBHOOK_ALLOW_HOSTS: '127.0.0.1/32' });
  app.startWorker();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  await app.request('POST', '/v1/webhooks', { body: { url, secret: 'a-very-long-shared-secret' } });
  expect((await postFeed(app, [stadium, bridge])).body.stored).toBe(2);
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** Posts an article and waits until the workers have extracted and matched it; returns its claims. */
async function publish(sentence: string) {
  const article = buildArticle({
    published_at: LATER,
    body: `${sentence}\nThe mayor's office did not respond to questions on Monday.`,
  });
  const posted = await app.request('POST', '/v1/articles', { key: app.keys.editor, body: article });
  const id = posted.body.id as string;
  await eventually(async () => {
    const { rows } = await app.deps.db.query('select matched_at from article where id = $1', [id]);
    return rows[0]?.matched_at;
  }, 30_000);
  const claims = (await app.request('GET', `/v1/articles/${id}/claims`)).body.items as { id: string; text: string }[];
  return { articleId: id, claims };
}

async function suggestionFor(claims: { id: string }[], factcheckUrl: string) {
  for (const c of claims) {
    const r = await app.request('GET', `/v1/claims/${c.id}/matches`, { key: app.keys.reviewer });
    const m = r.body.items.find((i: { target: { url?: string } }) => i.target.url === factcheckUrl);
    if (m) return { claimId: c.id, match: m };
  }
  return undefined;
}

describe('when an article repeats a fact-checked claim', () => {
  it('then the claim gets a suggestion; confirming it shows the verdict on the claim, its history, its ClaimReview and a webhook', async () => {
    const { claims } = await publish(
      'Councillor Pat Doe said the city council spent 40 million dollars on a new football stadium that was never built.',
    );
    const found = await suggestionFor(claims, stadium.url);
    expect(found?.match).toMatchObject({ state: 'suggested', target: { type: 'factcheck', verdict: 'false' } });
    const { claimId, match } = found!;
    expect((await app.request('GET', `/v1/claims/${claimId}`)).body.linked_verdict).toBeNull();

    const confirmed = await app.request('POST', `/v1/claims/${claimId}/matches/${match.id}/confirm`, {
      key: app.keys.reviewer,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.state).toBe('confirmed');

    const claim = (await app.request('GET', `/v1/claims/${claimId}`)).body;
    expect(claim.linked_verdict).toMatchObject({ verdict: 'false', source: 'factcheck', url: stadium.url });
    const history = (await app.request('GET', `/v1/claims/${claimId}/history`)).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'match_confirmed', verdict: 'false', match: { to: 'confirmed' } });
    const review = await app.request('GET', `/v1/claims/${claimId}/claimreview`);
    expect(review.status).toBe(200);
    expect(review.body.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'False' });
    expect(review.body.itemReviewed.firstAppearance.url).toMatch(/^https:\/\/news\.example\//);
    const hook = await eventually(async () => received.find((r) => r.event === 'claim.match_confirmed'));
    expect(hook).toMatchObject({ match: { state: 'confirmed' }, linked_verdict: { verdict: 'false' } });

    const matches = (await app.request('GET', `/v1/claims/${claimId}/matches`)).body;
    const group = (await app.request('GET', `/v1/claim-groups/${matches.group.id}`)).body;
    expect(group).toMatchObject({ appearances: 1, verdict: 'false', factcheck: { url: stadium.url } });
    expect(group.first_appearance.claim_id).toBe(claimId);
  });

  it('when a reviewer rejects the suggestion, then it is gone for good, even when matching runs again', async () => {
    const { articleId, claims } = await publish(
      'Engineer Sam Roe said the harbour bridge was closed for six months because engineers found cracks in every pillar.',
    );
    const found = await suggestionFor(claims, bridge.url);
    const { claimId, match } = found!;
    const rejected = await app.request('POST', `/v1/claims/${claimId}/matches/${match.id}/reject`, {
      key: app.keys.editor,
    });
    expect(rejected.body.state).toBe('rejected');
    // Rejecting twice is a conflict, not a second event.
    expect((await app.request('POST', `/v1/claims/${claimId}/matches/${match.id}/reject`)).status).toBe(409);

    await app.deps.db.query('update article set matched_at = null where id = $1', [articleId]);
    await matchArticles(app.deps, [articleId]);
    const after = (await app.request('GET', `/v1/claims/${claimId}/matches`)).body.items;
    expect(after.filter((m: { target: { url?: string } }) => m.target.url === bridge.url)).toEqual([
      expect.objectContaining({ id: match.id, state: 'rejected' }),
    ]);
    expect((await app.request('GET', `/v1/claims/${claimId}`)).body.linked_verdict).toBeNull();
  });

  it('when a matching job runs twice, then it writes no duplicate links', async () => {
    const { articleId } = await publish(
      'Pat Doe repeated that the city council spent 40 million dollars on a new football stadium that was never built.',
    );
    const count = async () =>
      (
        await app.deps.db.query(
          'select count(*)::int as n from claim_match m join claim c on c.id = m.claim_id where c.article_id = $1',
          [articleId],
        )
      ).rows[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await app.deps.db.query('update article set matched_at = null where id = $1', [articleId]);
    await matchArticles(app.deps, [articleId]);
    await matchArticles(app.deps, [articleId]);
    expect(await count()).toBe(before);
  });

  it('when a claim is repeated in article after article, then each repeat is proposed one link to its first appearance, not one per earlier copy', async () => {
    const sentence =
      'Transport secretary Lee Park said the new tram line will carry ninety thousand passengers a day by next autumn.';
    // Three articles (their last lines differ, or the second would be the first stored again).
    const tramClaim = async (desk: string) =>
      (await publish(`${sentence}\nFiled by the ${desk} desk.`)).claims.find((c) => c.text.includes('tram line'))!;
    const first = await tramClaim('city');
    const second = await tramClaim('metro');
    const third = await tramClaim('politics');
    const claimLinks = async (claimId: string) =>
      (await app.request('GET', `/v1/claims/${claimId}/matches`, { key: app.keys.reviewer })).body.items as {
        state: string;
        target: { type: string; id: string };
      }[];
    // The second, the only earlier copy, is linked on its own; the third finds two copies, neither a clear
    // winner over its twin: one suggestion, to the first appearance (before, one for each copy).
    expect((await claimLinks(second.id)).filter((m) => m.target.type === 'claim')).toEqual([
      expect.objectContaining({ state: 'auto', target: expect.objectContaining({ id: first.id }) }),
    ]);
    expect((await claimLinks(third.id)).filter((m) => m.target.type === 'claim')).toEqual([
      expect.objectContaining({ state: 'suggested', target: expect.objectContaining({ id: first.id }) }),
    ]);
    const toFirst = (await claimLinks(first.id)).map((m) => m.target.id).sort();
    expect(toFirst).toEqual([second.id, third.id].sort());
  });

  it('when a tip line asks about a text, then the fact-check comes first with a probability', async () => {
    const r = await app.request('POST', '/v1/matches', {
      key: app.keys.importer,
      body: { text: 'Is it true the council spent $40 million on a football stadium that was never built?', limit: 3 },
    });
    expect(r.status).toBe(200);
    // Earlier articles repeating the claim are matches too; the fact-check leads the fact-checks.
    const first = r.body.items.find((i: { target: { type: string } }) => i.target.type === 'factcheck');
    expect(first.target).toMatchObject({ url: stadium.url, verdict: 'false' });
    expect(first.score).toBeGreaterThan(0.5);
    expect(first.score).toBeLessThanOrEqual(1);
    expect((await app.request('POST', '/v1/matches', { body: { text: '' } })).status).toBe(400);
  });
});
