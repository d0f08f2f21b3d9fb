import { agreement, contentCandidates, isCircumstance, type Layout, MAX_CONTENT_TOKENS } from './content';
import { type Draft, isPunct, trimRun } from './draft';
import { MAX_RELATIVE, relativeClauseClose } from './cue-cleanup';
import { looseSourceRuns } from './loose-source';
import { runsNear, type TagRun, tagsToRuns } from './spans';
import type { Tagged } from './tag';
import { inBackground, participleAfter } from './reporter-comment';
import { OPENERS } from './tag-repairs';
import { FINITE_VERBS } from './speaker-edges';
import { openingSubject } from './opening-subject';
import { CONTRAST_JOINS } from './tighten';
import type { Token } from './tokenize';

/**
 * Links each predicted cue to one source and one content: PolNeAR attributions live inside a paragraph,
 * with the source usually right before the cue (or right after it, "says X") and the content beside it.
 */
const MAX_SOURCE_GAP = 8;
const MAX_CONTENT_GAP = 15;

/** Tokens strictly between two runs, or Infinity when they are in different paragraphs. */
function gap(tokens: Token[], a: TagRun, b: TagRun): number {
  if (tokens[a.first]!.para !== tokens[b.first]!.para) return Number.POSITIVE_INFINITY;
  if (a.last < b.first) return b.first - a.last - 1;
  if (b.last < a.first) return a.first - b.last - 1;
  return -1;
}

interface Unit {
  cue: TagRun;
  source: TagRun | null;
  lo: number;
  hi: number;
}

/** The nearest source run in the cue's sentence, preferring the left side on ties. */
function pickSource(tokens: Token[], cue: TagRun, sources: TagRun[]): TagRun | null {
  let best: TagRun | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  // Further back by a relative clause's length: "The union, which represents 40,000 nurses, said".
  for (const s of runsNear(sources, cue.first - MAX_SOURCE_GAP - MAX_RELATIVE - 1, cue.last + MAX_SOURCE_GAP + 1)) {
    const g = relativeClauseBetween(tokens, s, cue) ? 1 : gap(tokens, cue, s);
    if (g < 0 || g > MAX_SOURCE_GAP || tokens[s.first]!.sent !== tokens[cue.first]!.sent) continue;
    if (s.first > cue.last && (subjectOfContent(tokens, s) || toldIn(tokens, cue))) continue;
    const score = g * 2 + (s.last < cue.first ? 0 : 1);
    if (score < bestScore) {
      bestScore = score;
      // The abbreviation's full stop trimmed off the source is the name's ("Robert Kennedy Jr.").
      best = s.last < cue.first && periodAfter(tokens, s.last) > s.last ? { ...s, last: s.last + 1 } : s;
    }
  }
  return best;
}

/**
 * "…, said the chief executive had been told": words after the cue that a finite verb follows are the subject of
 * what was said, not an inverted speaker ("…, said the chief executive.").
 */
const subjectOfContent = (tokens: Token[], s: TagRun): boolean =>
  FINITE_VERBS.has(tokens[s.last + 1]?.text.toLowerCase() ?? '');

/**
 * Whether the cue says "told" (with `passive`: a passive "told", or a passive "reported", "announced", "asked",
 * "said" — see REPORTED). "… but told German broadcaster Sky that …":
 * whoever follows "told" heard it (PolNeAR train: of 429 sources of a "told" cue, none after it). "The chief
 * executive had been told about the delay": the subject of a passive "told" heard it too; who told is unsaid
 * (PolNeAR train: no such subject is ever the source).
 */
function toldIn(tokens: Token[], cue: TagRun, passive = false): boolean {
  for (let i = cue.first; i <= cue.last; i++)
    if (
      (tokens[i]!.text.toLowerCase() === 'told' || (passive && REPORTED.has(tokens[i]!.text.toLowerCase()))) &&
      (!passive || PASSIVE_AUX.has(tokens[i - 1]?.text.toLowerCase() ?? ''))
    )
      return true;
  return false;
}
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
// "More than 4 million cases had been reported", "Rubio was asked whether …": what was reported or asked is never who
// did so (not "quoted as saying": the one quoted is)
const REPORTED = new Set(['reported', 'announced', 'asked', 'said']);

