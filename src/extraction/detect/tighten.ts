import { afterDateline, type Layout } from './content';
import { type Draft, isPunct, overlaps, run } from './draft';
import type { Token } from './tokenize';

const LEAD_IN_TOKENS = 5;
const LEAD_IN_CLAUSE_TOKENS = 12;
const MAX_THAT_GAP = 3;
const LEAD_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'from', 'via', 'through']);
// PolNeAR cues carry their auxiliaries, modals and a few adverbs ("has said", "could call on", "also
// noted", "to say", "has publicly said"): in train they are inside the cue 731:7 for "has", 282:21 for "also", 200:57 for "to".
const CUE_PREFIX = new Set(
  'has have had is are was were will would could can may might should did does do not also just still must already even to then'.split(
    ' ',
  ),
);
const MAX_CUE_PREFIX = 3;
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
const FUNCTION_WORDS = new Set([
  ...CUE_PREFIX,
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'from',
  'and',
  'or',
  'but',
  'that',
  'be',
  'been',
  'being',
  ',',
  '.',
]);

/** Grows each cue leftwards over the auxiliaries right before it, stopping at the source. */
export function extendCue(tokens: Token[], words: string[], d: Draft): Draft {
  let changed = false;
  const cue = d.cue.map((c) => {
    let first = c.first;
    while (
      first > 0 &&
      c.first - first < MAX_CUE_PREFIX &&
      (CUE_PREFIX.has(words[first - 1]!) ||
        (/^[a-z]+ly$/.test(words[first - 1]!) && CUE_PREFIX.has(words[first - 2] ?? ''))) &&
      tokens[first - 1]!.sent === tokens[c.first]!.sent &&
      !overlaps([run(first - 1, first - 1)], [...d.source, ...d.content])
    )
      first--;
    if (first !== c.first) changed = true;
    return run(first, c.last);
  });
  // A "cue" of function words alone ("to", "has", "on") is a tagging slip; the claim stays, the cue goes.
  const kept = cue.filter((c) => !words.slice(c.first, c.last + 1).every((w) => FUNCTION_WORDS.has(w)));
  if (kept.length !== cue.length) changed = true;
  return changed ? { ...d, cue: kept } : d;
}

/**
 * Content boundaries the tagger tends to overshoot: a short lead-in before a quotation ("of Clinton,
 * “If she …”" → the quotation) and the inverted speaker at the end ("…, the source said" when the
 * content ran over ", the source"). Spans only shrink, never grow.
 */
export function tightenContent(tokens: Token[], lay: Layout, d: Draft): Draft {
  if (d.content.length !== 1) return d;
  let { first, last } = d.content[0]!;
  // A quotation opening within a few tokens, after a comma or colon, and running to the content's end.
  for (let i = first; i <= Math.min(last - 1, first + LEAD_IN_TOKENS); i++) {
    if (tokens[i]!.quote !== 'open') continue;
    const close = lay.quoteClose[i + 1] ?? -1;
    const before = tokens[i - 1]?.text;
    const closesAtEnd =
      close >= last - 1 && close <= last + 3 && tokens.slice(last + 1, close).every((t) => /^[.,!?;:]$/.test(t.text));
    if (i > first && (before === ',' || before === ':') && closesAtEnd) first = i + 1;
    break;
  }
  // A circumstance before the reported clause ("on its website that …", "in Ohio that …") is not content.
  if (LEAD_PREPOSITIONS.has(tokens[first]!.text.toLowerCase())) {
    for (let i = first + 1; i <= Math.min(last - 2, first + LEAD_IN_CLAUSE_TOKENS); i++) {
      if (tokens[i]!.text.toLowerCase() === 'that') {
        first = i;
        break;
      }
    }
  }
  // "… said that X …": the reported clause starts at "that" (PolNeAR puts it inside the content), even when
  // the tagger started the content a few words later.
  for (const c of d.cue) {
    const that = c.last + 1;
    if (
      that < first &&
      first - that <= MAX_THAT_GAP &&
      tokens[that]?.text.toLowerCase() === 'that' &&
      tokens[that]!.sent === tokens[first]!.sent
    ) {
      first = that;
      break;
    }
  }
  first = afterDateline(tokens, first, last);
  // Content must not swallow its own speaker or cue.
  for (const r of [...d.source, ...d.cue]) {
    if (r.first > first && r.first <= last && overlaps([r], [run(first, last)])) last = Math.min(last, r.first - 1);
  }
  while (last > first && /^[,;:—–]$/.test(tokens[last]!.text)) last--;
  if (first === d.content[0]!.first && last === d.content[0]!.last) return d;
  return last >= first ? { ...d, content: [run(first, last)] } : d;
}

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

