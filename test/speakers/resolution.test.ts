import { reconcileOnce } from '../../src/reconciler/reconcile';
import { resolveSpeakers } from '../../src/speakers/resolve';
import { eventually, startTestApp, type TestApp } from '../support/app';
import { insertArticle, resolveThroughWorker, speakerOf } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  app.startWorker();
});
afterAll(() => app.close());

const official = (name: string, more: Record<string, unknown> = {}) => ({ name, type: 'official' as const, ...more });

describe('when speakers are resolved across articles', () => {
  it('when two articles quote the same full name, then it is one speaker with claims from both', async () => {
    const a = await insertArticle(app, [{ content: 'taxes will fall', speaker: official('Maria Gonzalez') }], {
      published_at: '2026-01-05T10:00:00Z',
    });
    const b = await insertArticle(app, [{ content: 'the bridge will reopen', speaker: official('Maria González') }], {
      published_at: '2026-03-01T10:00:00Z',
    });
    // One after the other, as they arrive: the first article's spelling names the speaker.
    await resolveThroughWorker(app, [a.articleId]);
    await resolveThroughWorker(app, [b.articleId]);
    const id = await speakerOf(app, a.claimIds[0]!);
    expect(id).not.toBeNull();
    expect(await speakerOf(app, b.claimIds[0]!)).toBe(id);
    const speaker = await app.request('GET', `/v1/speakers/${id}`, { key: app.keys.reviewer });
    expect(speaker.body).toMatchObject({
      name: 'Maria Gonzalez',
      aliases: ['Maria González'],
      claim_count: 2,
      first_seen: '2026-01-05T10:00:00.000Z',
      last_seen: '2026-03-01T10:00:00.000Z',
      merged_into: null,
    });
    const claims = await app.request('GET', `/v1/speakers/${id}/claims`);
    expect(claims.body.items.map((c: { article_id: string }) => c.article_id)).toEqual([a.articleId, b.articleId]);
  });

  it('when two Smiths have different first names, then they stay two speakers', async () => {
    const a = await insertArticle(app, [{ content: 'the port will expand', speaker: official('John Smith') }]);
    const b = await insertArticle(app, [{ content: 'the port is too small', speaker: official('Jane Smith') }]);
    await resolveThroughWorker(app, [a.articleId, b.articleId]);
    const [john, jane] = [await speakerOf(app, a.claimIds[0]!), await speakerOf(app, b.claimIds[0]!)];
    expect(john).not.toBeNull();
    expect(jane).not.toBeNull();
    expect(john).not.toBe(jane);
  });

  it('when two articles name only the surname Smith, then they stay two speakers', async () => {
    const a = await insertArticle(app, [{ content: 'rents rose 8%', speaker: official('Smith') }]);
    const b = await insertArticle(app, [{ content: 'rents fell 2%', speaker: official('Smith') }]);
    await resolveThroughWorker(app, [a.articleId, b.articleId]);
    expect(await speakerOf(app, a.claimIds[0]!)).not.toBe(await speakerOf(app, b.claimIds[0]!));
  });

  it('when a single name comes with the same affiliation, then it is one speaker; with another, two', async () => {
    const acme = { affiliation: 'Acme Mining' };
    const a = await insertArticle(app, [{ content: 'the mine is safe', speaker: official('Okafor', acme) }]);
    const b = await insertArticle(app, [{ content: 'output doubled', speaker: official('Okafor', acme) }]);
    const c = await insertArticle(app, [
      { content: 'the river is clean', speaker: official('Okafor', { affiliation: 'Globex' }) },
    ]);
    await resolveThroughWorker(app, [a.articleId, b.articleId, c.articleId]);
    const first = await speakerOf(app, a.claimIds[0]!);
    expect(await speakerOf(app, b.claimIds[0]!)).toBe(first);
    expect(await speakerOf(app, c.claimIds[0]!)).not.toBe(first);
  });

  it('when anonymous sources speak, then they are one speaker within an article and never merged across', async () => {
    const anon = { name: 'a senior official', type: 'official' as const, anonymous: true };
    const a = await insertArticle(app, [
      { content: 'the plan was delayed', speaker: anon },
      { content: 'the budget was cut', speaker: anon },
    ]);
    const b = await insertArticle(app, [{ content: 'the plan is on track', speaker: anon }]);
    await resolveThroughWorker(app, [a.articleId, b.articleId]);
    const inA = await speakerOf(app, a.claimIds[0]!);
    expect(await speakerOf(app, a.claimIds[1]!)).toBe(inA);
    expect(await speakerOf(app, b.claimIds[0]!)).not.toBe(inA);
  });

  it('when the publication or nobody speaks, then the claim gets no registry speaker', async () => {
    const a = await insertArticle(app, [
      { content: 'our analysis found errors', speaker: { name: 'The Example Times', type: 'publication' } },
      { content: 'prices are said to rise', speaker: { name: null, type: 'unknown', anonymous: true } },
    ]);
    await resolveThroughWorker(app, [a.articleId]);
    expect(await speakerOf(app, a.claimIds[0]!)).toBeNull();
    expect(await speakerOf(app, a.claimIds[1]!)).toBeNull();
  });

  it('when one batch names a person plainly and with an office, then the speaker is the official, in either order', async () => {
    const plain = (name: string) => ({ name, type: 'person' as const });
    const governor = (name: string) => official(name, { title: 'Gov.' });
    const a = await insertArticle(app, [
      { content: 'the levees will hold', speaker: plain('Bobby Jindal') },
      { content: 'the state is ready', speaker: governor('Bobby Jindal') },
    ]);
    const b = await insertArticle(app, [
      { content: 'the budget is balanced', speaker: governor('Rick Perry') },
      { content: 'taxes will not rise', speaker: plain('Rick Perry') },
    ]);
    await resolveThroughWorker(app, [a.articleId, b.articleId]);
    for (const claimId of [a.claimIds[0]!, b.claimIds[1]!]) {
      const speaker = await app.request('GET', `/v1/speakers/${await speakerOf(app, claimId)}`, {
        key: app.keys.reviewer,
      });
      expect(speaker.body).toMatchObject({ type: 'official', title: 'Gov.', claim_count: 2 });
    }
  });

  it('when resolution runs twice, then nothing is created or counted twice', async () => {
    const a = await insertArticle(app, [{ content: 'wages rose', speaker: official('Ines Duarte') }]);
    await resolveThroughWorker(app, [a.articleId]);
    const again = await resolveSpeakers(app.deps.db, [a.articleId]);
    expect(again).toEqual({ claims: 0, created: 0 });
    const id = await speakerOf(app, a.claimIds[0]!);
    const listed = await app.request('GET', '/v1/speakers?q=duarte');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ id, claim_count: 1 });
  });
});

