import { extractArticle } from '../../src/articles/extract';
import { startTestApp, type TestApp } from '../support/app';
import { flag, freshClaim, move } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('when two reviewers race on one claim', () => {
  it('then exactly one wins, the other gets 412, and the history shows one event', async () => {
    const id = await freshClaim(app);
    await flag(app, id, app.keys.editor, 1);
    const [a, b] = await Promise.all([
      move(app, id, app.keys.reviewer, 2, { to: 'in_review' }),
      move(app, id, app.keys.admin, 2, { to: 'in_review' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const history = await app.request('GET', `/v1/claims/${id}/history`);
    expect(history.body.items.filter((e: { to: string }) => e.to === 'in_review')).toHaveLength(1);
    expect((await app.request('GET', `/v1/claims/${id}`)).body.version).toBe(3);
  });
});

describe('when an article is extracted again by a newer extractor', () => {
  const BODY = '“We will build 40 new schools by 2027,” the mayor said.\n“Taxes will not rise,” the treasurer said.';

  it('then a reviewed claim keeps its id, status, verdict and history, and a vanished one is superseded', async () => {
    const { rows } = await app.deps.db.query<{ id: string }>(
      `insert into article (body, content_hash) values ($1, md5($1)) returning id`,
      [BODY],
    );
    const articleId = rows[0]!.id;
    await extractArticle(app.deps, articleId, { leaseSeconds: 60, finalAttempt: true });
    const claims = (await app.request('GET', `/v1/articles/${articleId}/claims`)).body.items;
    const schools = claims.find((c: { text: string }) => c.text.includes('40 new schools'));
    expect(schools).toBeDefined();
    await flag(app, schools.id, app.keys.editor, schools.version);
    await move(app, schools.id, app.keys.reviewer, schools.version + 1, { to: 'in_review' });
    await move(app, schools.id, app.keys.reviewer, schools.version + 2, {
      to: 'reviewed',
      verdict: 'false',
      note: 'Only 12 are planned.',
    });

    // A newer extractor version runs over the same text: the review must survive.
    await app.deps.db.query("update article set extractor_version = 'old', status = 'queued' where id = $1", [
      articleId,
    ]);
    await extractArticle(app.deps, articleId, { leaseSeconds: 60, finalAttempt: true });
    const again = await app.request('GET', `/v1/claims/${schools.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      status: 'reviewed',
      review: { verdict: 'false', verdict_note: 'Only 12 are planned.' },
    });
    expect((await app.request('GET', `/v1/claims/${schools.id}/history`)).body.items).toHaveLength(3);

    // The article is corrected and the quote disappears: the reviewed claim is kept as superseded.
    await app.deps.db.query(
      "update article set body = $2, extractor_version = 'old', status = 'queued' where id = $1",
      [articleId, '“Taxes will not rise,” the treasurer said.'],
    );
    await extractArticle(app.deps, articleId, { leaseSeconds: 60, finalAttempt: true });
    const gone = await app.request('GET', `/v1/claims/${schools.id}`);
    expect(gone.body.status).toBe('superseded');
    const history = (await app.request('GET', `/v1/claims/${schools.id}/history`)).body.items;
    expect(history[history.length - 1]).toMatchObject({ type: 'superseded', from: 'reviewed', to: 'superseded' });
    const treasurer = claims.find((c: { text: string }) => c.text.includes('Taxes will not rise'));
    if (treasurer) expect((await app.request('GET', `/v1/claims/${treasurer.id}`)).status).toBe(200);
  });
});
