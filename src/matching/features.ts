import { entities, searchText, signatureTerms, stripFurniture, terms, words } from './text';
import { IDF_FEATURES, idfFeatures, type LibraryTerms, NO_LIBRARY } from './library-terms';
import { alignedF1 } from './aligned';
import { softCovers, wordSims } from './soft';
import { lexeme } from './lexicon';
import { addRow, cosine, type WordVectors } from './vectors';

/** A text to be matched, analysed once and compared with every candidate. */
export interface Analysed {
  terms: Set<string>;
  /** How often each term occurs, and how many terms there are (BM25's term frequency and length). */
  counts: Map<string, number>;
  length: number;
  bigrams: Set<string>;
  numbers: Set<string>;
  entities: Set<string>;
  vector: Float32Array;
  /** Rarity of each term (the rarest word that stems to it). */
  weight: Map<string, number>;
  wordCount: number;
  /** Content words (no stop words) with their rarity, for soft matching. */
  content: { word: string; row: number; weight: number }[];
}

/**
 * The text to be matched also tells what only the query's side of a comparison uses. Candidates are
 * analysed without it: it tokenised each candidate a second time and read its signature for nothing.
 */
export interface Query extends Analysed {
  /**
   * The terms the candidate search looks for: with the tweet's signature, handles and hashtags as words.
   * Weighted by the library's IDF, who signed a tweet and what it tags tell which fact-check it is about.
   */
  searched: Set<string>;
  /** The terms of the name a tweet is signed with, if it is one. */
  speaker: Set<string>;
  /** The text as given: a candidate with the very same text is analysed as the query was. */
  raw: string;
}

/** A candidate as the database found it: its text, the fact-check title if any, and its lexical rank. */
export interface Candidate {
  text: string;
  title: string | null;
  /** ts_rank of the full-text search (0 when only the trigram search found it). */
  ftsRank: number;
  /** ts_rank of the claim's words alone, and of the title's alone (the claim's again when it has none). */
  claimRank: number;
  titleRank: number;
  /** pg_trgm similarity between the candidate's text and the query. */
  trigram: number;
}

export function analyse(vectors: WordVectors, raw: string): Query {
  const text = stripFurniture(raw);
  const analysed = analyseText(vectors, raw, text);
  const search = searchText(raw);
  // A news claim has no handle, hashtag or signature: its search text is the text analysed, whose terms
  // are known (terms() of the same string), and tokenising it again was a fifth of the analysis.
  // (The set is shared, not copied: neither side is ever changed.)
  const searched = search === text ? analysed.terms : new Set(terms(search));
  return { ...analysed, searched, speaker: signatureTerms(raw), raw };
}

