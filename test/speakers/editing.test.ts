import { startTestApp, type TestApp } from '../support/app';
import { insertArticle, resolveThroughWorker, speakerOf } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.startWorker();
});
afterAll(() => app.close());

const person = (name: string) => ({ name, type: 'official' as const });

/** Two articles, one speaker each, resolved; returns the two speakers' ids and claims. */
async function twoSpeakers(first: string, second: string) {
  const a = await insertArticle(app, [
    { content: 'the dam is safe', speaker: person(first) },
    { content: 'the dam was inspected', speaker: person(first) },
  ]);
  const b = await insertArticle(app, [{ content: 'the dam leaks', speaker: person(second) }]);
  await resolveThroughWorker(app, [a.articleId, b.articleId]);
  return {
    one: { id: (await speakerOf(app, a.claimIds[0]!))!, claims: a.claimIds },
    two: { id: (await speakerOf(app, b.claimIds[0]!))!, claims: b.claimIds },
  };
}

describe('when editors correct the speaker registry', () => {
  it('when merging and then splitting the merged claims off, then both speakers are as before', async () => {
    const { one, two } = await twoSpeakers('Tom Reyes', 'Thomas Reyes');
    const before = await Promise.all([one.id, two.id].map((id) => app.request('GET', `/v1/speakers/${id}`)));

    const merged = await app.request('POST', `/v1/speakers/${one.id}/merge`, {
      key: app.keys.editor,
      body: { other_id: two.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: one.id, claim_count: 3, aliases: ['Thomas Reyes'] });
    expect(await speakerOf(app, two.claims[0]!)).toBe(one.id);
    expect((await app.request('GET', `/v1/speakers/${two.id}`)).body.merged_into).toBe(one.id);
    const listed = await app.request('GET', '/v1/speakers?q=reyes');
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([one.id]);

    const split = await app.request('POST', `/v1/speakers/${one.id}/split`, {
      key: app.keys.editor,
      body: { claim_ids: two.claims },
    });
    expect(split.status).toBe(201);
    expect(split.body.id).toBe(two.id);
    expect(await speakerOf(app, two.claims[0]!)).toBe(two.id);
    const after = await Promise.all([one.id, two.id].map((id) => app.request('GET', `/v1/speakers/${id}`)));
    expect(after.map((r) => r.body)).toEqual(before.map((r) => r.body));

    // Restored keys too: a later "Thomas Reyes" goes to Thomas again, not to Tom.
    const c = await insertArticle(app, [{ content: 'the dam must close', speaker: person('Thomas Reyes') }]);
    await resolveThroughWorker(app, [c.articleId]);
    expect(await speakerOf(app, c.claimIds[0]!)).toBe(two.id);
  });

  it('when splitting claims that were never merged, then they move to a new speaker of the same name', async () => {
    const { one } = await twoSpeakers('Ada Brennan', 'Ida Brennan');
    const split = await app.request('POST', `/v1/speakers/${one.id}/split`, {
      key: app.keys.editor,
      body: { claim_ids: [one.claims[1]] },
    });
    expect(split.status).toBe(201);
    expect(split.body).toMatchObject({ name: 'Ada Brennan', claim_count: 1 });
    expect(split.body.id).not.toBe(one.id);
    expect(await speakerOf(app, one.claims[1]!)).toBe(split.body.id);
    expect((await app.request('GET', `/v1/speakers/${one.id}`)).body.claim_count).toBe(1);
    // Reversible: merging the new speaker back makes one speaker with both claims again.
    const back = await app.request('POST', `/v1/speakers/${one.id}/merge`, {
      key: app.keys.editor,
      body: { other_id: split.body.id },
    });
    expect(back.body.claim_count).toBe(2);
  });

  it('when renaming, then the new name shows and the old one stays as an alias, and renaming back restores it', async () => {
    const { one } = await twoSpeakers('Bill Okoye', 'Jill Okoye');
    const renamed = await app.request('PATCH', `/v1/speakers/${one.id}`, {
      key: app.keys.editor,
      body: { name: 'William Okoye' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'William Okoye', aliases: ['Bill Okoye'] });
    const back = await app.request('PATCH', `/v1/speakers/${one.id}`, {
      key: app.keys.editor,
      body: { name: 'Bill Okoye' },
    });
    expect(back.body).toMatchObject({ name: 'Bill Okoye', aliases: ['William Okoye'] });
    const history = await app.deps.db.query('select type, data from speaker_event where speaker_id = $1 order by id', [
      one.id,
    ]);
    expect(history.rows.map((e) => [e.type, e.data.from, e.data.to])).toEqual([
      ['rename', 'Bill Okoye', 'William Okoye'],
      ['rename', 'William Okoye', 'Bill Okoye'],
    ]);
  });

  it.each([
    ['a reviewer merges', 'reviewer', 'merge', 403],
    ['a speaker is merged into itself', 'editor', 'self', 400],
    ['claims of another speaker are split off', 'editor', 'foreign', 400],
    ['a merged-away speaker is renamed', 'editor', 'merged', 409],
    ['an unknown speaker is merged', 'editor', 'unknown', 404],
  ])('when %s, then the change is refused', async (_, role, what, status) => {
    const { one, two } = await twoSpeakers(`Kim Ode ${what}`, `Lee Ode ${what}`);
    const key = app.keys[role as 'editor' | 'reviewer'];
    let r: Awaited<ReturnType<TestApp['request']>>;
    if (what === 'merge')
      r = await app.request('POST', `/v1/speakers/${one.id}/merge`, { key, body: { other_id: two.id } });
    else if (what === 'self')
      r = await app.request('POST', `/v1/speakers/${one.id}/merge`, { key, body: { other_id: one.id } });
    else if (what === 'foreign')
      r = await app.request('POST', `/v1/speakers/${one.id}/split`, { key, body: { claim_ids: two.claims } });
    else if (what === 'unknown')
      r = await app.request('POST', `/v1/speakers/${one.id}/merge`, {
        key,
        body: { other_id: '00000000-0000-4000-8000-000000000000' },
      });
    else {
      await app.request('POST', `/v1/speakers/${one.id}/merge`, { key, body: { other_id: two.id } });
      r = await app.request('PATCH', `/v1/speakers/${two.id}`, { key, body: { name: 'Someone' } });
    }
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await app.request('GET', `/v1/speakers/${one.id}`)).body.claim_count).toBe(what === 'merged' ? 3 : 2);
  });
});

