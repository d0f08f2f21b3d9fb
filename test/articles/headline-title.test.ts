import { ndjson, postImport } from '../imports/support';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const HEADLINE = 'Rail strike to go ahead after talks collapse';
// Each test sends its own body: the same body again is the same article (deduplicated by its hash).
const body = (n: number) =>
  `${HEADLINE}\n\nTrain drivers will strike next week after talks broke down, union ${n} said.`;

describe('when an article is sent without a title', () => {
  it('then the headline line its body opens with is its title', async () => {
    const posted = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: body(1), url: 'https://example.test/rail-strike' },
    });
    expect(posted.status).toBe(202);
    const got = await app.request('GET', `/v1/articles/${posted.body.id}`);
    expect(got.body.title).toBe(HEADLINE);
  });

  it('then a body opening on prose leaves it untitled', async () => {
    const posted = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: 'Train drivers will strike next week, the union said.\n\nTalks broke down on Monday.' },
    });
    const got = await app.request('GET', `/v1/articles/${posted.body.id}`);
    expect(got.body.title).toBeNull();
  });

  it('then an imported article gets its headline too', async () => {
    const res = await postImport(app, ndjson([{ url: 'https://example.test/imported-strike', body: body(2) }]));
    expect(res.status).toBe(202);
    const { rows } = await app.deps.db.query('select title from article where url = $1', [
      'https://example.test/imported-strike',
    ]);
    expect(rows[0]?.title).toBe(HEADLINE);
  });
});

describe('when an article is sent with a title', () => {
  it('then its own title is kept', async () => {
    const posted = await app.request('POST', '/v1/articles', {
      key: app.keys.editor,
      body: { body: body(3), title: 'Drivers to strike', url: 'https://example.test/rail-strike-titled' },
    });
    const got = await app.request('GET', `/v1/articles/${posted.body.id}`);
    expect(got.body.title).toBe('Drivers to strike');
  });
});
