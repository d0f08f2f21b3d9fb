import { flag, freshClaim } from '../reviews/support';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Precision first: a claim's calibrated confidence says how likely its attribution is right, and reviewers can
 * leave out the claims the extractor is unsure of. The review queue does so by default.
 */
let app: TestApp;
let sure: string;
let unsure: string;

beforeAll(async () => {
  app = await startTestApp();
  sure = await freshClaim(app, { confidence: 0.92 });
  unsure = await freshClaim(app, { confidence: 0.18 });
  for (const id of [sure, unsure]) expect((await flag(app, id, app.keys.editor, 1)).status).toBe(200);
});
afterAll(() => app.close());

const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((c) => c.id);

test('when listing claims with min_confidence, then only claims at or above it come back', async () => {
  const all = await app.request('GET', '/v1/claims', { key: app.keys.reviewer });
  expect(ids(all)).toEqual(expect.arrayContaining([sure, unsure]));
  const confident = await app.request('GET', '/v1/claims?min_confidence=0.9', { key: app.keys.reviewer });
  expect(ids(confident)).toEqual([sure]);
  expect(confident.body.items[0].confidence).toBeCloseTo(0.92);
});

test('when a reviewer opens the review queue, then claims under the default confidence are left out until asked for', async () => {
  const queue = await app.request('GET', '/v1/review-queue', { key: app.keys.reviewer });
  expect(ids(queue)).toEqual([sure]);
  const everything = await app.request('GET', '/v1/review-queue?min_confidence=0', { key: app.keys.reviewer });
  expect(ids(everything).sort()).toEqual([sure, unsure].sort());
});

test('when the threshold is not a round tenth, then both listings still filter by it exactly', async () => {
  // Round thresholds are prepared statements; others run unnamed (src/claims/queries.ts): both must filter alike.
  for (const path of ['/v1/claims?min_confidence=0.92', '/v1/review-queue?min_confidence=0.92']) {
    expect(ids(await app.request('GET', path, { key: app.keys.reviewer }))).toEqual([sure]);
  }
  for (const path of ['/v1/claims?min_confidence=0.925', '/v1/review-queue?min_confidence=0.925']) {
    expect(ids(await app.request('GET', path, { key: app.keys.reviewer }))).toEqual([]);
  }
});

test.each([
  ['/v1/claims?min_confidence=2'],
  ['/v1/claims?min_confidence=-0.1'],
  ['/v1/review-queue?min_confidence=high'],
])('when min_confidence is not a number from 0 to 1 (%s), then the answer is a 400 problem', async (path) => {
  const r = await app.request('GET', path, { key: app.keys.reviewer });
  expect(r.status).toBe(400);
  expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(r.body.code).toBe('invalid_query');
});
