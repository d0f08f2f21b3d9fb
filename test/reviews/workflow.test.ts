import { startTestApp, type TestApp } from '../support/app';
import { flag, freshClaim, move } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('when a claim goes through the whole workflow', () => {
  it('then each step is recorded with who, when, from → to, verdict, note and evidence', async () => {
    const id = await freshClaim(app);
    const flagged = await flag(app, id, app.keys.editor, 1);
    expect(flagged.status).toBe(200);
    expect(flagged.headers.get('etag')).toBe('"2"');
    expect(flagged.body).toMatchObject({
      status: 'flagged',
      review: { priority: 'high', flag_reason: 'numbers look off' },
    });

    const taken = await move(app, id, app.keys.reviewer, 2, { to: 'in_review' });
    expect(taken.body).toMatchObject({ status: 'in_review', version: 3, review: { assignee: 'test reviewer' } });

    const evidence = { url: 'https://stats.example/unemployment', title: 'Labour force survey', note: 'table 3' };
    const reviewed = await move(app, id, app.keys.reviewer, 3, {
      to: 'reviewed',
      verdict: 'mostly_true',
      note: 'It was 4.1%.',
      evidence: [evidence],
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.review).toMatchObject({
      verdict: 'mostly_true',
      verdict_value: 4,
      verdict_note: 'It was 4.1%.',
    });

    const added = await app.request('POST', `/v1/claims/${id}/evidence`, {
      key: app.keys.editor,
      body: { url: 'https://archive.example/x' },
    });
    expect(added.status).toBe(201);

    const reopened = await move(app, id, app.keys.reviewer, 4, { to: 'in_review', note: 'new data published' });
    expect(reopened.body.status).toBe('in_review');

    const history = await app.request('GET', `/v1/claims/${id}/history`, { key: app.keys.importer });
    expect(history.body.items.map((e: { type: string; from: string; to: string }) => [e.type, e.from, e.to])).toEqual([
      ['transition', 'unreviewed', 'flagged'],
      ['transition', 'flagged', 'in_review'],
      ['transition', 'in_review', 'reviewed'],
      ['evidence', null, null],
      ['transition', 'reviewed', 'in_review'],
    ]);
    const [f, , r, e, o] = history.body.items;
    expect(f).toMatchObject({
      actor: { name: 'test editor', role: 'editor' },
      priority: 'high',
      note: 'numbers look off',
    });
    expect(r).toMatchObject({
      actor: { name: 'test reviewer', role: 'reviewer' },
      verdict: 'mostly_true',
      note: 'It was 4.1%.',
      evidence: [evidence],
    });
    expect(e.evidence).toEqual([{ url: 'https://archive.example/x' }]);
    expect(o.note).toBe('new data published');
    expect(Date.parse(f.at)).not.toBeNaN();
  });

  it('when an editor dismisses an unreviewed claim with a reason, then it is dismissed', async () => {
    const id = await freshClaim(app);
    const r = await move(app, id, app.keys.editor, 1, { to: 'dismissed', note: 'opinion, not checkable' });
    expect(r.body.status).toBe('dismissed');
  });
});

describe('when a transition is not allowed', () => {
  it.each([
    ['unreviewed', 'reviewed'],
    ['unreviewed', 'in_review'],
  ])('when going from %s to %s, then 409 lists the allowed transitions', async (_from, to) => {
    const id = await freshClaim(app);
    const r = await move(app, id, app.keys.admin, 1, { to, verdict: 'true', note: 'x' });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'transition_not_allowed', from: 'unreviewed' });
    expect(r.body.allowed.map((a: { to: string }) => a.to).sort()).toEqual(['dismissed', 'flagged']);
  });

  it('when a dismissed claim is flagged, then 409 says nothing is allowed', async () => {
    const id = await freshClaim(app);
    await move(app, id, app.keys.editor, 1, { to: 'dismissed', note: 'no' });
    const r = await flag(app, id, app.keys.editor, 2);
    expect(r.status).toBe(409);
    expect(r.body.allowed).toEqual([]);
  });

  it.each([
    ['a reviewer flags', 'reviewer', 'flagged'],
    ['an editor takes a claim into review', 'editor', 'in_review'],
  ])('when %s, then the answer is 403', async (_what, role, to) => {
    const id = await freshClaim(app);
    if (to === 'in_review') await flag(app, id, app.keys.editor, 1);
    const r = await move(app, id, app.keys[role as 'editor'], to === 'in_review' ? 2 : 1, { to, note: 'x' });
    expect(r.status).toBe(403);
  });

  it('when an importer tries any review step, then the answer is 403', async () => {
    const id = await freshClaim(app);
    expect((await flag(app, id, app.keys.importer, 1)).status).toBe(403);
    expect((await move(app, id, app.keys.importer, 1, { to: 'dismissed', note: 'x' })).status).toBe(403);
  });

  it.each([
    ['a verdict without a note', { to: 'reviewed', verdict: 'false' }, 'note'],
    ['a review without a verdict', { to: 'reviewed', note: 'checked' }, 'verdict'],
  ])('when %s is sent, then 400 names the missing field', async (_what, body, field) => {
    const id = await freshClaim(app);
    await flag(app, id, app.keys.editor, 1);
    await move(app, id, app.keys.reviewer, 2, { to: 'in_review' });
    const r = await move(app, id, app.keys.reviewer, 3, body);
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([expect.objectContaining({ path: field })]);
  });

  it('when a verdict is not on the scale, then 400', async () => {
    const id = await freshClaim(app);
    const r = await move(app, id, app.keys.admin, 1, { to: 'reviewed', verdict: 'pants_on_fire', note: 'x' });
    expect(r.status).toBe(400);
  });
});

