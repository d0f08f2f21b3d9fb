import { roleType, TITLE_WORDS } from '../claims/lexicon';
import type { Token } from './tokenize';

/**
 * "Arsenal manager Mikel Arteta declined to comment …, saying only that …": the subject the ", saying" rule reads
 * off the clause's start is a run of capitalised words, and a lowercase role between two runs ("Arsenal manager
 * Mikel Arteta", "Norway coach Stale Solbakken", "WHO spokesperson Margaret Harris") cut it at the team, which
 * then spoke for him. The role and the name after it belong to the subject; any other lowercase word (a verb:
 * "Kim rebuffed Seoul's offer") still ends it.
 */
export function nameThroughRole(tokens: Token[], last: number, limit: number): number {
  const cap = (k: number) => k < limit && /^\p{Lu}/u.test(tokens[k]!.text);
  const role = (k: number) => {
    const w = tokens[k]?.text ?? '';
    return k < limit && /^\p{Ll}+$/u.test(w) && (TITLE_WORDS.has(w) || roleType(w) !== null);
  };
  if (!role(last + 1) || !cap(last + 2)) return last;
  let end = last + 2;
  while (cap(end + 1)) end++;
  return end;
}
