import { matchArticles } from '../../src/matching/propose';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';
import { claimReview, postFeed } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TUNNEL = 'The mayor said the harbour tunnel will cost "3.5 billion dollars" and open in 2031';
// The same fact-check as another feed publishes it: other quote marks, case, spacing and punctuation.
const TUNNEL_AGAIN = 'the Mayor said  the harbour tunnel will cost “3.5 billion dollars”, and open in 2031.';
const TUNNEL_TITLE = 'Will the harbour tunnel cost 3.5 billion dollars?';

interface Item {
  score: number;
  target: { type: string; id: string; url?: string; duplicates?: { id: string; url: string }[] };
}

async function matches(text: string): Promise<Item[]> {
  const r = await app.request('POST', '/v1/matches', { body: { text, limit: 10 } });
  expect(r.status).toBe(200);
  return r.body.items;
}

const idOf = async (url: string) =>
  (await app.deps.db.query<{ id: string }>('select id from factcheck where url = $1', [url])).rows[0]!.id;

describe('when a feed holds two near-identical fact-checks under different URLs', () => {
  it('then POST /v1/matches returns one result, the first stored, with the other as its duplicate', async () => {
    // The feed's first line is stored first, whatever the URLs or ids; a third copy comes in a later feed.
    const first = claimReview({ url: 'https://zz.checks.example/tunnel', claimReviewed: TUNNEL, name: TUNNEL_TITLE });
    const second = claimReview({
      url: 'https://aa.checks.example/tunnel',
      claimReviewed: TUNNEL_AGAIN,
      name: `  ${TUNNEL_TITLE.toUpperCase()}`,
    });
    const third = claimReview({ url: 'https://mm.checks.example/tunnel', claimReviewed: TUNNEL, name: TUNNEL_TITLE });
    expect((await postFeed(app, [first, second])).body.stored).toBe(2);
    expect((await postFeed(app, [third])).body.stored).toBe(1);

    const items = await matches('Is it true the harbour tunnel will cost 3.5 billion dollars and open in 2031?');
    const tunnels = items.filter((i) => [first.url, second.url, third.url].includes(i.target.url!));
    expect(tunnels).toHaveLength(1);
    expect(tunnels[0]!.target).toMatchObject({
      id: await idOf(first.url),
      url: first.url,
      duplicates: [
        { id: await idOf(second.url), url: second.url },
        { id: await idOf(third.url), url: third.url },
      ],
    });
  });

  it('then two fact-checks that differ in a number stay two results, with no duplicates', async () => {
    // The same title, and claims that differ only in the rise: "3.5%" is not "35%".
    const levy = (rise: string) =>
      claimReview({
        claimReviewed: `The city raised the parking levy by ${rise} to pay for the new ferry terminal`,
        name: 'Did the city raise the parking levy to pay for the ferry terminal?',
      });
    const [rate, otherRate] = [levy('3.5%'), levy('35%')];
    await postFeed(app, [rate, otherRate]);
    const items = await matches('The city raised the parking levy to pay for the new ferry terminal');
    const levies = items.filter((i) => [rate.url, otherRate.url].includes(i.target.url!));
    expect(levies.map((i) => i.target.url).sort()).toEqual([rate.url, otherRate.url].sort());
    expect(levies.map((i) => i.target.duplicates)).toEqual([[], []]);
  });
});

describe('when the matching job meets a claim that two twin fact-checks verify', () => {
  it('then it links the claim once, to the first stored, and the link lists the twin', async () => {
    const said = 'the new desalination plant on the north shore will supply half of the island with drinking water';
    const first = claimReview({ claimReviewed: `The governor said "${said}"`, name: 'Will the plant supply half?' });
    const twin = claimReview({ claimReviewed: `The Governor said: ‘${said}’.`, name: 'Will the plant supply half ?' });
    await postFeed(app, [first, twin]);
    const { articleId, claimIds } = await insertArticleWithClaims(app.deps.db, `Governor Ann Lee said ${said}.`, [
      { speaker: 'Governor Ann Lee', content: said, checkworthy: 0.9 },
    ]);
    await matchArticles(app.deps, [articleId]);
    const r = await app.request('GET', `/v1/claims/${claimIds[0]}/matches`, { key: app.keys.reviewer });
    const links = (r.body.items as { target: Item['target'] }[]).filter((m) => m.target.type === 'factcheck');
    expect(links).toHaveLength(1);
    expect(links[0]!.target).toMatchObject({
      url: first.url,
      duplicates: [{ id: await idOf(twin.url), url: twin.url }],
    });
  });
});

describe('when texts are compared as twins', () => {
  it('then case, quote marks, spacing and punctuation do not count, and any other word or number does', async () => {
    const same = async (a: string, b: string) =>
      (
        await app.deps.db.query<{ same: boolean }>('select factcheck_twin_text($1) = factcheck_twin_text($2) as same', [
          a,
          b,
        ])
      ).rows[0]!.same;
    expect(await same('He said "no".', 'he said “No”')).toBe(true);
    expect(await same("Don't   pay — it's a scam!", 'Don’t pay - it´s a scam')).toBe(true);
    expect(await same('ＦＵＬＬ width…', 'full width')).toBe(true);
    expect(await same('Rates rose 3.5%', 'Rates rose 35%')).toBe(false);
    expect(await same('Rates rose 3.5%', 'Rates rose 3,5%')).toBe(false);
    expect(await same('It was -5 degrees', 'It was 5 degrees')).toBe(false);
    expect(await same('Taxes rose', 'Taxes fell')).toBe(false);
    expect(await same('Taxes rose', 'Taxes rose 50%')).toBe(false);
  });
});