describe("when reading a speaker's record", () => {
  it('when fewer than 4 claims are reviewed, then verdicts are counted but no track record is shown', async () => {
    const claims = ['jobs rose', 'jobs fell', 'wages rose', 'wages fell', 'rents rose'];
    const a = await insertArticle(
      app,
      claims.map((content) => ({ content, speaker: person('Nadia Petrov') })),
    );
    await resolveThroughWorker(app, [a.articleId]);
    const id = await speakerOf(app, a.claimIds[0]!);
    const review = (i: number, verdict: string) =>
      app.deps.db.query(`update claim set status = 'reviewed', verdict = $2 where id = $1`, [a.claimIds[i], verdict]);
    await review(0, 'true');
    await review(1, 'false');
    await review(2, 'mostly_false');
    const three = await app.request('GET', `/v1/speakers/${id}`);
    expect(three.body.verdict_counts).toEqual({ true: 1, false: 1, mostly_false: 1 });
    expect(three.body.track_record).toBeNull();
    await review(3, 'misleading');
    const four = await app.request('GET', `/v1/speakers/${id}`);
    expect(four.body.track_record).toMatchObject({ reviewed: 4, share_true: 0.25, share_false: 0.5 });
    expect(four.body.track_record.note).toMatch(/not a random sample/);
  });

  it('when listing speakers by type and page, then each comes once', async () => {
    const names = ['Una Vale', 'Ugo Vale', 'Uri Vale', 'Uma Vale', 'Ula Vale'];
    const a = await insertArticle(
      app,
      names.map((name, i) => ({ content: `claim number ${i}`, speaker: { name, type: 'expert' } })),
    );
    await resolveThroughWorker(app, [a.articleId]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await app.request('GET', `/v1/speakers?q=vale&type=expert&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.body.items.map((s: { name: string }) => s.name));
      cursor = r.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...names].sort());
    expect((await app.request('GET', '/v1/speakers?q=vale&type=official')).body.items).toEqual([]);
    expect((await app.request('GET', '/v1/speakers?type=publication')).status).toBe(400);
    expect((await app.request('GET', '/v1/speakers?cursor=bm9wZQ')).body.code).toBe('invalid_cursor');
  });
});
