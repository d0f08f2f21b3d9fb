import type { SpeakerMention } from './identity';

// Most specific first: someone quoted once as "Gov. Bobby Jindal" and once as plain "Bobby Jindal" is an
// official, whichever came first. A group never mixes people and bodies (their keys differ), so the order
// between the two kinds does not matter.
const SPECIFICITY = ['official', 'expert', 'source', 'organization', 'media', 'person'];

/**
 * The mention a registry speaker is made from when one batch holds several mentions of it. The same whatever
 * order the mentions come in: a batch's order follows the rows Postgres returns from the lease update, which it
 * does not promise, and "first seen wins" typed "Bobby Jindal" a person in one build and an official in the
 * next. The type is the most frequent one more specific than `person` (ties: the more specific); the title and
 * affiliation are the most frequent of the mentions with that type; the name the most frequent spelling.
 */
export function representative<M extends SpeakerMention & { name: string }>(mentions: readonly M[]): M {
  const typed = mentions.filter((m) => m.type !== 'person');
  const type = mostFrequent(
    (typed.length ? typed : mentions).map((m) => m.type),
    bySpecificity,
  )!;
  const ofType = mentions.filter((m) => m.type === type);
  const base = ofType[0]!;
  return {
    ...base,
    name: mostFrequent(
      mentions.map((m) => m.name),
      byLengthThenText,
    )!,
    type,
    title: mostFrequent(
      ofType.flatMap((m) => (m.title ? [m.title] : [])),
      byLengthThenText,
    ),
    affiliation: mostFrequent(
      ofType.flatMap((m) => (m.affiliation ? [m.affiliation] : [])),
      byLengthThenText,
    ),
  };
}

/** The most frequent value; among equally frequent ones, the first by `order`. Null for none. */
function mostFrequent(values: string[], order: (a: string, b: string) => number): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) {
    const bestN = best === null ? 0 : counts.get(best)!;
    if (n > bestN || (n === bestN && order(v, best!) < 0)) best = v;
  }
  return best;
}

const rank = (type: string) => {
  const i = SPECIFICITY.indexOf(type);
  return i < 0 ? SPECIFICITY.length : i;
};
const bySpecificity = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
// The fuller form first ("Senator" before "Sen."), then a fixed order.
const byLengthThenText = (a: string, b: string) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
