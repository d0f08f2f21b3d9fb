import { type Draft, isPunct, overlaps, run } from './draft';
import { CIRCUMSTANCE, SAY } from './rules';
import { LEAD_PREPOSITIONS } from './tighten';
import type { Token } from './tokenize';
import type { TagRun } from './spans';

/**
 * The edges of the reported clause, after the taggers and rules have placed it: where wire copy puts words the
 * PolNeAR-trained taggers misplace ("said at least …", "said Sunday's blast …", "told reporters …") and quotation
 * marks a content opens but does not close.
 */
const QUANTIFIER_PAIRS = new Set([
  'at least',
  'at most',
  'up to',
  'as many',
  'as much',
  'as few',
  'more than',
  'less than',
  'fewer than',
]);

/**
 * "said at least 40 …", "said up to 300 …": the quantifier's first word belongs to the content, not to the cue
 * (where a learned particle like "said at" puts it) nor to the gap before the content.
 */
export function rejoinQuantifier(tokens: Token[], words: string[], d: Draft): Draft {
  const k = d.content[0];
  if (!k || k.first === 0 || !QUANTIFIER_PAIRS.has(`${words[k.first - 1]} ${words[k.first]}`)) return d;
  const at = k.first - 1;
  if (tokens[at]!.sent !== tokens[k.first]!.sent || overlaps([run(at, at)], d.source)) return d;
  const cue = d.cue.map((c) => (c.last === at ? run(c.first, at - 1) : c)).filter((c) => c.first <= c.last);
  return { ...d, cue, content: [run(at, k.last), ...d.content.slice(1)] };
}

const MAX_RECLAIM = 6;

/**
 * "Police said Sunday's blast was …": with the speaker before "said", the words between "said" and the content
 * open the reported clause; the taggers sometimes take them as more cue ("said blast") or source ("'s").
 */
