import { isCapitalised } from './features';
import type { Token } from './tokenize';

/** Type ids of the sentence edges, as neighbours past the start ('<s>') and past the end ('</s>'). */
export const START_TYPE = 0;
export const END_TYPE = 1;
const EDGES = ['<s>', '</s>'];

/**
 * Word types (exact token texts) interned to small ids, with the facts the taggers read per word: its
 * lowercase form, whether it is capitalised, whether it is in the cue lexicon. One Map lookup per token
 * replaces a lookup per fact, and the ids let the weight table keep each type's summed weights in flat
 * arrays. Bounded: when a text would take it past `limit` types it starts over, so ids are only valid for
 * the text they were interned for (`intern` says when it started over).
 */
export class WordTypes {
  private readonly idOf = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly lowers: string[] = [];
  private capitals = new Uint8Array(1024);
  private cueWords = new Uint8Array(1024);

  constructor(
    private readonly cueLexicon: Set<string>,
    readonly limit = 1 << 16,
  ) {
    this.clear();
  }

  get size(): number {
    return this.lowers.length;
  }

  text(type: number): string {
    return this.texts[type]!;
  }

  lower(type: number): string {
    return this.lowers[type]!;
  }

  /** The tokens' type ids; `fresh` when the store started over, so every earlier id is void. */
  intern(tokens: Token[]): { types: Int32Array; fresh: boolean } {
    const fresh = this.size + tokens.length > this.limit;
    if (fresh) this.clear();
    const types = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const text = tokens[i]!.text;
      let id = this.idOf.get(text);
      if (id === undefined) id = this.add(text);
      types[i] = id;
    }
    return { types, fresh };
  }

  /** Per token: lowercase words, capitalised (1/0) and cue-lexicon (1/0) flags. */
  facts(types: Int32Array): { words: string[]; capital: Uint8Array; cueWord: Uint8Array } {
    const n = types.length;
    const words = new Array<string>(n);
    const capital = new Uint8Array(n);
    const cueWord = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = types[i]!;
      words[i] = this.lowers[t]!;
      capital[i] = this.capitals[t]!;
      cueWord[i] = this.cueWords[t]!;
    }
    return { words, capital, cueWord };
  }

  private add(text: string): number {
    const id = this.lowers.length;
    if (id === this.capitals.length) {
      this.capitals = grow(this.capitals);
      this.cueWords = grow(this.cueWords);
    }
    // The same lowercase form as `low` gives training; interning makes `low`'s own cache unnecessary here.
    const word = text.toLowerCase();
    this.idOf.set(text, id);
    this.texts.push(text);
    this.lowers.push(word);
    this.capitals[id] = +isCapitalised(text);
    this.cueWords[id] = +this.cueLexicon.has(word);
    return id;
  }

  private clear(): void {
    this.idOf.clear();
    this.texts.length = 0;
    this.lowers.length = 0;
    // The edges are types of their own, never token texts (the tokenizer splits '<' off), so not in idOf.
    this.texts.push(...EDGES);
    this.lowers.push(...EDGES);
    this.capitals.fill(0, 0, EDGES.length);
    this.cueWords.fill(0, 0, EDGES.length);
  }
}

function grow(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
