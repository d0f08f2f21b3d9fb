import { jobIds } from '../../src/jobs';
import { matchArticles } from '../../src/matching/propose';
import { reconcileOnce } from '../../src/reconciler/reconcile';
import { flag, move } from '../reviews/support';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SAID = 'the new bypass will cut commuting times across the county by forty minutes every single day';

async function appearance(n: number, publishedAt: string) {
  const speaker = n === 1 ? 'Mayor Ann Lee' : 'Councillor Bo Kim';
  const body = `${speaker} said ${SAID}. (${n}, ${Math.random()})`;
  const { articleId, claimIds } = await insertArticleWithClaims(app.deps.db, body, [
    { speaker, content: SAID, checkworthy: 0.8 },
  ]);
  await app.deps.db.query('update article set published_at = $2 where id = $1', [articleId, publishedAt]);
  await matchArticles(app.deps, [articleId]);
  return { articleId, claimId: claimIds[0]! };
}

describe('when a claim appears again in a later article', () => {
  it('then the repeat is linked automatically, the two form a group, and a verdict on the first reaches the second', async () => {
    const first = await appearance(1, '2026-04-01T08:00:00Z');
    const second = await appearance(2, '2026-04-20T08:00:00Z');
    const matches = (await app.request('GET', `/v1/claims/${second.claimId}/matches`)).body;
    expect(matches.items[0]).toMatchObject({ state: 'auto', target: { type: 'claim', id: first.claimId } });
    const group = (await app.request('GET', `/v1/claim-groups/${matches.group.id}`)).body;
    expect(group).toMatchObject({
      appearances: 2,
      first_appearance: { claim_id: first.claimId, article_id: first.articleId },
      speakers: ['Mayor Ann Lee', 'Councillor Bo Kim'],
      factcheck: null,
      verdict: null,
    });
    // The earlier claim sees the link too, from its side.
    expect((await app.request('GET', `/v1/claims/${first.claimId}/matches`)).body.group.id).toBe(matches.group.id);

    await flag(app, first.claimId, app.keys.editor, 1);
    await move(app, first.claimId, app.keys.reviewer, 2, { to: 'in_review' });
    await move(app, first.claimId, app.keys.reviewer, 3, {
      to: 'reviewed',
      verdict: 'mostly_false',
      note: 'traffic study',
    });
    const later = (await app.request('GET', `/v1/claims/${second.claimId}`)).body;
    expect(later.linked_verdict).toEqual({ verdict: 'mostly_false', source: 'claim', id: first.claimId, url: null });
    const review = (await app.request('GET', `/v1/claims/${first.claimId}/claimreview`)).body;
    expect(review.itemReviewed.appearance).toHaveLength(2);
    expect(review.itemReviewed.firstAppearance.url).toBe(review.itemReviewed.appearance[0].url);

    const unlinked = await app.request('POST', `/v1/claims/${second.claimId}/matches/${matches.items[0].id}/unlink`, {
      key: app.keys.reviewer,
    });
    expect(unlinked.body.state).toBe('rejected');
    expect((await app.request('GET', `/v1/claims/${second.claimId}`)).body.linked_verdict).toBeNull();
    expect((await app.request('GET', `/v1/claims/${second.claimId}/matches`)).body.group).toBeNull();
    expect((await app.request('GET', `/v1/claim-groups/${matches.group.id}`)).status).toBe(404);
    const history = (await app.request('GET', `/v1/claims/${second.claimId}/history`)).body.items;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['match_auto', 'match_unlinked']);
  });

  it('when an importer tries to confirm a link, then 403', async () => {
    const r = await app.request(
      'POST',
      '/v1/claims/00000000-0000-4000-8000-000000000000/matches/00000000-0000-4000-8000-000000000001/confirm',
      {
        key: app.keys.importer,
      },
    );
    expect(r.status).toBe(403);
  });
});

describe('when a worker died before matching an extracted article', () => {
  it('then a reconcile pass enqueues its matching job', async () => {
    const { articleId } = await insertArticleWithClaims(app.deps.db, `Ann Lee said taxes rose. ${Math.random()}`, [
      { speaker: 'Ann Lee', content: 'taxes rose' },
    ]);
    await app.deps.db.query("update article set extracted_at = now() - interval '1 hour' where id = $1", [articleId]);
    await reconcileOnce(app.deps);
    expect(await app.deps.producer.queue('ClaimMatch').getJob(jobIds.claimMatch(articleId))).toBeDefined();
  });
});
