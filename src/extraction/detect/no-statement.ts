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
  // "declined to comment on currency levels": the subject of a comment refused is no statement.
  if (d.cue.some((c) => words[c.first] === 'to' && words.slice(c.first, c.last + 1).includes('comment'))) return true;
  // "Asked whether …, the spokeswoman said": the reporters asked, not the speaker; "Lawmakers asked whether …" stays.
  const cue = d.cue[0];
  return d.cue.length === 1 && !!cue && tokens[cue.first]!.text === 'Asked' && QUESTION.test(opening);
}
