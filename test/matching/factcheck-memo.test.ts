import pg from 'pg';
import { FactcheckAnswers, factcheckAnswers } from '../../src/matching/factcheck-memo';
import { NO_LIBRARY } from '../../src/matching/library-terms';
import { matchArticles } from '../../src/matching/propose';
import type { Ranked } from '../../src/matching/rank';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';
import { claimReview, postFeed } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SAID = 'the city council spent 40 million dollars on a new football stadium that was never built';
const stadium = claimReview({
  claimReviewed: 'The city council spent 40 million dollars on a new football stadium that was never built',
  name: 'Did the council spend 40 million on a stadium that was never built?',
});

/** One article quoting the claim word for word, stored as extracted and not yet matched. */
async function copy(n: number) {
  const { articleId, claimIds } = await insertArticleWithClaims(
    app.deps.db,
    `Mayor Ann Lee said ${SAID}. (${n}, ${Math.random()})`,
    [{ speaker: 'Mayor Ann Lee', content: SAID, checkworthy: 0.8 }],
  );
  return { articleId, claimId: claimIds[0]! };
}

const factcheckLinks = async (claimId: string) =>
  (
    await app.deps.db.query<{ factcheck_id: string; score: number }>(
      'select factcheck_id, score from claim_match where claim_id = $1 and factcheck_id is not null',
      [claimId],
    )
  ).rows;

/** The matching job's statements that search the fact-check library, counted while `run` runs. */
async function librarySearches(run: () => Promise<unknown>): Promise<number> {
  const query = jest.spyOn(pg.Client.prototype, 'query');
  try {
    await run();
    return query.mock.calls.filter(([sql]) => typeof sql === 'string' && /from factcheck f where/.test(sql)).length;
  } finally {
    query.mockRestore();
  }
}

describe('when a claim is quoted word for word again and the fact-check library has not changed', () => {
  it('then the library is not searched again, and the copy gets the same fact-check link as the first', async () => {
    expect((await postFeed(app, [stadium])).body.stored).toBe(1);
    const first = await copy(1);
    expect(await librarySearches(() => matchArticles(app.deps, [first.articleId]))).toBe(1);
    const again = await copy(2);
    expect(await librarySearches(() => matchArticles(app.deps, [again.articleId]))).toBe(0);
    const links = await factcheckLinks(first.claimId);
    expect(links).toHaveLength(1);
    expect(await factcheckLinks(again.claimId)).toEqual(links);
  });
});

describe('when a fact-check is added after a claim was matched', () => {
  it('then the next copy of the claim searches the library again and is linked to the new fact-check', async () => {
    const other = 'the harbour tunnel will carry forty thousand lorries a week off the coast road by next spring';
    const before = await insertArticleWithClaims(app.deps.db, `Councillor Bo Kim said ${other}. (1)`, [
      { speaker: 'Councillor Bo Kim', content: other, checkworthy: 0.8 },
    ]);
    await matchArticles(app.deps, [before.articleId]);
    expect(await factcheckLinks(before.claimIds[0]!)).toEqual([]);

    const tunnel = claimReview({
      claimReviewed: 'The harbour tunnel will carry forty thousand lorries a week off the coast road by next spring',
      name: 'Will the harbour tunnel take forty thousand lorries a week off the coast road?',
    });
    expect((await postFeed(app, [tunnel])).body.stored).toBe(1);
    const after = await insertArticleWithClaims(app.deps.db, `Councillor Bo Kim said ${other}. (2)`, [
      { speaker: 'Councillor Bo Kim', content: other, checkworthy: 0.8 },
    ]);
    await matchArticles(app.deps, [after.articleId]);
    const { rows } = await app.deps.db.query<{ url: string }>(
      'select f.url from claim_match m join factcheck f on f.id = m.factcheck_id where m.claim_id = $1',
      [after.claimIds[0]],
    );
    expect(rows).toEqual([{ url: tunnel.url }]);
  });
});

const ranked = (id: string): Ranked[] => [{ type: 'factcheck', id, score: 0.9, at: null }];

describe('when the remembered texts outgrow the memo', () => {
  it('then the least recently used text is forgotten first', () => {
    const answers = new FactcheckAnswers('1', NO_LIBRARY, 2);
    answers.set('a', 3, ranked('fa'));
    answers.set('b', 3, ranked('fb'));
    expect(answers.get('a', 3)).toEqual(ranked('fa'));
    answers.set('c', 3, ranked('fc'));
    expect(answers.get('b', 3)).toBeUndefined();
    expect(answers.get('a', 3)).toEqual(ranked('fa'));
    expect(answers.get('c', 3)).toEqual(ranked('fc'));
    expect(answers.size).toBe(2);
  });

  it('when more fact-checks are asked for than were kept, then the text counts as unknown', () => {
    const answers = new FactcheckAnswers('1', NO_LIBRARY);
    answers.set('a', 3, ranked('fa'));
    expect(answers.get('a', 2)).toEqual(ranked('fa'));
    expect(answers.get('a', 5)).toBeUndefined();
  });
});

describe("when the library's version or its term counts change", () => {
  it('then the answers start empty, and an older batch cannot write into the newer ones', () => {
    const db = {};
    const matcher = {};
    const v1 = factcheckAnswers(db, matcher, '1', NO_LIBRARY);
    v1.set('a', 3, ranked('fa'));
    expect(factcheckAnswers(db, matcher, '1', NO_LIBRARY).get('a', 3)).toEqual(ranked('fa'));
    const v2 = factcheckAnswers(db, matcher, '2', NO_LIBRARY);
    expect(v2.get('a', 3)).toBeUndefined();
    // A batch that read version 1 before the change finishes after it.
    v1.set('b', 3, ranked('fb'));
    expect(factcheckAnswers(db, matcher, '2', NO_LIBRARY).get('b', 3)).toBeUndefined();
    const recounted = { ...NO_LIBRARY, df: new Map() };
    expect(factcheckAnswers(db, matcher, '2', recounted).size).toBe(0);
  });
});