describe('when the If-Match precondition is wrong', () => {
  it('when If-Match is missing, then 428 and nothing changes', async () => {
    const id = await freshClaim(app);
    const r = await move(app, id, app.keys.editor, null, { to: 'dismissed', note: 'x' });
    expect(r.status).toBe(428);
    expect(r.body.code).toBe('precondition_required');
    expect((await app.request('GET', `/v1/claims/${id}`)).body.status).toBe('unreviewed');
  });

  it('when If-Match is stale, then 412 with the current state', async () => {
    const id = await freshClaim(app);
    await flag(app, id, app.keys.editor, 1);
    const r = await move(app, id, app.keys.editor, 1, { to: 'dismissed', note: 'x' });
    expect(r.status).toBe(412);
    expect(r.body).toMatchObject({ code: 'precondition_failed', current: { status: 'flagged', version: 2 } });
  });
});

describe('when reading the review queue', () => {
  it('then flagged claims come by priority, then check-worthiness, and filters apply', async () => {
    const low = await freshClaim(app, { checkworthy: 0.9 });
    const urgentWeak = await freshClaim(app, { checkworthy: 0.2 });
    const urgentStrong = await freshClaim(app, { checkworthy: 0.8, type: 'expert' });
    await flag(app, low, app.keys.editor, 1, { reason: 'r', priority: 'low' });
    await flag(app, urgentWeak, app.keys.editor, 1, { reason: 'r', priority: 'urgent' });
    await flag(app, urgentStrong, app.keys.editor, 1, { reason: 'r', priority: 'urgent' });
    const q = await app.request('GET', '/v1/review-queue?status=flagged', { key: app.keys.reviewer });
    const ids = q.body.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(urgentStrong)).toBeLessThan(ids.indexOf(urgentWeak));
    expect(ids.indexOf(urgentWeak)).toBeLessThan(ids.indexOf(low));
    const experts = await app.request('GET', '/v1/review-queue?speaker_type=expert');
    expect(experts.body.items.map((c: { id: string }) => c.id)).toEqual([urgentStrong]);
    await move(app, low, app.keys.reviewer, 2, { to: 'in_review' });
    const mine = await app.request('GET', '/v1/review-queue?assignee=me', { key: app.keys.reviewer });
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(low);
    for (const c of mine.body.items)
      expect(c).toMatchObject({ status: 'in_review', review: { assignee: 'test reviewer' } });
    const others = await app.request('GET', '/v1/review-queue?assignee=someone%20else');
    expect(others.body.items).toEqual([]);
  });

  it('when the queue holds more than the page size, then the page holds the first that many, in queue order', async () => {
    for (const [priority, checkworthy] of [
      ['urgent', 0.3],
      ['urgent', 0.7],
      ['high', 0.9],
    ] as const)
      await flag(app, await freshClaim(app, { checkworthy }), app.keys.editor, 1, { reason: 'r', priority });
    const whole = (await app.request('GET', '/v1/review-queue?status=flagged&limit=200')).body.items;
    expect(whole.length).toBeGreaterThan(2);
    const page = await app.request('GET', '/v1/review-queue?status=flagged&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual(whole.slice(0, 2));
  });
});
