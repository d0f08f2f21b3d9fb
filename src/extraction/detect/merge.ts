import { type Layout, MAX_CONTENT_TOKENS } from './content';
import { type Draft, isPunct, overlaps, run } from './draft';
import { SAY } from './rules';
import { FINITE_VERBS } from './speaker-edges';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * Putting tagger and rule output together: rules win where they claim the same cue, duplicates of one
 * content collapse, page furniture is dropped, and quotations left without a cue become continuations
 * of the attribution just before them.
 */
export function mergeDrafts(tagger: Draft[], rules: Draft[], words: string[], tokens: Token[]): Draft[] {
  const tokenCount = words.length;
  // Token marks rather than pairwise checks keep this linear on long input.
  const ruleCue = new Uint8Array(tokenCount);
  for (const r of rules) for (const c of r.cue) ruleCue.fill(1, c.first, c.last + 1);
  const hit = (runs: TagRun[]) => runs.some((x) => ruleCue.subarray(x.first, x.last + 1).includes(1));
  const kept = tagger.filter((d) => !hit(d.cue) && !hit(d.source));
  const all = [...kept, ...rules].sort((a, b) => first(a) - first(b));
  // Two cues sharing one content ("said … in a statement", "said, referring to …") are one attribution:
  // the cue closest to the content leads and takes the other's cue and source words.
  const byContent = new Map<string, Draft>();
  const nested: Draft[] = [];
  const key = (d: Draft) => d.content.map((r) => `${r.first}-${r.last}`).join(',');
  for (const d of all) {
    const other = byContent.get(key(d));
    if (!other) byContent.set(key(d), d);
    else {
      const [lead, rest] = distance(d) < distance(other) ? [d, other] : [other, d];
      // "X said the chief executive had been told about the delay": the nearer cue has its own subject between it
      // and the other cue, so it is a statement inside the other's, whose content runs through it.
      const outer = enclosing(tokens, rest, lead);
      if (outer) {
        byContent.set(key(d), lead);
        nested.push(outer);
        continue;
      }
      // "Not everyone is convinced. “…,” said X": a cue in another sentence than the content's own cue took the
      // quotation for want of a clause of its own; it is no part of this attribution.
      if (!sameSentence(tokens, lead, rest)) {
        byContent.set(key(d), cueBesideContent(tokens, rest) && !cueBesideContent(tokens, lead) ? rest : lead);
        continue;
      }
      // "“…,” he said, as Labor members shouted “Shame!”": a speaker of its own in a clause that "as"/"while"/"when"
      // subordinates is another event in the scene, not a second speaker of these words; what was said before that
      // clause is the other speaker's, what follows its cue its own ("…, as Republicans continue to warn that …").
      // Not ", as Western Journalism reported,": that clause closed by a comma is the attribution itself.
      const aside = subordinated(words, rest) ? rest : subordinated(words, lead) ? lead : null;
      const asideCue = aside?.cue[aside.cue.length - 1];
      if (
        aside &&
        asideCue &&
        !/^[,.;]$/.test(words[asideCue.last + 1] ?? '') &&
        rest.source.length > 0 &&
        lead.source.length > 0 &&
        !overlaps(rest.source, lead.source)
      ) {
        const owns = d.content[0]!.first > asideCue.last;
        const other = aside === rest ? lead : rest;
        byContent.set(key(d), owns ? aside : other);
        continue;
      }
      const merged: Draft = { ...lead, cue: [...lead.cue] };
      // A non-speech participle after the cue ("he said, referring to …") qualifies the speech; it is not
      // part of the cue. Speech participles ("…, adding …") are annotated as cue words and stay.
      // Nor is one before it in a clause of its own ("Lumora cut its forecast, blaming export curbs, and said …").
      const participle = (c: TagRun) => {
        const w = words[c.first] ?? '';
        if (!/ing$/.test(w) || SPEECH_PARTICIPLES.has(w)) return false;
        const leadFirst = Math.min(...lead.cue.map((l) => l.first));
        return c.first > Math.max(...lead.cue.map((l) => l.last)) || commaClauseBetween(words, c.last, leadFirst);
      };
      // "Stam, asked if the union would accept mediation, said …": the reporters' question is no part of the cue.
      // So is a fronted "Asked whether …, Delgado said": the question opens the sentence.
      const question = (c: TagRun) =>
        words[c.first] === 'asked' &&
        (words[c.first - 1] === ',' || tokens[c.first - 1]?.sent !== tokens[c.first]!.sent);
      for (const c of rest.cue) {
        if (!overlaps([c], merged.cue) && !overlaps([c], merged.source) && !participle(c) && !question(c))
          merged.cue.push(c);
      }
      merged.source = [
        ...lead.source,
        ...rest.source.filter((s) => !overlaps([s], merged.cue) && !overlaps([s], lead.source)),
      ];
      byContent.set(key(d), merged);
    }
  }
  return dropStrayQuotations(
    tokens,
    [...byContent.values(), ...nested].sort((a, b) => first(a) - first(b)),
  );
}

