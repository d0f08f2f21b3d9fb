import { factcheckCandidates } from '../../src/matching/candidates';
import { analyse, featureRows } from '../../src/matching/features';
import { COMMON_MIN_DOCS, commonLexemes } from '../../src/matching/library-words';
import { softCover, softCovers } from '../../src/matching/soft';
import { isNumber, isStopWord, stem, stripFurniture, words } from '../../src/matching/text';
import { loadVectors, meanVector, rarity } from '../../src/matching/vectors';
import { fromRoot } from '../../src/paths';
import { startTestApp, type TestApp } from '../support/app';
import { claimReview, postFeed } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

// Each count is taken as if an hour after the last, so that it is not the cached one.
let hours = 0;
const later = () => Date.now() + ++hours * 60 * 60_000;
const claimsOf = async (text: string) => (await factcheckCandidates(app.deps.db, text, 100)).map((r) => r.text);

describe('when fact-check candidates are searched', () => {
  it('when the library is small, then a fact-check sharing a single everyday word is still a candidate', async () => {
    const stadium = claimReview({ claimReviewed: 'The mayor sold the old stadium to a casino' });
    await postFeed(app, [stadium]);
    expect(await commonLexemes(app.deps.db, later())).toEqual([]);
    expect(await claimsOf('A new stadium opens downtown in spring')).toContain(stadium.claimReviewed);
  });

  it('when a word is in many fact-checks, then sharing only it makes no candidate, but sharing a rarer word does', async () => {
    const common = Array.from({ length: COMMON_MIN_DOCS + 10 }, (_, i) =>
      claimReview({ claimReviewed: `A photograph shows the stadium number ${i} at night`, name: undefined }),
    );
    const rare = claimReview({ claimReviewed: 'A photograph shows flamingos nesting in the stadium', name: undefined });
    await postFeed(app, [...common, rare]);
    expect(await commonLexemes(app.deps.db, later())).toEqual(expect.arrayContaining(['photograph', 'stadium']));
    const found = await claimsOf('Photograph of flamingos in a stadium');
    expect(found).toEqual([rare.claimReviewed]);
  });

  it('when every word of the text is common, then the search falls back to all of them', async () => {
    await commonLexemes(app.deps.db, later());
    expect((await claimsOf('stadium photograph')).length).toBeGreaterThan(COMMON_MIN_DOCS);
  });
});

describe('when a list of candidates is compared with a text by word vectors', () => {
  it('then soft coverage computed for the whole list gives the pair-by-pair figures exactly', () => {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    const query = analyse(vectors, 'The governor banned vaccines for children in public schools');
    const texts = [
      'Did a governor ban vaccine mandates for schoolchildren?',
      'The governor banned vaccines for children in public schools',
      'Flamingos were seen nesting in a football stadium',
      '',
    ].map((t) => analyse(vectors, t));
    expect(softCovers(vectors, query, texts)).toEqual(
      texts.map((t) => ({ queryByText: softCover(vectors, query, t), textByQuery: softCover(vectors, t, query) })),
    );
    expect(softCovers(vectors, query, texts)[1]).toEqual({ queryByText: 1, textByQuery: 1 });
  });

  it('when a candidate repeats the text word for word, then its features are those of the same text analysed anew', () => {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    const text = 'The governor banned vaccines for children in public schools, aides said on 3 May';
    const candidates = [text, 'Did a governor ban vaccine mandates for schoolchildren?'].map((t, i) => ({
      text: t,
      title: null,
      ftsRank: 0.2 - i / 10,
      claimRank: 0.2,
      titleRank: 0.2,
      trigram: 1 - i / 2,
    }));
    const query = analyse(vectors, text);
    expect(featureRows(vectors, query, candidates)).toEqual(featureRows(vectors, { ...query, raw: '' }, candidates));
  });

  it('when a list holds several copies of the text and of another, then each copy has the features it would have apart', () => {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    const text = 'The harbour tunnel will carry forty thousand lorries a week off the coast road';
    const other = 'The tunnel under the harbour will take lorries off the coast road, the council says';
    const list = (texts: string[]) =>
      texts.map((t, i) => ({
        text: t,
        title: null,
        ftsRank: 0.3 - i / 50,
        claimRank: 0.3 - i / 50,
        titleRank: 0.3 - i / 50,
        trigram: t.startsWith(text) ? 1 : 0.4,
      }));
    const copies = [text, other, text, text, other, text];
    // The same texts with trailing spaces, which analyse alike but are distinct strings: each is computed
    // on its own, word pair by word pair, as before copies shared their figures.
    const apart = copies.map((t, i) => `${t}${' '.repeat(i + 1)}`);
    const query = analyse(vectors, text);
    expect(featureRows(vectors, query, list(copies))).toEqual(featureRows(vectors, query, list(apart)));
  });

  it('when a text is analysed, then its weights, numbers, vector and content words are what its words give one at a time', () => {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    // Repeated words, stop words, numbers, a word beyond the vocabulary and a link that is not part of the claim.
    const raw =
      'The mayor said the mayor spent 3.5 million on 2,000 qwzxjv lamps, the lamps of the old town https://t.co/x';
    const ws = words(stripFurniture(raw));
    const a = analyse(vectors, raw);
    const weight = new Map<string, number>();
    for (const w of ws) weight.set(stem(w), Math.max(weight.get(stem(w)) ?? 0, rarity(vectors, w)));
    expect(a.weight).toEqual(weight);
    expect([...a.numbers]).toEqual(['3.5', '2000']);
    expect(ws.filter(isNumber)).toEqual(['3.5', '2000']);
    expect(a.vector).toEqual(meanVector(vectors, ws));
    expect(a.content).toEqual(
      [...new Set(ws.filter((w) => !isStopWord(w)))].map((word) => ({
        word,
        row: vectors.index.get(word) ?? -1,
        weight: rarity(vectors, word),
      })),
    );
    expect(a.content.find((c) => c.word === 'qwzxjv')?.row).toBe(-1);
    expect([...a.terms]).toEqual([...new Set(ws.filter((w) => !isStopWord(w)).map(stem))]);
  });

  it('when the headline of a fact-check repeats its claim, then it has the features of one without a headline', () => {
    const vectors = loadVectors(fromRoot('src/matching/model/vectors.bin'));
    const query = analyse(vectors, 'The harbour tunnel will carry forty thousand lorries a week off the coast road');
    const claim = 'A tunnel under the harbour takes lorries off the coast road, the council says';
    const list = (title: string | null) =>
      [claim, 'Flamingos nest in the harbour'].map((text, i) => ({
        text,
        title: i === 0 ? title : null,
        ftsRank: 0.3 - i / 10,
        claimRank: 0.2,
        titleRank: 0.2,
        trigram: 0.4,
      }));
    // The same words in a distinct string: claim and headline are analysed apart and their words joined.
    expect(featureRows(vectors, query, list(null))).toEqual(featureRows(vectors, query, list(`${claim} `)));
  });
});
