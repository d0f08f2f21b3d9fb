import { isNumber, isStopWord, stem } from './text';
import { rarity, type WordVectors } from './vectors';

/** What the re-ranker's analysis needs of one word, looked up once. */
export interface Lexeme {
  /** Its stem (terms(), BM25 and the weights are by stem). */
  term: string;
  stop: boolean;
  number: boolean;
  /** Its row in the word vectors (-1 beyond the vocabulary) and its rarity. */
  row: number;
  rarity: number;
}

/**
 * Each word of a text analysed for matching was looked up again and again (its stem, its vector row twice,
 * its rarity three times, each hashing the string anew): one entry per word and vector set now answers all
 * of them. analyse() of 20,000 check-worthy claims of a bench:import database: 60 → 48 µs a text (load
 * 10-12). Bounded like the stems' memo.
 */
export function lexeme(vectors: WordVectors, word: string): Lexeme {
  let known = lexicons.get(vectors);
  if (!known || known.size >= LEXICON_SIZE) {
    known = new Map();
    lexicons.set(vectors, known);
  }
  let x = known.get(word);
  if (!x) {
    x = {
      term: stem(word),
      stop: isStopWord(word),
      number: isNumber(word),
      row: vectors.index.get(word) ?? -1,
      rarity: rarity(vectors, word),
    };
    known.set(word, x);
  }
  return x;
}

const lexicons = new WeakMap<WordVectors, Map<string, Lexeme>>();
const LEXICON_SIZE = 100_000;