function analyseText(vectors: WordVectors, raw: string, text = stripFurniture(raw)): Analysed {
  const ws = words(text);
  // terms(text), the numbers, the rarity-weighted mean vector and the content words, in one pass over the
  // words with one lookup each (lexicon.ts); the same figures, summed in the same order, as computing each
  // apart (meanVector(), rarity(), terms()).
  const ts: string[] = [];
  const weight = new Map<string, number>();
  const numbers = new Set<string>();
  const vector = new Float32Array(vectors.dims);
  const content: Analysed['content'] = [];
  const inContent = new Set<string>();
  for (const w of ws) {
    const x = lexeme(vectors, w);
    if (!x.stop) ts.push(x.term);
    weight.set(x.term, Math.max(weight.get(x.term) ?? 0, x.rarity));
    if (x.number) numbers.add(w);
    if (x.row >= 0) addRow(vector, vectors, x.row, x.rarity);
    if (!x.stop && !inContent.has(w)) {
      inContent.add(w);
      content.push({ word: w, row: x.row, weight: x.rarity });
    }
  }
  const bigrams = new Set<string>();
  for (let i = 1; i < ts.length; i++) bigrams.add(`${ts[i - 1]} ${ts[i]}`);
  const counts = new Map<string, number>();
  for (const t of ts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return {
    terms: new Set(ts),
    counts,
    length: ts.length,
    bigrams,
    numbers,
    entities: entities(text),
    vector,
    weight,
    wordCount: ws.length,
    content,
  };
}

/**
 * The same fact-checks come back as candidates for query after query: each text is analysed once per
 * process (per vector set). Bounded: past 50,000 texts the memo starts over, as the extractor's word store does.
 */
const memo = new WeakMap<WordVectors, Map<string, Analysed>>();
const MEMO_SIZE = 50_000;
function analysedOnce(vectors: WordVectors, text: string): Analysed {
  let texts = memo.get(vectors);
  if (!texts || texts.size >= MEMO_SIZE) {
    texts = new Map();
    memo.set(vectors, texts);
  }
  const known = texts.get(text);
  if (known) return known;
  const a = analyseText(vectors, text);
  texts.set(text, a);
  return a;
}

const weightOf = (a: Analysed, t: string) => a.weight.get(t) ?? 1;
function weighted(a: Analysed, set: Iterable<string>): number {
  let s = 0;
  for (const t of set) s += weightOf(a, t);
  return s;
}
const ratio = (x: number, y: number) => (y > 0 ? x / y : 0);
/**
 * The words of a claim and its title. An earlier claim, and a fact-check without a headline, is its own title
 * (one analysis): then the claim's own set is the union, not a copy of it made for every candidate.
 */
function union<T>(a: Set<T>, b: Set<T>): Set<T> {
  return a === b ? a : new Set([...a, ...b]);
}
function shared<T>(a: Set<T>, b: Set<T>): T[] {
  return [...a].filter((x) => b.has(x));
}

export const FEATURE_NAMES = [
  'query_covered',
  'claim_covered',
  'title_covered',
  'query_covered_by_claim_or_title',
  'bigrams_shared',
  'numbers_matched',
  'numbers_unmatched',
  'entities_matched',
  'vector_claim',
  'vector_title',
  'fts_rank_vs_best',
  'fts_position',
  'trigram',
  'local_idf_covered',
  'covered_vs_best',
  'vector_vs_best',
  'soft_query_by_claim',
  'soft_claim_by_query',
  'soft_query_by_title',
  'soft_title_by_query',
  'soft_vs_best',
  'claim_rank_vs_best',
  'title_rank_vs_best',
  'speaker_named',
  'query_entities_matched',
  ...IDF_FEATURES,
  'aligned_f1',
  'aligned_f1_vs_best',
] as const;

/**
 * One row of features per candidate. Some are relative to the best candidate of the same list (how far
 * behind the leader a candidate is says more than its raw overlap), so features are computed per list.
 */
export function featureRows(
  vectors: WordVectors,
  query: Query,
  candidates: Candidate[],
  library: LibraryTerms = NO_LIBRARY,
): number[][] {
  // A fact-check without a headline, and every earlier claim, is its own title: the model leans on
  // title features, and a missing title must not read as a mismatch.
  // An earlier claim repeated word for word is the query's own text, already analysed: it takes no place
  // in the memo, where an import that repeats its claims kept one analysis (about 3.8 kB) per claim text.
  const analysed = (text: string) => (text === query.raw ? query : analysedOnce(vectors, text));
  const docs = candidates.map((c) => ({
    claim: analysed(c.text),
    title: analysed(c.title?.trim() ? c.title : c.text),
  }));
  // Copies of one earlier claim (the same text, so the same analysis) differ only in their rank, place and
  // trigram: what depends on the text alone is computed once per distinct text (and title), not per copy.
  const { distinct, of } = distinctDocs(docs);
  const copies = new Array<number>(distinct.length).fill(0);
  for (const k of of) copies[k]!++;
  // Candidate-local document frequency: a query word found in most candidates does not tell them apart.
  const df = new Map<string, number>();
  for (const [k, d] of distinct.entries())
    for (const t of union(d.claim.terms, d.title.terms)) df.set(t, (df.get(t) ?? 0) + copies[k]!);
  const n = Math.max(docs.length, 1);
  const localIdf = (t: string) => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
  const queryIdf = [...query.terms].reduce((s, t) => s + localIdf(t) * weightOf(query, t), 0);
  const bestRank = Math.max(1e-9, ...candidates.map((c) => c.ftsRank));
  // Per field, as BM25F would weigh them: a tweet may say the claim or the fact-check's headline question.
  const bestClaimRank = Math.max(1e-9, ...candidates.map((c) => c.claimRank));
  const bestTitleRank = Math.max(1e-9, ...candidates.map((c) => c.titleRank));
  const own = distinct.map(({ claim, title }) => {
    const both = union(claim.terms, title.terms);
    const inBoth = shared(query.terms, both);
    const numbersInClaim = [...claim.numbers];
    return [
      ratio(weighted(query, shared(query.terms, claim.terms)), weighted(query, query.terms)),
      ratio(weighted(claim, shared(claim.terms, query.terms)), weighted(claim, claim.terms)),
      ratio(weighted(title, shared(title.terms, query.terms)), weighted(title, title.terms)),
      ratio(weighted(query, inBoth), weighted(query, query.terms)),
      ratio(shared(query.bigrams, union(claim.bigrams, title.bigrams)).length, Math.max(claim.bigrams.size, 1)),
      ratio(numbersInClaim.filter((x) => query.numbers.has(x)).length, numbersInClaim.length),
      numbersInClaim.some((x) => !query.numbers.has(x)) ? 1 : 0,
      ratio(shared(claim.entities, query.terms).length, claim.entities.size),
      cosine(query.vector, claim.vector),
      cosine(query.vector, title.vector),
      ratio(
        inBoth.reduce((s, t) => s + localIdf(t) * weightOf(query, t), 0),
        queryIdf,
      ),
    ];
  });
  const rows = docs.map((_, i) => {
    const c = candidates[i]!;
    const o = own[of[i]!]!;
    return [...o.slice(0, 10), c.ftsRank / bestRank, 1 / (1 + i), c.trigram, o[10]!];
  });
  // Relative to the list's leader: 0 for the best, negative behind it.
  const best = (k: number) => Math.max(...rows.map((r) => r[k]!));
  const bestCovered = best(13);
  const bestVector = Math.max(...rows.map((r) => Math.max(r[8]!, r[9]!)));
  const sims = wordSims(vectors, query);
  const covers = softCovers(vectors, query, [...distinct.map((d) => d.claim), ...distinct.map((d) => d.title)], sims);
  const alignedOwn = distinct.map(({ claim, title }) => alignedF1(sims, query, claim, title));
  const bestAligned = Math.max(...alignedOwn);
  const softOwn = distinct.map((_, k) => {
    const c = covers[k]!;
    const t = covers[distinct.length + k]!;
    return [c.queryByText, c.textByQuery, t.queryByText, t.textByQuery];
  });
  const soft = docs.map((_, i) => softOwn[of[i]!]!);
  const extraOwn = distinct.map(({ claim, title }) => {
    const both = union(claim.terms, title.terms);
    return [
      ratio(shared(query.speaker, both).length, query.speaker.size),
      ratio(shared(query.entities, both).length, query.entities.size),
    ];
  });
  const extra = docs.map((_, i) => extraOwn[of[i]!]!);
  const bestSoft = Math.max(...soft.map((s) => Math.max(s[0]!, s[2]!)));
  // Relative to the list's best, which copies do not change.
  const idfOwn = idfFeatures(library, query, distinct);
  const byIdf = docs.map((_, i) => idfOwn[of[i]!]!);
  return rows.map((r, i) => {
    const s = soft[i]!;
    const c = candidates[i]!;
    return [
      ...r,
      r[13]! - bestCovered,
      Math.max(r[8]!, r[9]!) - bestVector,
      ...s,
      Math.max(s[0]!, s[2]!) - bestSoft,
      c.claimRank / bestClaimRank,
      c.titleRank / bestTitleRank,
      ...extra[i]!,
      ...byIdf[i]!,
      alignedOwn[of[i]!]!,
      alignedOwn[of[i]!]! - bestAligned,
    ];
  });
}

/** Each distinct (text, title) analysis once, and for each candidate the index of its own. */
function distinctDocs<D extends { claim: Analysed; title: Analysed }>(docs: D[]): { distinct: D[]; of: number[] } {
  const distinct: D[] = [];
  const index = new Map<Analysed, Map<Analysed, number>>();
  const of = docs.map((d) => {
    let byTitle = index.get(d.claim);
    if (!byTitle) {
      byTitle = new Map();
      index.set(d.claim, byTitle);
    }
    let k = byTitle.get(d.title);
    if (k === undefined) {
      k = distinct.push(d) - 1;
      byTitle.set(d.title, k);
    }
    return k;
  });
  return { distinct, of };
}