const SAY_VERBS = new Set(['said', 'says', 'say']);
const MAX_RECLAIM = 6;

/**
 * "Police said Sunday's blast was …": with the speaker before "said", the words between "said" and the content
 * open the reported clause; the taggers sometimes take them as more cue ("said blast") or source ("'s").
 */
export function reclaimAfterSay(tokens: Token[], words: string[], d: Draft): Draft {
  const k = d.content[0];
  if (!k || d.content.length !== 1) return d;
  const say = d.cue.find(
    (c) => SAY_VERBS.has(words[c.first]!) && c.first < k.first && k.first - c.first <= MAX_RECLAIM,
  );
  if (!say || !d.source.some((s) => s.last < say.first) || tokens[say.first]!.sent !== tokens[k.first]!.sent) return d;
  const from = say.first + 1;
  const possessive = /^['’]/.test(words[from + 1] ?? '');
  if (from >= k.first || (PARTICLES_OR_THAT.has(words[from]!) && !possessive) || /^[,:;"“”]$/.test(words[from]!))
    return d;
  const inGap = (r: { first: number; last: number }) => r.first >= from && r.last < k.first;
  const cue = d.cue.map((c) => (c === say ? run(c.first, c.first) : c)).filter((c) => !inGap(c));
  return { ...d, cue, source: d.source.filter((s) => !inGap(s)), content: [run(from, k.last)] };
}

// After "said" these start a circumstance ("said in a statement", "said on Monday") or the clause ("said that").
const PARTICLES_OR_THAT = new Set(
  'that in on at of about to for from during after before with by via this last earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

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
  while (j < tokens.length && j - firstWord < MAX_ADDRESSEE && !CLAUSE_OPENERS.has(words[j]!) && !isPunct(tokens[j]))
    j++;
  if (j === firstWord || j > k.last || tokens[j]!.sent !== tokens[k.first]!.sent) return d;
  let start = j;
  if (LEAD_PREPOSITIONS.has(words[j]!)) {
    const that = words.indexOf('that', j);
    if (that < 0 || that - j > MAX_ADDRESSEE || that > k.last) return d;
    start = that;
  } else if (isPunct(tokens[j]) || !CLAUSE_OPENERS.has(words[j]!)) return d;
  return start === k.first ? d : { ...d, content: [run(start, k.last)] };
}

/**
 * `that “an enemy remains an enemy`: a content holding a quotation's opening mark ends with its closing one, so
 * the claim text reads balanced (the scorer trims quote marks at the edges, so spans score the same).
 */
export function balanceQuotes(tokens: Token[], d: Draft): Draft {
  let changed = false;
  const content = d.content.map((k) => {
    let open = 0;
    for (let i = k.first; i <= k.last; i++) {
      if (tokens[i]!.quote === 'open') open++;
      else if (tokens[i]!.quote === 'close' && open > 0) open--;
    }
    if (open < 1) return k;
    let j = k.last + 1;
    while (j < tokens.length && j - k.last <= 2 && /^[.,!?;]$/.test(tokens[j]!.text)) j++;
    if (tokens[j]?.quote !== 'close' || tokens[j]!.para !== tokens[k.last]!.para) return k;
    changed = true;
    return run(k.first, j);
  });
  return changed ? { ...d, content } : d;
}
