import { type Draft, run } from './draft';
import { capitalised, NAME_LINKS } from './source-phrase';
import { TRAILING_JOINS } from './tighten';
import type { Token } from './tokenize';

const MAX_NAME_TOKENS = 6;
const MAX_VERB_TO_QUOTE = 4;
const verbLike = (t: Token | undefined): boolean =>
  !!t && /^(?:\p{Ll}+ed|said|says|told|tells|calls|called|warns|warned|argues|argued)$/u.test(t.text);

/**
 * "Texas Right to Life called it “a gift to the abortion industry,” while Planned Parenthood welcomed it as “a win
 * for patients.”": a named subject, its verb and a quotation of its own open another speaker's statement, which the
 * content had run on into. The content stops before that clause, whether a conjunction after a comma or a new
 * sentence opens it: the other speaker's words are not this speaker's.
 */
export function contentStopsAtOtherSpeaker(tokens: Token[], d: Draft): Draft {
  for (const [n, r] of d.content.entries()) {
    const end = otherSpeakerAt(tokens, r.first, r.last);
    // What follows, in this piece and any later one, is the other speaker's.
    if (end !== null)
      return { ...d, content: [...d.content.slice(0, n), ...(end >= r.first ? [run(r.first, end)] : [])] };
  }
  return d;
}

/** Where a content piece ends before another speaker's clause, or null when none opens in it. */
function otherSpeakerAt(tokens: Token[], first: number, last: number): number | null {
  for (let i = first + 2; i <= last; i++) {
    // "…,” while": the comma may stand inside the closing quotation mark.
    const comma = tokens[i - 1]!.text === ',' || (tokens[i - 1]!.quote === 'close' && tokens[i - 2]!.text === ',');
    const joined = comma && TRAILING_JOINS.has(tokens[i]!.text.toLowerCase());
    const newSentence = tokens[i]!.sent !== tokens[i - 1]!.sent && !tokens[i]!.inQuote;
    // "Ukraine says it downed 40 drones; Russia claims gains in east": after a semicolon a named subject and a
    // reporting verb are another statement, quoted or not.
    const semicolon = tokens[i - 1]!.text === ';' && !tokens[i]!.inQuote;
    if (!joined && !newSentence && !semicolon) continue;
    const subject = joined ? i + 1 : i;
    if (semicolon ? !opensReport(tokens, subject, last) : !opensQuotedClause(tokens, subject, last)) continue;
    let end = i - 1;
    while (end > first && /^[,;:—–]$/.test(tokens[end]!.text)) end--;
    return end;
  }
  return null;
}

/** The token after a capitalised name opening at `at` ("Texas Right to Life | called"), or -1 when none opens there. */
function afterName(tokens: Token[], at: number, last: number): number {
  if (!capitalised(tokens[at]) || tokens[at]!.inQuote) return -1;
  let k = at + 1;
  while (k <= last && k - at < MAX_NAME_TOKENS && (capitalised(tokens[k]) || NAME_LINKS.has(tokens[k]!.text))) k++;
  return k;
}

/** A capitalised subject at `at`, then a reporting verb ("says", "claims", "warns"). */
function opensReport(tokens: Token[], at: number, last: number): boolean {
  const k = afterName(tokens, at, last);
  return k >= 0 && REPORTING.has(tokens[k]?.text ?? '');
}
const REPORTING = new Set(
  'says said claims claimed warns warned insists insisted denies denied accuses accused'.split(' '),
);

/** A capitalised subject at `at`, then a verb, then an opening quotation mark within a few words, before `last`. */
function opensQuotedClause(tokens: Token[], at: number, last: number): boolean {
  const k = afterName(tokens, at, last);
  if (k < 0 || !verbLike(tokens[k])) return false;
  for (let q = k + 1; q <= Math.min(last, k + MAX_VERB_TO_QUOTE); q++) if (tokens[q]!.quote === 'open') return true;
  return false;
}
