import type { Draft } from './draft';
import type { Token } from './tokenize';

/**
 * Attributions the taggers find that report no statement anyone could check: how a source asked to be described
 * ("who asked not to be named"), a question put to the speaker ("Asked whether the administration would respond,
 * …"), and the customary "did not respond to a request for comment" or "declined to comment".
 */
const ANONYMITY = /^(?:(?:not )?to be(?: (?:named|identified|quoted)\b|$)|to remain anonymous|anonymity\b)/;
const NO_COMMENT = /^(?:(?:a|an|the|repeated|several|multiple|our|my) )*(?:requests? for comment|to comment)\b/;
const QUESTION = /^(?:whether|if|about|why|how|what|when|who|where)\b/;
const WORDS = 6;

export function reportsNoStatement(tokens: Token[], words: string[], d: Draft): boolean {
  const k = d.content[0];
  if (!k || d.content.length !== 1) return false;
  const opening = words.slice(k.first, Math.min(k.last + 1, k.first + WORDS)).join(' ');
  if (ANONYMITY.test(opening) || NO_COMMENT.test(opening)) return true;
  // "declined to comment on currency levels", "declined to comment on the plan": the subject of a comment refused
  // is no statement; nor is what someone "has not said" or "declined to say" ("It has not said what it will charge").
  if (d.cue.some((c) => refusesToSay(words.slice(Math.max(0, c.first - 1), c.last + 1)))) return true;
  // The same with the infinitive's "to" moved into the content (cue-edges.ts): "declined | to say when …".
  const last = d.cue[d.cue.length - 1];
  if (last && REFUSALS.has(words[last.last]!) && words[k.first] === 'to' && UNSAID.has(words[k.first + 1]!))
    return true;
  // "Asked whether …, the spokeswoman said": the reporters asked, not the speaker; "Lawmakers asked whether …" stays.
  const cue = d.cue[0];
  return d.cue.length === 1 && !!cue && tokens[cue.first]!.text === 'Asked' && QUESTION.test(opening);
}

// "did not respond to a request for comment on the rally", "has not replied": no answer is no statement either.
const UNSAID = new Set([
  ...['say', 'said', 'comment', 'specify', 'disclose', 'elaborate', 'confirm', 'confirmed'],
  ...['respond', 'responded', 'reply', 'replied'],
]);
/** Verbs refusing a statement: "declined to say", "refused to comment" (also read by commentary.ts). */
export const REFUSALS = new Set(['declined', 'refused', 'declining', 'refusing']);
const NEGATIONS = new Set(['not', 'never']);

/** A cue (with the word before it) refusing or failing to say: "to comment", "has not said", "declined to say". */
function refusesToSay(cue: string[]): boolean {
  for (let k = 1; k < cue.length; k++) {
    if (!UNSAID.has(cue[k]!)) continue;
    if (cue[k] === 'comment' && cue[k - 1] === 'to') return true;
    // Up to two words back: "did not say", "has not yet said", "declined to say".
    if (cue.slice(Math.max(0, k - 3), k).some((w) => REFUSALS.has(w) || NEGATIONS.has(w) || /n['’]t$/.test(w)))
      return true;
  }
  return false;
}
