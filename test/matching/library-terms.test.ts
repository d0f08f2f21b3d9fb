import { asOne, parseTsv, quickMetrics, twinOrder, twinsOf, VCLAIM_URL } from '../../scripts/checkthat';
import { analyse } from '../../src/matching/features';
import type { Queryable } from '../../src/db/pool';
import { countLibraryTerms, idf, idfFeatures } from '../../src/matching/library-terms';
import { libraryTerms } from '../../src/matching/library-words';
import type { WordVectors } from '../../src/matching/vectors';

// No word vectors: the IDF features need only the terms.
const vectors: WordVectors = { dims: 1, index: new Map(), rows: new Int8Array(0) };
const a = (text: string) => analyse(vectors, text);

const library = countLibraryTerms([
  { claim: 'A photograph shows a flooded airport runway.', title: 'Flooded Airport Photograph' },
  { claim: 'A photograph shows a shark swimming on a highway.', title: null },
  { claim: 'A photograph shows the senator asleep in session.', title: 'Senator Asleep?' },
  { claim: 'The mayor banned plastic straws citywide.', title: 'Straw Ban' },
]);

describe('when the library counts its terms', () => {
  it('when a word is in most fact-checks, then it weighs less than a word in one', () => {
    expect(library.docs).toBe(4);
    expect(library.df.get('photograph')).toBe(3);
    expect(idf(library, 'photograph')).toBeLessThan(idf(library, 'shark'));
  });

  it('when a text shares only a common word with one fact-check and a rare one with another, then the rare one covers more of it', () => {
    const docs = [
      { claim: a('A photograph shows a flooded airport runway.'), title: a('Flooded Airport Photograph') },
      { claim: a('A photograph shows a shark swimming on a highway.'), title: a('A photograph shows a shark.') },
    ];
    const [airport, shark] = idfFeatures(library, a('Is this photograph of a shark real?'), docs);
    // idf_query_covered: the share of the text's term weight found in claim or title.
    expect(shark![2]!).toBeGreaterThan(airport![2]!);
    // The leader of the list has no gap; the other is behind it.
    expect(shark![4]!).toBe(0);
    expect(airport![4]!).toBeLessThan(0);
  });
});

describe('when the matcher asks for the library counts', () => {
  // A stand-in database whose library grows between two counts.
  const rows: { claim: string; title: string | null }[] = [{ claim: 'A shark swims on a highway.', title: null }];
  const db = { query: async () => ({ rows: [...rows] }) } as unknown as Queryable;

  it('when the counts have expired, then the old ones answer while the new ones are made, and the next call has them', async () => {
    const t0 = 1_000_000;
    expect((await libraryTerms(db, t0)).docs).toBe(1);
    rows.push({ claim: 'The mayor banned straws.', title: 'Straw Ban' });
    expect((await libraryTerms(db, t0 + 60_000)).docs).toBe(1);
    expect((await libraryTerms(db, t0 + 11 * 60_000)).docs).toBe(1);
    // The recount runs in the background, yielding between slices: wait for it, not for a fixed time (a loaded
    // machine once took longer than the 20 ms this test used to wait).
    let docs = 1;
    for (let i = 0; i < 500 && docs === 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      docs = (await libraryTerms(db, t0 + 11 * 60_000 + 1)).docs;
    }
    expect(docs).toBe(2);
  });
});

describe('when CheckThat! files are read', () => {
  it('when a field is quoted with doubled quotes and runs over a line break, then it reads as one field', () => {
    const rows = parseTsv('id\tclaim\n2\t"A ""meme"" shows\nstatistics."\tTitle\n3\tplain\t\n');
    expect(rows).toEqual([['id', 'claim'], ['2', 'A "meme" shows\nstatistics.', 'Title'], ['3', 'plain', ''], ['']]);
  });

  it('when two fact-checks differ only by their quote marks, then counted as one, a ranking that puts either first is right at 1', () => {
    const record = (id: string, claimReviewed: string, name?: string) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${VCLAIM_URL}${id}`,
      claimReviewed,
      ...(name ? { name } : {}),
      author: { '@type': 'Organization', name: 'Snopes' },
    });
    const twins = twinsOf([
      record('1', 'The mayor called it "a disgrace."', 'Did the Mayor Say ‘Disgrace’?'),
      record('2', "The mayor called it 'a disgrace.'", "Did the Mayor Say 'Disgrace'?"),
      record('3', 'The mayor called it a triumph.', 'Did the Mayor Say ‘Triumph’?'),
    ]);
    const ranked = new Map([['q', ['2', '1', '3']]]);
    const gold = new Map([['q', new Set(['1'])]]);
    expect(quickMetrics(ranked, gold)['P@1']).toBe(0);
    const one = asOne(ranked, gold, twins);
    expect(one.ranked.get('q')).toEqual(['1', '3']);
    expect(quickMetrics(one.ranked, one.gold)['P@1']).toBe(1);
    // The unfolded P@1 was lost to the twin's place, which the lexical order had already given it.
    const lexical = new Map([['q', ['2', '3', '1']]]);
    expect(twinOrder(ranked, gold, twins, lexical)).toEqual({ twinFirst: 1, goldFirst: 0, sameAsReference: 1 });
  });
});
