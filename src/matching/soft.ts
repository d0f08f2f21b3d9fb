import type { Analysed } from './features';
import type { WordVectors } from './vectors';

type Content = Analysed['content'];

/**
 * How much of `a` finds a near word in `b`: each content word of `a` counts with its rarity times its
 * best cosine to a word of `b` (1 for the same word), so "jab" meets "vaccine" half way.
 */
export function softCover(vectors: WordVectors, a: Analysed, b: Analysed): number {
  return coverWith(a.content, (x) => bestOf(b.content.map((y) => similarity(vectors, x, y))));
}

/**
 * Soft coverage both ways between the query and each text, with every word pair's cosine computed once
 * per list: the 50 candidates of a query (claims and titles) share most of their words, and computing the
 * four soft features pair by pair was most of the re-ranking time. Same figures as softCover, bit for bit.
 */
export function softCovers(vectors: WordVectors, query: Analysed, texts: Analysed[], sims = wordSims(vectors, query)) {
  const q = query.content;
  // An earlier claim is its own title, and copies of it are one analysis: each is covered once.
  const done = new Map<Analysed, { queryByText: number; textByQuery: number }>();
  return texts.map((t) => {
    let cover = done.get(t);
    if (!cover && t === query) {
      // The query's own text (a verbatim copy): every word meets itself, so both ways cover it all, as the
      // pairwise sums below would give exactly (each weight times 1, over the same weights).
      const all = q.length ? 1 : 0;
      cover = { queryByText: all, textByQuery: all };
      done.set(t, cover);
    }
    if (!cover) {
      const s = t.content.map(sims);
      cover = {
        queryByText: coverWith(q, (_, i) => bestAt(s, i)),
        textByQuery: coverWith(t.content, (_, j) => bestOf(s[j]!)),
      };
      done.set(t, cover);
    }
    return cover;
  });
}

/** A word's similarity to each of the query's content words, in their order (Infinity for the same word). */
export type WordSims = (y: Content[number]) => Float64Array;

/**
 * The query's similarities to any word, each word's computed once per list and shared by soft coverage and
 * the aligned F1 (aligned.ts): the 50 candidates of a query (claims and titles) share most of their words.
 */
export function wordSims(vectors: WordVectors, query: Analysed): WordSims {
  const q = query.content;
  const seen = new Map<string, Float64Array>();
  return (y) => {
    let s = seen.get(y.word);
    if (!s) {
      s = new Float64Array(q.length);
      for (let i = 0; i < q.length; i++) s[i] = similarity(vectors, q[i]!, y);
      seen.set(y.word, s);
    }
    return s;
  };
}

/** A cosine, or Infinity for the same word (which counts as 1, whatever near-twin its vector has). */
function similarity(vectors: WordVectors, x: Content[number], y: Content[number]): number {
  if (x.word === y.word) return Number.POSITIVE_INFINITY;
  if (x.row < 0 || y.row < 0) return 0;
  const { dims, rows } = vectors;
  const a = x.row * dims;
  const b = y.row * dims;
  let dot = 0;
  for (let k = 0; k < dims; k++) dot += rows[a + k]! * rows[b + k]!;
  return dot / (127 * 127);
}

/** bestOf over the i-th figure of every list, without gathering them into an array first. */
export function bestAt(sims: Float64Array[], i: number): number {
  let best = 0;
  for (const s of sims) {
    if (s[i] === Number.POSITIVE_INFINITY) return 1;
    best = Math.max(best, s[i]!);
  }
  return best;
}

export function bestOf(sims: ArrayLike<number>): number {
  let best = 0;
  for (let i = 0; i < sims.length; i++) {
    if (sims[i] === Number.POSITIVE_INFINITY) return 1;
    best = Math.max(best, sims[i]!);
  }
  return best;
}

export function coverWith(words: Content, best: (x: Content[number], i: number) => number): number {
  let sum = 0;
  let total = 0;
  words.forEach((x, i) => {
    total += x.weight;
    sum += x.weight * best(x, i);
  });
  return total ? sum / total : 0;
}