/**
 * "The White House said in a statement it was “confident …”. A decision is expected by June.": a cue whose content is
 * a quotation from another sentence, already inside the content of a cue beside it, took it for want of a clause of
 * its own.
 */
function dropStrayQuotations(tokens: Token[], drafts: Draft[]): Draft[] {
  const inside = (d: Draft, o: Draft) =>
    d.content.every((k) => o.content.some((x) => x.first <= k.first && k.last <= x.last));
  // Only the nearest drafts on either side: linear on long input.
  const near = (i: number) => drafts.slice(Math.max(0, i - 2), i).concat(drafts.slice(i + 1, i + 3));
  return drafts.filter(
    (d, i) => cueBesideContent(tokens, d) || !near(i).some((o) => cueBesideContent(tokens, o) && inside(d, o)),
  );
}

/**
 * `outer` with its content running from after its cue through `inner`'s content, when `inner`'s cue follows
 * `outer`'s in the same sentence with a subject between them (at most "that" before it) whose verb opens `inner`'s
 * cue or follows the subject: otherwise null. `inner`'s speaker, if it has one, is that subject.
 */
function enclosing(tokens: Token[], outer: Draft, inner: Draft): Draft | null {
  const cue = outer.cue[outer.cue.length - 1];
  const innerCue = inner.cue[0];
  const end = inner.content[inner.content.length - 1];
  if (!cue || !innerCue || !end || outer.source.length === 0 || end.first < innerCue.last) return null;
  if (!SAY.has(tokens[cue.last]!.text.toLowerCase())) return null;
  const start = tokens[cue.last + 1]?.text.toLowerCase() === 'that' ? cue.last + 2 : cue.last + 1;
  // The subject: the tagged speaker, or the words between the two cues.
  const speaker = inner.source[0];
  // Without a speaker, the subject runs to its verb ("more than 4 million cases | had been reported").
  let subjectLast = speaker ? speaker.last : innerCue.first - 1;
  if (!speaker)
    for (let k = start + 1; k < innerCue.first; k++)
      if (FINITE_VERBS.has(tokens[k]!.text.toLowerCase())) {
        subjectLast = k - 1;
        break;
      }
  if (inner.source.length > 1 || (speaker && (speaker.first !== start || speaker.last >= innerCue.first))) return null;
  if (subjectLast < start || subjectLast - start >= MAX_NESTED_SUBJECT) return null;
  for (let k = start; k <= subjectLast; k++)
    if (isPunct(tokens[k]!) || tokens[k]!.sent !== tokens[cue.last]!.sent) return null;
  // Only a subject its clause's verb follows: "Rubio's positions" after "attacked" is the object of the attack.
  if (!FINITE_VERBS.has(tokens[subjectLast + 1]?.text.toLowerCase() ?? '')) return null;
  return { ...outer, content: [run(start, end.last)] };
}
const MAX_NESTED_SUBJECT = 8;

const SUBORDINATORS = new Set(['as', 'while', 'when', 'whereas']);
/** Whether the draft's speaker opens a subordinate clause after a comma (", as Labor members shouted"). */
const subordinated = (words: string[], d: Draft): boolean =>
  d.source.some((s) =>
    SUBORDINATORS.has(words[s.first]!)
      ? words[s.first - 1] === ','
      : SUBORDINATORS.has(words[s.first - 1] ?? '') && words[s.first - 2] === ',',
  );

/** Whether ", and" or ", but" separates the two positions: the second starts a clause of its own. */
function commaClauseBetween(words: string[], from: number, to: number): boolean {
  for (let j = from + 1; j < to - 1; j++)
    if (words[j] === ',' && (words[j + 1] === 'and' || words[j + 1] === 'but')) return true;
  return false;
}

/** Participles that report speech ("…, adding that …"): they introduce the speaker's words. */
export const SPEECH_PARTICIPLES = new Set(
  'saying adding noting telling explaining arguing insisting claiming warning writing asking stating announcing declaring suggesting calling describing'.split(
    ' ',
  ),
);

const sameSentence = (tokens: Token[], a: Draft, b: Draft): boolean =>
  a.cue.length > 0 && b.cue.length > 0 && tokens[a.cue[0]!.first]!.sent === tokens[b.cue[0]!.first]!.sent;

/** Whether the draft's cue is in a sentence its content ends in. */
const cueBesideContent = (tokens: Token[], d: Draft): boolean =>
  d.cue.length > 0 && d.content.some((k) => tokens[k.last]!.sent === tokens[d.cue[0]!.first]!.sent);

const first = (d: Draft): number => Math.min(...d.cue.map((r) => r.first), ...d.content.map((r) => r.first));

function distance(d: Draft): number {
  let best = Number.POSITIVE_INFINITY;
  for (const c of d.cue)
    for (const k of d.content) best = Math.min(best, Math.abs(c.first - k.last), Math.abs(k.first - c.last));
  return best;
}

// Captions ("… [Image / NK Times]"), bylines and site chrome ("Leave a Reply", "Close").
const CAPTION = /\[\s*(image|photo|picture|video)\b[^\]]*\]\s*$/i;