describe('when articles go through the pipeline', () => {
  it('when two articles quote the same professor, then the extraction job links both claims to one speaker', async () => {
    const post = (body: string) =>
      app.request('POST', '/v1/articles', { key: app.keys.editor, body: { body, publisher: 'Seoul Daily' } });
    const one = await post(
      'Seoul, Monday. The defections continued this week.\n“The regime is under more pressure than ever,” said Professor Ban Kil-joo of Korea University.',
    );
    const two = await post(
      'Tokyo, Friday. Talks resumed on Friday.\nProfessor Ban Kil-joo of Korea University said the talks were unlikely to succeed.',
    );
    const speakerIds = await eventually(async () => {
      const ids: (string | null)[] = [];
      for (const r of [one, two]) {
        const claims = await app.request('GET', `/v1/articles/${r.body.id}/claims`);
        const ban = (claims.body.items ?? claims.body.claims ?? []).find(
          (c: { speaker: { name: string } }) => c.speaker.name === 'Ban Kil-joo',
        );
        ids.push(ban?.speaker.id ?? null);
      }
      return ids.every(Boolean) && ids;
    }, 20_000);
    expect(speakerIds[0]).toBe(speakerIds[1]);
    const speaker = await app.request('GET', `/v1/speakers/${speakerIds[0]}`);
    expect(speaker.body).toMatchObject({ name: 'Ban Kil-joo', type: 'expert', title: 'Professor', claim_count: 2 });
  });
});

describe('when the resolution job is lost', () => {
  it('when an extracted article was never resolved, then the reconciler enqueues it and its speakers get records', async () => {
    const a = await insertArticle(app, [{ content: 'the ferry will run daily', speaker: official('Priya Raman') }]);
    // As if Redis lost the job: extracted a while ago, never resolved.
    await app.deps.db.query(`update article set extracted_at = now() - interval '5 minutes' where id = $1`, [
      a.articleId,
    ]);
    await reconcileOnce(app.deps);
    const id = await eventually(() => speakerOf(app, a.claimIds[0]!), 15_000);
    expect((await app.request('GET', `/v1/speakers/${id}`)).body.name).toBe('Priya Raman');
  });
});