/** "The union, which represents 40,000 nurses, said": a speaker its relative clause separates from the cue. */
const relativeClauseBetween = (tokens: Token[], s: TagRun, cue: TagRun): boolean =>
  s.last < cue.first && relativeClauseClose(tokens, periodAfter(tokens, s.last) + 1) === cue.first - 1;

/** "Robert Kennedy Jr., who …": the abbreviation's full stop (a token of its own, trimmed off the source) if one ends it. */
const periodAfter = (tokens: Token[], i: number): number =>
  tokens[i + 1]?.text === '.' && tokens[i + 1]!.start === tokens[i]!.end && tokens[i + 2]?.text === ',' ? i + 1 : i;

/** The last token before a second statement's cue, without the ", and" that joins the two statements. */
function conjunctionBefore(tokens: Token[], cue: number, floor: number): number {
  let j = cue - 1;
  while (j > floor && /^(?:,|and|but|then|also|;)$/i.test(tokens[j]!.text)) j--;
  return j;
}

export function groupRuns(t: Tagged, lay: Layout): Draft[] {
  const { tokens } = t;
  const sources = tagsToRuns(t.source, tokens, true, true)
    .map((r) => trimRun(tokens, r))
    .filter((r): r is TagRun => r !== null);
  // A content longer than any plausible quotation is the tagger running away on odd input.
  const contents = tagsToRuns(t.content, tokens, true).filter((r) => r.last - r.first < MAX_CONTENT_TOKENS);
  const loose = looseSourceRuns(t);
  const cues = tagsToRuns(t.cue, tokens, true, true);
  const units: Unit[] = cues.map((cue, i) => {
    const source = toldIn(tokens, cue, true)
      ? null
      : (pickSource(tokens, cue, sources) ??
        pickSource(tokens, cue, loose) ??
        // First in its sentence, after "but"/"and": the sentence's opening subject's (shareSubjects below covers
        // a cue with an earlier one in its sentence).
        (i > 0 && tokens[cues[i - 1]!.first]!.sent === tokens[cue.first]!.sent
          ? null
          : openingSubject(tokens, lay, cue)));
    const lo = source ? Math.min(source.first, cue.first) : cue.first;
    const hi = source ? Math.max(source.last, cue.last) : cue.last;
    return { cue, source, lo, hi };
  });
  shareSubjects(tokens, units);
  const out: Draft[] = [];
  units.forEach((u, i) => {
    const prev = units[i - 1];
    if (inBackground(tokens, prev?.cue, u.cue)) return;
    const next = units[i + 1];
    const sent = tokens[u.cue.first]!.sent;
    // Contents stop at a neighbouring attribution in the same sentence ("A said B, and C said D"), or at its cue
    // when the two share a subject ("The union said B and told members C": the second cue starts a new statement).
    const sharedPrev = prev?.source && prev.source === u.source && tokens[prev.cue.last]!.sent === sent;
    const sharedNext = next?.source && next.source === u.source && tokens[next.cue.first]!.sent === sent;
    const min = sharedPrev ? u.cue.first : prev && tokens[prev.hi]!.sent === sent && prev.hi < u.lo ? prev.hi + 1 : 0;
    const max = sharedNext
      ? conjunctionBefore(tokens, next.cue.first, u.cue.last)
      : next && tokens[next.lo]!.sent === sent && next.lo > u.hi
        ? next.lo - 1
        : tokens.length - 1;
    const lo = sharedPrev ? u.cue.first : u.lo;
    const hi = sharedPrev ? u.cue.last : u.hi;
    let candidates = contentCandidates(tokens, lay, lo, hi, min, max);
    for (const k of runsNear(contents, u.cue.first - MAX_CONTENT_GAP - 1, u.cue.last + MAX_CONTENT_GAP + 1)) {
      const g = gap(tokens, u.cue, k);
      // Tagged contents in other sentences belong to other cues unless they are quotations.
      const sameSent = tokens[k.first]!.sent === sent || tokens[k.last]!.sent === sent;
      if (!sameSent && !tokens[k.first]!.inQuote) continue;
      if (g >= 0 && g <= MAX_CONTENT_GAP && (!(sharedPrev || sharedNext) || (k.first >= min && k.last <= max)))
        candidates.push(k);
    }
    // A participle clause just after the cue is the reporter's comment, whatever the tagger says.
    candidates = candidates.filter((c) => c.first <= u.cue.last || !participleAfter(tokens, u.cue.last, c));
    // "Kato declined to comment on X, but said Y": after "but"/"and", what was said follows the cue; the clause
    // before it is the subject's other doing, not this statement.
    const afterConjunction =
      CONJUNCTIONS.has(tokens[u.cue.first - 1]?.text.toLowerCase() ?? '') && tokens[u.cue.first - 2]?.text === ',';
    if (afterConjunction) candidates = candidates.filter((c) => c.first > u.cue.last);
    // "…, which she described as “an insult.”": the relative pronoun before the speaker stands for the thing
    // described; what comes before it is another statement's.
    const relativeBefore =
      u.source &&
      u.source.last < u.cue.first &&
      RELATIVE_OBJECTS.has(tokens[u.source.first - 1]?.text.toLowerCase() ?? '');
    if (relativeBefore) candidates = candidates.filter((c) => c.first > u.cue.last);
    // "…, though some researchers say the evidence is mixed": a speaker a conjunction brings in after a comma speaks
    // after the cue; the clause before is the sentence's other statement.
    const joinedSpeaker =
      u.source &&
      u.source.last < u.cue.first &&
      CONTRAST_JOINS.has(tokens[u.source.first - 1]?.text.toLowerCase() ?? '') &&
      tokens[u.source.first - 2]?.text === ',';
    if (joinedSpeaker && candidates.some((c) => c.first > u.cue.last))
      candidates = candidates.filter((c) => c.first > u.cue.last);
    candidates = beforeNextCue(tokens, u, next, candidates);
    let best: TagRun | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const leftSource = u.source !== null && u.source.last < u.cue.first;
    // "A said B, while the regulator insisted C": C comes after the next attribution's own speaker, whom
    // "while"/"whereas"/"but" introduces, and is that speaker's.
    const nextOwns =
      next?.source && next.source !== u.source && next.source.last < next.cue.first && next.lo > u.hi
        ? tokens[next.cue.first]!.sent === sent && OPENERS.has(tokens[next.source.first - 1]?.text.toLowerCase() ?? '')
        : false;
    // The clause after the cue in its own sentence, when it says more than when.
    const ownClause = candidates.some(
      (c) =>
        c.first === u.hi + 1 && c.last - c.first >= 2 && tokens[c.last]!.sent === sent && !isCircumstance(tokens, c),
    );
    for (const c of candidates) {
      // "A said B, while others warned C": B follows the previous cue and belongs to it, not to this one.
      if (leftSource && prev && tokens[prev.cue.last]!.sent === sent && c.first > prev.cue.last && c.last < u.lo)
        continue;
      if (nextOwns && c.first > u.hi && c.first >= next!.lo) continue;
      // "“…,” the person said": the quotation closing right before the speaker is the content.
      const between = c.last < u.lo && c.last + 3 >= u.lo ? tokens.slice(c.last + 1, u.lo) : [];
      const quoted =
        tokens[c.first - 1]?.quote === 'open' &&
        between.some((k) => k.quote === 'close') &&
        between.every((k) => isPunct(k)) &&
        !ownClauseAfter(lay, between, u.hi);
      // A quotation in the next sentence belongs to its own cue when this sentence has a clause for this one.
      const inSentence = tokens[c.first]!.sent === sent || tokens[c.last]!.sent === sent;
      // "One worker, who asked not to be named, said he worked 60-hour weeks. “We are not robots,” he said.": a
      // quotation whose own sentence holds the next cue is that cue's, even when this cue's clause is untagged.
      if (!inSentence && ownClause && next && tokens[next.cue.first]!.sent === tokens[c.first]!.sent) continue;
      const s = agreement(tokens, t.content, c) + (quoted ? 1000 : 0) + (inSentence ? 100 : 0);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    // No candidate the content tagger agrees with: fall back to the clause after (or before) the cue.
    // A clause after the cue that only says when ("said on Thursday.") gives way to the sentence before it.
    if (!best) best = candidates.find((c) => c.last > c.first && !isCircumstance(tokens, c)) ?? null;
    if (!best) return;
    out.push({ cue: [u.cue], source: u.source ? [u.source] : [], content: [best], origin: 'tagger', confidence: 0.7 });
  });
  return out;
}

const CONJUNCTIONS = new Set(['and', 'but', 'then']);
const RELATIVE_OBJECTS = new Set(['which', 'whom']);

/**
 * "Beljaarts urged both sides to return to the table, saying the government would not intervene": with a content
 * of its own between it and the next cue of its sentence, a cue does not reach past that cue: what follows is the
 * next statement's ("…, saying …", "…, adding …").
 */
function beforeNextCue(tokens: Token[], u: Unit, next: Unit | undefined, candidates: TagRun[]): TagRun[] {
  if (!next || next.cue.first <= u.cue.last || tokens[next.cue.first]!.sent !== tokens[u.cue.first]!.sent)
    return candidates;
  // Only a participle after a comma, with no speaker of its own: a cue tagged inside this statement's content
  // ("reports Clinton's team avoided …") is a verb of what was said, and the content runs over it.
  const comma = next.cue.first - 1;
  if (tokens[comma]?.text !== ',' || next.source || !/ing$/.test(tokens[next.cue.first]!.text)) return candidates;
  const own = candidates.some((c) => c.first > u.cue.last && c.last === comma - 1 && c.last > c.first);
  return own ? candidates.filter((c) => c.first <= next.cue.last) : candidates;
}
// "said on Thursday." / "said in an interview.": words after the cue that only say when or where.
const MAX_CLOSING_WORDS = 4;

/**
 * "…“playing politics with people's homes.” She said she had spoken to …": a quotation closed by a full stop ends
 * its sentence, and a cue whose own sentence goes on after it has its content there. Only "“….” she said." with
 * nothing (or a circumstance) after the cue takes the quotation before it.
 */
function ownClauseAfter(lay: Layout, between: Token[], cueEnd: number): boolean {
  if (!between.some((k) => k.text === '.')) return false;
  return lay.sentLast[cueEnd]! - cueEnd > MAX_CLOSING_WORDS;
}

/**
 * "Streeting warned that … and accused the government of …": a cue right after a conjunction, with no source of
 * its own, shares the subject of the statement before it in the sentence (too far back for pickSource's gap).
 */
function shareSubjects(tokens: Token[], units: Unit[]): void {
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    const prev = units[i - 1]!;
    const before = tokens[u.cue.first - 1];
    // "Varga, the health minister, urged …, saying …": a participle after a comma shares the subject too, a speech
    // verb or not ("…, recalling that …", "…, pointing to …": PolNeAR train, 15 more claims right of 17).
    const participle = before?.text === ',' && /^\p{Ll}+ing$/u.test(tokens[u.cue.first]!.text);
    if (u.source || !prev.source || !before || !(participle || CONJUNCTIONS.has(before.text.toLowerCase()))) continue;
    if (tokens[prev.cue.first]!.sent !== tokens[u.cue.first]!.sent) continue;
    u.source = prev.source;
  }
}
