import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

let app: TestApp;
let claimIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  ({ claimIds } = await insertArticleWithClaims(
    app.deps.db,
    'The mayor said 40 schools will open. Analysts said growth would slow.',
    [
      { speaker: 'The mayor', content: '40 schools will open' },
      { speaker: 'Analysts', content: 'growth would slow' },
    ],
  ));
});
afterAll(() => app.close());

const actions = async (id: string, key: string) => (await app.request('GET', `/v1/claims/${id}/actions`, { key })).body;

describe('when the review page asks what a key may do with a claim', () => {
  it('when the claim is unreviewed, then an editor may flag (reason, priority) or dismiss, and a reviewer may do neither', async () => {
    expect(await actions(claimIds[0]!, app.keys.editor)).toMatchObject({
      status: 'unreviewed',
      role: 'editor',
      moves: [
        { to: 'flagged', needs: ['note', 'priority'] },
        { to: 'dismissed', needs: ['note'] },
      ],
      may_add_evidence: true,
    });
    expect(await actions(claimIds[0]!, app.keys.reviewer)).toMatchObject({ moves: [], may_add_evidence: true });
    expect(await actions(claimIds[0]!, app.keys.importer)).toMatchObject({ moves: [], may_add_evidence: false });
  });

  it('when the claim is in review, then a reviewer is offered the verdict with what it needs', async () => {
    const id = claimIds[1]!;
    const etag = async () => (await app.request('GET', `/v1/claims/${id}`)).headers.get('etag')!;
    await app.request('POST', `/v1/claims/${id}/flags`, {
      key: app.keys.editor,
      body: { reason: 'check', priority: 'high' },
      headers: { 'if-match': await etag() },
    });
    await app.request('POST', `/v1/claims/${id}/transitions`, {
      key: app.keys.reviewer,
      body: { to: 'in_review' },
      headers: { 'if-match': await etag() },
    });
    expect((await actions(id, app.keys.reviewer)).moves).toEqual([{ to: 'reviewed', needs: ['note', 'verdict'] }]);
    expect((await actions(id, app.keys.editor)).moves).toEqual([]);
  });

  it('when the claim does not exist, then 404', async () => {
    const r = await app.request('GET', '/v1/claims/00000000-0000-4000-8000-000000000000/actions');
    expect(r.status).toBe(404);
  });
});

describe('when listing claims newest first', () => {
  it('then the latest claims come first and the cursor pages further back', async () => {
    const all = (await app.request('GET', '/v1/claims?limit=50')).body.items.map((c: { id: string }) => c.id);
    const first = await app.request('GET', '/v1/claims?order=newest&limit=1');
    const second = await app.request('GET', `/v1/claims?order=newest&limit=1&cursor=${first.body.next_cursor}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual([...all].reverse());
    expect(second.body.next_cursor).toBeNull();
  });
});
