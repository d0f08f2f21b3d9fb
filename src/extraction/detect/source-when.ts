import { afterDateline, WEEKDAYS } from './content';
import { type Draft, run } from './draft';
import { FINITE_VERBS } from './speaker-edges';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * Wire copy puts the day between the speaker and the cue ("A High Court judge on Tuesday ruled …", "The World
 * Health Organization on Monday warned …") and the dateline before the speaker ("GENEVA (Reuters) - The World
 * Health Organization …"). The taggers draw the source through the day, or stop on its "on", and the speaker's name
 * became "a High Court judge on" or "Australia" titled "-" of "CANBERRA". Neither is part of who spoke: PolNeAR
 * train draws "on Thursday" out of a source right before its cue ("House Speaker Paul Ryan on Thursday | declared":
 * gold "House Speaker Paul Ryan"), but keeps it after a verb or relative clause inside the source ("a poll released
 * Wednesday", "who endorsed Mr. Rubio on Tuesday"), which these edges leave alone.
 */
const WHEN_PREFIX = new Set(['on', 'early', 'late', 'earlier', 'later']);
// Days only (WEEKDAYS): a month is a poll's or a survey's ("A Times/CBS News poll in December" is PolNeAR's whole source).
// "Some students may | have thought", "A YouGov poll … has | revealed": an auxiliary is the verb's, not the speaker's
// (PolNeAR train: 5 of 6 such sources are gold without it, and none with). Written in lower case: "Theresa May" is a name.
const AUXILIARIES = new Set('may might could would will should must can has have had did does do'.split(' '));
// "Speaker Milton Dick twice | warned", "The governor first | named": how often or when, not who (PolNeAR train: no
// source before its cue ends on one).
const ADVERBS = new Set(
  'twice again also repeatedly once previously already recently quickly immediately publicly privately separately first never'.split(
    ' ',
  ),
);
// A source holding a verb or relative clause says when of that verb, not of the statement.
const CLAUSAL = /^(?:who|which|that|whose|out|\p{L}+ed|\p{L}+ing)$/u;

export function sourceWithoutWhen(tokens: Token[], d: Draft): Draft {
  if (d.source.length === 0) return d;
  const source = d.source.map((s) =>
    withoutDateline(tokens, withoutWhen(tokens, d, possessed(tokens, d, nameToCue(tokens, d, withoutWho(tokens, s))))),
  );
  return source.every((s, i) => s === d.source[i]) ? d : { ...d, source };
}

/** Drops "on", "on Tuesday", "early Wednesday" closing a source of a name or noun right before the cue. */
function withoutWhen(tokens: Token[], d: Draft, s: TagRun): TagRun {
  const w = (k: number) => tokens[k]!.text.toLowerCase();
  // Before its cue, or before another verb whose subject it shares ("U.S. officials have | criticised …, calling").
  const verbNext = /^\p{Ll}+$/u.test(tokens[s.last + 1]?.text ?? '');
  if (
    s.last > s.first &&
    AUXILIARIES.has(tokens[s.last]!.text) &&
    (cueAfter(tokens, d, s.last + 1) || (verbNext && !clausal(tokens, s.first, s.last)))
  )
    return run(s.first, s.last - 1);
  if (!cueAfter(tokens, d, s.last + 1)) return s;
  if (s.last > s.first && ADVERBS.has(tokens[s.last]!.text) && !clausal(tokens, s.first, s.last - 1))
    return run(s.first, s.last - 1);
  let last = s.last;
  const day = WEEKDAYS.has(w(last));
  if (day) last--;
  while (last > s.first && WHEN_PREFIX.has(w(last))) last--;
  // Without the day, only its "on" (the tagger stopped short of the day): not "late" or "earlier" alone.
  if (last < s.first || WHEN_PREFIX.has(w(last)) || (!day && !(last === s.last - 1 && w(s.last) === 'on'))) return s;
  return clausal(tokens, s.first, last) ? s : run(s.first, last);
}

const isWhen = (t: Token | undefined): boolean =>
  !!t && (WEEKDAYS.has(t.text.toLowerCase()) || WHEN_PREFIX.has(t.text.toLowerCase()));

/** Whether a cue of the draft starts at `from`, or after words saying when ("… on | Tuesday | ruled"). */
function cueAfter(tokens: Token[], d: Draft, from: number): boolean {
  let k = from;
  while (k < tokens.length && k - from < 3 && isWhen(tokens[k]) && !d.cue.some((c) => c.first === k)) k++;
  return d.cue.some((c) => c.first === k);
}

const clausal = (tokens: Token[], first: number, last: number): boolean =>
  tokens.slice(first, last + 1).some((t) => /^\p{Ll}/u.test(t.text) && CLAUSAL.test(t.text));

/**
 * The tokenizer splits a possessive "'s" off its word, and a source the tagger starts on the "s" ("s health ministry")
 * starts on the possessor's name instead ("Brazil's health ministry"; PolNeAR train, `fast`: 22 sources opened on
 * "s", none right). One that ends on the "s" a few lowercase nouns before its cue ("Australia's | opposition on
 * Wednesday accused") takes the nouns it owns.
 */
function possessed(tokens: Token[], d: Draft, s: TagRun): TagRun {
  const isS = (k: number) => /^[sS]$/.test(tokens[k]?.text ?? '') && /^['’]$/.test(tokens[k - 1]?.text ?? '');
  // "He’s | comparing": after a pronoun the "s" is "is" or "has", and the pronoun is the speaker.
  const pronoun = (k: number) => CONTRACTED.has(tokens[k]?.text.toLowerCase() ?? '');
  let first = s.first;
  if (isS(first) && first >= 2 && tokens[first - 2]!.sent === tokens[first]!.sent) {
    if (pronoun(first - 2)) return run(first - 2, first - 2);
    first -= 2;
    while (first > 0 && tokens[first - 1]!.sent === tokens[first]!.sent && /^\p{Lu}/u.test(tokens[first - 1]!.text))
      first--;
  }
  let last = s.last;
  if (isS(last) && !pronoun(last - 2)) {
    let k = last + 1;
    while (
      k - last <= MAX_OWNED &&
      /^\p{Ll}+$/u.test(tokens[k]?.text ?? '') &&
      !isWhen(tokens[k]) &&
      !VERBISH.has(tokens[k]!.text) &&
      !d.cue.some((c) => c.first === k)
    )
      k++;
    if (k > last + 1 && !d.cue.some((c) => c.first < k && c.last > last) && cueAfter(tokens, d, k)) last = k - 1;
  }
  return first === s.first && last === s.last ? s : run(first, last);
}
const CONTRACTED = new Set(['he', 'she', 'it', 'that', 'there', 'what', 'who', 'here', 'where']);
const VERBISH = new Set([...FINITE_VERBS, ...AUXILIARIES, 'be', 'been', 'being']);
const MAX_OWNED = 4;

/**
 * "“…,” said Weaver, who | said business executives …": a source ending on the comma and relative pronoun of its
 * clause is the name before them (PolNeAR train: 20 of 39 such sources are gold without ", who", none with it).
 */
function withoutWho(tokens: Token[], s: TagRun): TagRun {
  if (s.last - s.first < 2 || !/^(?:who|which)$/i.test(tokens[s.last]!.text) || tokens[s.last - 1]!.text !== ',')
    return s;
  return run(s.first, s.last - 2);
}

/** "Prime Minister Theresa | May | said": the last word of a name the tagger left out, alone between it and the cue. */
function nameToCue(tokens: Token[], d: Draft, s: TagRun): TagRun {
  const next = tokens[s.last + 1];
  const cap = (t: Token | undefined) => !!t && /^\p{Lu}\p{Ll}+$/u.test(t.text);
  if (!cap(tokens[s.last]) || !cap(next) || next!.sent !== tokens[s.last]!.sent) return s;
  // Not in a headline, where every word is capitalised ("Al Sharpton Just Said").
  const cue = d.cue.find((c) => c.first === s.last + 2);
  return cue && /^\p{Ll}/u.test(tokens[cue.first]!.text) ? run(s.first, s.last + 1) : s;
}

/** "CANBERRA (Reuters) - Australia's opposition": the speaker starts after the dateline. */
function withoutDateline(tokens: Token[], s: TagRun): TagRun {
  const first = afterDateline(tokens, s.first, s.last);
  return first > s.first && first <= s.last ? run(first, s.last) : s;
}
