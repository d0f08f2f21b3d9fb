import { pageJson } from '../../src/claims/present-sql';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

// Listings write their page's bytes once, straight from the claims' JSON texts (pageJson), instead of building the
// page as a string and encoding it: the byte count is computed per text, so text outside ASCII must come out whole.
const WIDE = ['"São Paulo – 3 %"', '"“quoted”"', '"🚀 rocket"', '"\\u0000 escaped"', '"plain"'];

describe('when a page is written from JSON texts that hold characters outside ASCII', () => {
  it('then its bytes are exactly the UTF-8 of the JSON document, fields before and after the items included', () => {
    const before = { article_id: 'ä-1', status: 'extracted' };
    const after = { next_cursor: 'Zé' };
    const page = pageJson(before, WIDE, after);
    expect(Buffer.isBuffer(page)).toBe(true);
    const text = `{"article_id":"ä-1","status":"extracted","items":[${WIDE.join(',')}],"next_cursor":"Zé"}`;
    expect(page.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(JSON.parse(page.toString('utf8'))).toEqual({ ...before, items: WIDE.map((w) => JSON.parse(w)), ...after });
  });

  it('when the page is empty or has nothing around its items, then it is still the whole document', () => {
    expect(pageJson({}, [], {}).toString('utf8')).toBe('{"items":[]}');
    expect(pageJson({}, ['{"a":1}'], { next_cursor: null }).toString('utf8')).toBe(
      '{"items":[{"a":1}],"next_cursor":null}',
    );
  });
});

describe('when claims with accents, curly quotes and emoji are listed over HTTP', () => {
  let app: TestApp;
  const BODY = 'The mayor of São Paulo said “café prices rose 3 %” 🚀. Zoë said the dam held.';
  beforeAll(async () => {
    app = await startTestApp();
    await insertArticleWithClaims(app.deps.db, BODY, [
      { speaker: 'The mayor of São Paulo', content: '“café prices rose 3 %” 🚀' },
      { speaker: 'Zoë', content: 'the dam held', type: 'person' },
    ]);
  });
  afterAll(() => app.close());

  it("then each listing's Content-Length is its body's byte length and the claims read back whole", async () => {
    const { rows } = await app.deps.db.query<{ id: string }>('select id from article');
    await app.deps.db.query(`update claim set status = 'flagged', priority = 'high', flagged_at = now()`);
    for (const path of ['/v1/claims?limit=5', `/v1/articles/${rows[0]!.id}/claims`, '/v1/review-queue']) {
      const r = await app.request('GET', path);
      expect([path, r.status]).toEqual([path, 200]);
      expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(r.text));
      const texts = (JSON.parse(r.text) as { items: { text: string }[] }).items.map((c) => c.text).sort();
      expect([path, texts]).toEqual([path, ['the dam held', '“café prices rose 3 %” 🚀']]);
    }
  });
});
