import type { Layout } from './content';
import { clauseEndBefore, type Draft, isPunct, run, sentenceEnd } from './draft';
import { FINITE_VERBS } from './speaker-edges';
import { CONTRAST_JOINS } from './tighten';
import type { Token } from './tokenize';
import { DOCUMENTS, FINDINGS } from './trailing-speaker';

const MAX_SUBJECT = 10;

/**
 * "A 2023 UNESCO report found that smartphones disrupted learning in many countries, though …": a study, report or
 * survey opening the sentence, then "found that" / "showed that": the document speaks, and the reported clause runs
 * to the sentence end or to the comma before a clause of its own. The taggers miss the cue often enough ("found"
 * untagged, the words then went to the next speaker of the sentence) that the pattern is a rule.
 */
export function findingSubjectDrafts(tokens: Token[], words: string[], lay: Layout): Draft[] {
  const out: Draft[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (!FINDINGS.has(words[i]!) || words[i + 1] !== 'that') continue;
    let first = lay.sentFirst[i]!;
    while (first < i && isPunct(tokens[first])) first++;
    if (i - first > MAX_SUBJECT || i === first) continue;
    const subject = words.slice(first, i);
    if (!subject.some((w) => DOCUMENTS.has(w)) || subject.some((w) => FINITE_VERBS.has(w) || w === ',' || w === 'that'))
      continue;
    if (tokens.slice(first, i).some((t) => t.quote || t.inQuote)) continue;
    // "…, though some researchers say …": a clause of its own after a comma ends the finding.
    const last = clauseEndBefore(words, i + 2, sentenceEnd(tokens, lay.sentLast[i]!, i), CONTRAST_JOINS);
    if (last - (i + 1) < 3) continue;
    out.push({
      cue: [run(i, i)],
      source: [run(first, i - 1)],
      content: [run(i + 1, last)],
      origin: 'rule',
      confidence: 0.8,
    });
  }
  return out;
}