export function reclaimAfterSay(tokens: Token[], words: string[], d: Draft): Draft {
  const k = d.content[0];
  if (!k || d.content.length !== 1) return d;
  const say = d.cue.find((c) => SAY.has(words[c.first]!) && c.first < k.first && k.first - c.first <= MAX_RECLAIM);
  if (!say || !d.source.some((s) => s.last < say.first) || tokens[say.first]!.sent !== tokens[k.first]!.sent) return d;
  const from = say.first + 1;
  const possessive = /^['’]/.test(words[from + 1] ?? '');
  if (from >= k.first || (NOT_A_CLAUSE_HEAD.has(words[from]!) && !possessive) || /^[,:;"“”]$/.test(words[from]!))
    return d;
  const inGap = (r: { first: number; last: number }) => r.first >= from && r.last < k.first;
  const cue = d.cue.map((c) => (c === say ? run(c.first, c.first) : c)).filter((c) => !inGap(c));
  return { ...d, cue, source: d.source.filter((s) => !inGap(s)), content: [run(from, k.last)] };
}

// After "said" a circumstance ("said in a statement", "said on Monday") or "that" opens what follows, not a noun.
const NOT_A_CLAUSE_HEAD = new Set([...CIRCUMSTANCE, 'that', 'for', 'with', 'by']);

const TELL = new Set(['told', 'tell', 'tells', 'telling']);
const ADDRESSEE_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'local',
  'his',
  'her',
  'its',
  'their',
  'our',
  'state',
  'foreign',
]);
// Words that open the reported clause after the addressee ("told reporters the repairs …", "told members to …").
const CLAUSE_OPENERS = new Set(
  'the a an that to it he she they we i there this these those his her its their our no some all every if how why what when'.split(
    ' ',
  ),
);
const MAX_ADDRESSEE = 5;
// "told reporters outside the courthouse that …": where the telling happened, between the addressee and "that".
const CIRCUMSTANCE_PREPOSITIONS = new Set([...LEAD_PREPOSITIONS, 'outside', 'inside', 'near', 'following', 'amid']);

/**
 * "She told reporters the repairs cost $4 million": after "told" comes who was told, then what; the content starts
 * after the addressee, whichever word the content tagger started it on.
 */
export function skipAddressee(tokens: Token[], words: string[], d: Draft): Draft {
  const k = d.content[0];
  const tell = d.cue.find(
    (c) => TELL.has(words[c.last]!) && k && c.last < k.first && k.first - c.last <= MAX_ADDRESSEE + 3,
  );
  if (!k || !tell || d.content.length !== 1) return d;
  let j = tell.last + 1;
  if (ADDRESSEE_DETERMINERS.has(words[j] ?? '')) j++;
  const firstWord = j;
  // "told the BBC's Today programme that …": a possessive's apostrophe and "s" are tokens of their own.
  let possessives = 0;
  // A capitalised opener right after a possessive is a programme's name ("told ABC's This Week that").
  const opens = (i: number) =>
    CLAUSE_OPENERS.has(words[i]!) && !(/^\p{Lu}/u.test(tokens[i]!.text) && isPossessive(tokens, words, i - 2));
  while (j < tokens.length && j - firstWord - possessives < MAX_ADDRESSEE && !opens(j)) {
    if (isPossessive(tokens, words, j) && j > firstWord) {
      j += 2;
      possessives += 2;
    } else if (isPunct(tokens[j])) break;
    else j++;
  }
  if (j === firstWord || j > k.last || tokens[j]!.sent !== tokens[k.first]!.sent) return d;
  let start = j;
  // A "that" a few words on, inside the content (searched no further: this runs for every draft).
  let that = -1;
  for (let w = j; w <= Math.min(j + MAX_ADDRESSEE, k.last); w++) {
    if (words[w] === 'that') {
      that = w;
      break;
    }
  }
  // "told reporters earlier in the week that …": a circumstance after the addressee ends at "that", not at "the".
  const circumstance = words.slice(firstWord, j).some((w) => CIRCUMSTANCE_PREPOSITIONS.has(w));
  if (circumstance && that > j) {
    start = that;
  } else if (CIRCUMSTANCE_PREPOSITIONS.has(words[j]!)) {
    if (that < 0) return d;
    start = that;
  } else if (isPunct(tokens[j]) || !CLAUSE_OPENERS.has(words[j]!)) return d;
  return start === k.first ? d : { ...d, content: [run(start, k.last)] };
}

const isPossessive = (tokens: Token[], words: string[], j: number): boolean =>
  /^['’]$/.test(tokens[j]?.text ?? '') && words[j + 1] === 's';

/**
 * `that “an enemy remains an enemy`: a content holding a quotation's opening mark ends with its closing one, so
 * the claim text reads balanced (the scorer trims quote marks at the edges, so spans score the same); so does one
 * holding an opening bracket.
 */
export function balanceQuotes(tokens: Token[], d: Draft): Draft {
  const content = d.content.map((k) => {
    let open = 0;
    for (let i = k.first; i <= k.last; i++) {
      if (tokens[i]!.quote === 'open') open++;
      else if (tokens[i]!.quote === 'close' && open > 0) open--;
    }
    if (open < 1) return closeBracket(tokens, k);
    let j = k.last + 1;
    while (j < tokens.length && j - k.last <= 2 && /^[.,!?;]$/.test(tokens[j]!.text)) j++;
    if (tokens[j]?.quote !== 'close' || tokens[j]!.para !== tokens[k.last]!.para) return k;
    return run(k.first, j);
  });
  const changed = content.some((k, i) => k !== d.content[i]);
  return changed ? { ...d, content } : d;
}

/** "at a depth of 10 km (6 miles": a content that opens a bracket takes the closing one right after it. */
function closeBracket(tokens: Token[], k: TagRun): TagRun {
  let open = 0;
  for (let i = k.first; i <= k.last; i++)
    open += tokens[i]!.text === '(' ? 1 : tokens[i]!.text === ')' && open > 0 ? -1 : 0;
  return open > 0 && tokens[k.last + 1]?.text === ')' ? run(k.first, k.last + 1) : k;
}
