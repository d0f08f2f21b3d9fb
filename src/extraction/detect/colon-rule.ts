import { type Draft, run } from './draft';
import type { Token } from './tokenize';

/**
 * "WALLACE: Let's start with …" (transcripts) and "Pence: Flowers Won't Be at Debate" (headlines): a short
 * name opening a paragraph, then a colon, attributes the rest of the paragraph to that name. PolNeAR marks
 * the colon itself as the cue.
 */
const MAX_NAME_TOKENS = 4;
const MAX_CONTENT_TOKENS = 400;
// Labels of page furniture and editorial notes that share the shape but report nobody's words.
const LABELS = new Set(
  'note update updated photo photos image images source sources related read watch editor video videos listen share advertisement subscribe sign by posted filed tags topics contact email follow click see also warning breaking exclusive live q a interview analysis opinion comment explainer review factbox factcheck podcast transcript correction clarification corrections contributing contributors contributor byline revealed'.split(
    ' ',
  ),
);
// AP's running stories head each paragraph "The Latest: Sanders wins Minnesota caucuses" (PolNeAR train: 8 such
// claims, none right).
const LABEL_PHRASES = new Set(['the latest', 'the big picture', 'the bottom line', 'why it matters', 'what we know']);
const ANSWER = new Set(['a', 'answer']);
const NAME_WORD = /^(\p{Lu}[\p{L}'’.-]*|Mr|Mrs|Ms|Dr|Gov|Sen|Rep)$/u;

export function colonDrafts(tokens: Token[], words: string[]): Draft[] {
  const out: Draft[] = [];
  let i = 0;
  while (i < tokens.length) {
    const para = tokens[i]!.para;
    let last = i;
    while (last + 1 < tokens.length && tokens[last + 1]!.para === para) last++;
    // Transcripts often sit inside quotation marks: "WALLACE: …"
    const start = /^["“]$/.test(tokens[i]!.text) ? i + 1 : i;
    const colon = start <= last ? findColon(tokens, words, start, last) : -1;
    // "Q: … A: …" interviews: each answer is the interviewee's claim; who that is the claim builder decides.
    if (colon < 0 && ANSWER.has(words[start] ?? '') && tokens[start + 1]?.text === ':' && last > start + 2) {
      const contentLast = Math.min(last, start + 1 + MAX_CONTENT_TOKENS);
      out.push({
        cue: [run(start + 1, start + 1)],
        source: [],
        content: [run(start + 2, contentLast)],
        origin: 'rule',
        confidence: 0.7,
      });
    }
    if (colon > 0) {
      const contentLast = Math.min(last, colon + MAX_CONTENT_TOKENS);
      if (contentLast > colon + 1) {
        out.push({
          cue: [run(colon, colon)],
          source: [run(start, colon - 1)],
          content: [run(colon + 1, contentLast)],
          origin: 'rule',
          confidence: 0.7,
        });
      }
    }
    i = last + 1;
  }
  return out;
}

/** Index of the colon right after a short capitalised name at the paragraph start, or -1. */
function findColon(tokens: Token[], words: string[], first: number, last: number): number {
  for (let j = first; j <= Math.min(last, first + MAX_NAME_TOKENS); j++) {
    if (tokens[j]!.text === ':') {
      if (j === first || LABELS.has(words[first]!) || tokens[j - 1]!.end !== tokens[j]!.start) return -1;
      if (LABEL_PHRASES.has(words.slice(first, j).join(' '))) return -1;
      return j;
    }
    if (!NAME_WORD.test(tokens[j]!.text)) return -1;
  }
  return -1;
}