/** Paragraph ids that are page furniture, judged from the paragraph text. */
export function furnitureParagraphs(text: string, tokens: Token[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.para === tokens[i]!.para) j++;
    // Only the line's end matters for captions; a bounded tail keeps the regex linear on huge lines.
    const line = text.slice(Math.max(tokens[i]!.start, tokens[j]!.end - 200), tokens[j]!.end);
    const words = j - i + 1;
    const sentence = /[.!?:"”]$/.test(line);
    if (CAPTION.test(line) || (words <= 5 && !sentence)) out.add(tokens[i]!.para);
    i = j + 1;
  }
  return out;
}

const MIN_QUOTE_TOKENS = 3;
/**
 * A quotation right after one of these is the object of a clause of its own ("what it calls “the biggest attack
 * …”", "was a “magic cure”", "are like ''nuclear bombs''", "appeared on “Fox and Friends”"), not more of what the
 * speaker before said.
 */
const OBJECT_BEFORE = new Set(
  'a an the as like from of calls called call is was are were be his her their its on in to at with by for about'.split(
    ' ',
  ),
);

// "Texas Right to Life called it “a gift …”", "welcomed it as “a win …”": a verb a word or three before the quotation
// names what it describes. When no attribution holds that verb as its cue, the sentence has a speaker of its own
// that the taggers missed, and the quotation is not the speaker before going on ("He has called China ''…''" is).
const NAMING_VERBS = new Set(
  'called calls call dubbed labeled labelled branded described termed welcomed hailed praised criticized condemned denounced'.split(
    ' ',
  ),
);
const NAMING_REACH = 3;

function namedBefore(tokens: Token[], covered: Uint8Array, quoteAt: number): boolean {
  for (let k = quoteAt - 1; k >= Math.max(0, quoteAt - NAMING_REACH); k--) {
    const t = tokens[k]!;
    if (t.sent !== tokens[quoteAt]!.sent || !/^\p{L}/u.test(t.text)) return false;
    if (NAMING_VERBS.has(t.text.toLowerCase())) return !covered[k];
  }
  return false;
}

/**
 * "Her neighbor, James Ortiz, disagreed: “He got caught.”": a colon closing a clause no attribution holds introduces
 * the quotation with a speaker of its own that the tagger missed; it is not the speaker before going on.
 */
function introducedByOwnClause(tokens: Token[], lay: Layout, covered: Uint8Array, quoteAt: number): boolean {
  const colon = quoteAt - 1;
  if (tokens[colon]?.text !== ':') return false;
  const from = lay.sentFirst[colon]!;
  if (colon - from < 2) return false;
  return !covered.subarray(from, colon).includes(1);
}

/**
 * Quotations that no attribution covers, in the paragraph of an attribution or the one after it,
 * are the same speaker going on ("…,” the person said. “Some parents …”).
 */
export function continuations(tokens: Token[], lay: Layout, drafts: Draft[]): Draft[] {
  const covered = new Uint8Array(tokens.length);
  // Sources count as covered so a transcript line ("“PENCE: Well, …") is its own attribution, not a continuation.
  for (const d of drafts) for (const r of [...d.content, ...d.cue, ...d.source]) covered.fill(1, r.first, r.last + 1);
  const out: Draft[] = [...drafts];
  let di = -1;
  for (let i = 0; i < tokens.length; i++) {
    while (di + 1 < drafts.length && first(drafts[di + 1]!) <= i) di++;
    const tok = tokens[i]!;
    if (tok.quote !== 'open' || di < 0) continue;
    const close = lay.quoteClose[i + 1] ?? -1;
    const last = Math.min(close >= 0 ? close - 1 : lay.paraLast[i]!, i + MAX_CONTENT_TOKENS);
    if (last - i < MIN_QUOTE_TOKENS || covered[i + 1]) continue;
    const prev = drafts[di]!;
    const prevPara = tokens[prev.content[0]?.last ?? i]!.para;
    if (tok.para - prevPara > 1 || prev.origin === 'hedge') continue;
    // In the next paragraph only a quotation opening the paragraph carries the speaker on.
    if (tok.para !== prevPara && tokens[i - 1]?.para === tok.para) continue;
    const content: TagRun = run(i + 1, last);
    // In the same paragraph it is one utterance split by its cue (“A,” he said. “B.”): one claim whose
    // content is discontinuous. A quotation opening the next paragraph becomes a claim of its own.
    if (tok.para === prevPara) {
      if (
        OBJECT_BEFORE.has(tokens[i - 1]?.text.toLowerCase() ?? '') ||
        namedBefore(tokens, covered, i) ||
        introducedByOwnClause(tokens, lay, covered, i)
      )
        continue;
      out[di] = { ...out[di]!, content: [...out[di]!.content, content] };
      covered.fill(1, content.first, content.last + 1);
      continue;
    }
    // The source is copied so the continuation names its speaker on its own; `continues` says where it came from.
    const source = prev.source.map((r) => ({ ...r }));
    out.push({ cue: [], source, content: [content], origin: 'continuation', continues: di, confidence: 0.6 });
    covered.fill(1, content.first, content.last + 1);
  }
  return out;
}
