import { afterDateline, type Layout, MAX_CONTENT_TOKENS } from './content';
import { clauseStart, type Draft, isPunct, run, sentenceEnd } from './draft';
import { QUOTE_VERBS, quotationBefore, quoteThenSpeaker } from './quote-then-speaker';
import { FINITE_VERBS } from './speaker-edges';
import { nameThroughRole } from './subject-name';
import { isAbbreviation, type Token } from './tokenize';

/**
 * Precise patterns the tagger handles poorly because they are rare in PolNeAR but common in wire copy:
 * inverted "…, says X." / "…, say analysts.", "“…,” Name, title, said of …", "…, saying that …", hedges without a source ("reportedly",
 * "are said to"), "a number that analysts predict will …" and the publication's own "It has been found that".
 */
/** The forms of "say" the wire-copy rules (here, trailing-speaker.ts, clause-edges.ts) start from. */
export const SAY = new Set(['say', 'says', 'said']);
const HEDGE_ADVERBS = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly']);
const AUX = new Set(['is', 'are', 'was', 'were']);
const PASSIVE_CUES = new Set([
  'said',
  'reported',
  'believed',
  'thought',
  'rumored',
  'rumoured',
  'understood',
  'alleged',
]);
const PREDICT = new Set([
  'predict',
  'predicts',
  'expect',
  'expects',
  'believe',
  'believes',
  'estimate',
  'estimates',
  'say',
]);
const MODALS = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'to']);
const FOUND = new Set(['found', 'confirmed', 'learned', 'established', 'reported', 'revealed']);
const MAX_INVERTED_SOURCE = 20;
const SHOWS = new Set(['shows', 'show', 'suggests', 'suggest', 'indicates', 'indicate']);
const EVIDENCE = new Set(['evidence', 'data', 'figures', 'research', 'statistics']);
// "…, saying that …", "…, vowing to …": participles that report what the clause's subject said.
const SUBJECT_PARTICIPLES = new Set(['saying', 'vowing', 'insisting', 'arguing', 'warning', 'claiming', 'stressing']);
const TRIGGERS = new Set([
  ...SAY,
  ...HEDGE_ADVERBS,
  ...AUX,
  ...SUBJECT_PARTICIPLES,
  ...QUOTE_VERBS,
  'according',
  'that',
  'it',
]);

// Words that open what follows "said" when it is not the speaker ("said on Twitter", "said Thursday").
export const CIRCUMSTANCE = new Set(
  'of on in at about during after before from to via this last earlier later yesterday today tonight monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);
const MAX_SPEAKER_TOKENS = 40;

/** "“Q,” NAME, TITLE, said …": the quotation closing with a comma, then a capitalised speaker up to the cue. */
function speakerBetween(
  tokens: Token[],
  lay: Layout,
  cue: number,
  sf: number,
): Omit<Draft, 'confidence' | 'origin'> | null {
  const quote = quotationBefore(tokens, lay, cue, sf, MAX_SPEAKER_TOKENS);
  if (!quote) return null;
  const source = run(quote.close + 1, cue - 2);
  const content = run(quote.open + 1, quote.close - 2);
  return source.first <= source.last && content.first <= content.last
    ? { cue: [run(cue, cue)], source: [source], content: [content] }
    : null;
}

/**
 * "NAME, TITLE at ORG, said: “Q”": a capitalised speaker with its appositive before the cue, the quotation after the
 * colon, in the same paragraph or, when the colon ends it, in the next.
 */
function speakerBeforeColon(
  tokens: Token[],
  lay: Layout,
  cue: number,
  sf: number,
): Omit<Draft, 'confidence' | 'origin'> | null {
  const start = tokens[sf]!.quote === 'open' ? sf + 1 : sf;
  if (cue - start > MAX_SPEAKER_TOKENS || !/^\p{Lu}/u.test(tokens[start]?.text ?? '')) return null;
  const speakerLast = tokens[cue - 1]?.text === ',' ? cue - 2 : cue - 1;
  let first = cue + 2;
  // "He said:" may close its paragraph, the quotation opening the next one.
  const nextPara = lay.paraLast[cue] === cue + 1;
  if (first >= tokens.length || (tokens[first]!.para !== tokens[cue]!.para && !nextPara)) return null;
  const opened = tokens[first]!.quote === 'open';
  if (opened) first++;
  const close = opened ? (lay.quoteClose[first] ?? -1) : -1;
  let last = close > first ? close - 1 : Math.min(lay.paraLast[first]!, first + MAX_CONTENT_TOKENS);
  while (last > first && isPunct(tokens[last])) last--;
  return speakerLast >= start && last >= first
    ? { cue: [run(cue, cue)], source: [run(start, speakerLast)], content: [run(first, last)] }
    : null;
}

/**
 * "The Nuffield Trust, a think tank, said the backlog would take years": the words before the cue are a speaker
 * with an appositive and what follows is the content, so the inverted pattern does not apply. Evidence: a finite
 * verb after the cue before any comma, or a comma but no finite verb before it.
 */
function appositiveSpeaker(words: string[], before: [number, number], after: [number, number]): boolean {
  for (let k = after[0]; k <= after[1] && words[k] !== ','; k++) if (FINITE_VERBS.has(words[k]!)) return true;
  let comma = false;
  // "Gunter Kuhnle, a professor at Reading(,) who was not involved in the study, said …": a verb inside a relative
  // clause describes the speaker; it is not the verb of a statement. The clause ends at the next comma.
  let relative = false;
  for (let k = before[0]; k <= before[1]; k++) {
    if (words[k] === ',') {
      comma = true;
      relative = false;
    } else if (RELATIVES.has(words[k]!)) relative = true;
    else if (FINITE_VERBS.has(words[k]!) && !relative) return false;
  }
  return comma;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'his', 'her', 'their', 'our']);

/** Last word of "the mayor" in "The mayor unveiled …": up to four lowercase words before an inflected verb. */
function nounPhraseEnd(words: string[], first: number, limit: number): number {
  for (let k = first + 1; k < limit && k <= first + 4; k++) {
    const w = words[k]!;
    if (FINITE_VERBS.has(w) || SAY.has(w) || /^[a-z]+ed$/.test(w)) return k > first + 1 ? k - 1 : first;
    if (!/^[a-z-]+$/.test(w)) return first;
  }
  return first;
}

/** Relative pronouns opening a clause that describes a speaker (also read by relative-speaker.ts). */
export const RELATIVES = new Set(['who', 'which', 'whose', 'whom']);

export function ruleDrafts(tokens: Token[], words: string[], lay: Layout): Draft[] {
  const out: Draft[] = [];
  const add = (d: Omit<Draft, 'confidence' | 'origin'>, origin: Draft['origin'] = 'rule') => {
    const content = d.content.filter((r) => r.first <= r.last);
    if (content.length) out.push({ ...d, content, origin, confidence: origin === 'hedge' ? 0.6 : 0.8 });
  };
  // From the first word: a text may open with "According to police, …".
  for (let i = 0; i < tokens.length; i++) {
    const w = words[i]!;
    // Only trigger words start a pattern; the sentence bounds below cost a scan, so skip the rest early.
    if (!TRIGGERS.has(w)) continue;
    // Sentences of run-on input are cut to a plausible content length around the cue.
    const sf = Math.max(lay.sentFirst[i]!, i - MAX_CONTENT_TOKENS);
    const sl = lay.sentLast[i]!;
    const end = sentenceEnd(tokens, Math.min(sl, i + MAX_CONTENT_TOKENS), i);
    // "“…,” Leonard E. Burman, director of …, said of Mrs. Clinton's plan.": the speaker stands between the
    // quotation and the cue, and what follows the cue is a circumstance, not a speaker.
    if (SAY.has(w) && words[i - 1] === ',' && CIRCUMSTANCE.has(words[i + 1] ?? '') && i - 2 >= sf) {
      const d = speakerBetween(tokens, lay, i, sf);
      if (d) add(d);
      continue;
    }
    if (QUOTE_VERBS.has(w)) {
      const d = quoteThenSpeaker(tokens, words, lay, i);
      if (d) add(d);
      continue;
    }
    // "Maria Okonkwo, head of logistics at Harbourline, said: “…”": the speaker runs from the sentence start; so
    // does "He said:" at a paragraph end (otherwise the quotation below continued the previous speaker).
    if (SAY.has(w) && words[i + 1] === ':' && (words[i - 1] === ',' || lay.paraLast[i] === i + 1)) {
      const d = speakerBeforeColon(tokens, lay, i, sf);
      if (d) add(d);
      continue;
    }
    // "…, says Professor Ban Kil-joo of …." and "…, say analysts." close the sentence.
    if (SAY.has(w) && words[i - 1] === ',' && end > i && end - i <= MAX_INVERTED_SOURCE && i - 2 >= sf) {
      let start = sf;
      const qo = lay.quoteOpen[i - 2]!;
      if (tokens[i - 2]?.quote === 'close' && qo >= 0 && tokens[qo]!.para === tokens[i]!.para)
        start = Math.min(start, qo);
      const contentEnd = isPunct(tokens[i - 2]) ? i - 3 : i - 2;
      const contentStart = isPunct(tokens[start]) ? start + 1 : start;
      if (
        contentEnd >= contentStart &&
        !/^(he|she|they|it|i|we)$/.test(words[i + 1]!) &&
        !appositiveSpeaker(words, [contentStart, contentEnd], [i + 1, end])
      ) {
        // The speaker stops at a full stop or dash the sentence splitter let through ("said analysts. — The …").
        // Not at an initial's or a title's full stop ("Laurence H. Tribe", "Rep. Peter T. King").
        let srcEnd = i + 1;
        while (srcEnd < end && (!/^[.!?—–]$/.test(words[srcEnd + 1]!) || isAbbreviation(tokens[srcEnd]!.text)))
          srcEnd++;
        add({ cue: [run(i, i)], source: [run(i + 1, srcEnd)], content: [run(contentStart, contentEnd)] });
      }
    }
    // "Kim rebuffed Seoul's offer, saying that …", "Kato declined to comment, but said …": the speaker is the
    // clause subject.
    const comma = SUBJECT_PARTICIPLES.has(w)
      ? i - 1
      : SAY.has(w) && (words[i - 1] === 'but' || words[i - 1] === 'and')
        ? i - 2
        : -1;
    if (comma > sf && words[comma] === ',' && end > i) {
      // "PARIS (AFP) - French farmers blocked roads …, vowing …": the subject follows the dateline.
      const cs = afterDateline(tokens, clauseStart(tokens, comma, sf), comma);
      const subj = /^\p{Lu}/u.test(tokens[cs]!.text) ? cs : -1;
      if (subj >= 0) {
        // The capitalised words of the name, through a title's full stop ("Sen. Laura Whitfield", "J. K. Rowling").
        const cap = (k: number) => k < i && /^\p{Lu}/u.test(tokens[k]!.text);
        const abbreviation = (k: number) =>
          tokens[k]!.text === '.' && /^\p{Lu}[\p{L}.]{0,4}$/u.test(tokens[k - 1]!.text);
        let last = subj;
        while (cap(last + 1) || (abbreviation(last + 1) && cap(last + 2))) last += cap(last + 1) ? 1 : 2;
        last = nameThroughRole(tokens, last, i);
        // "The mayor unveiled the budget, saying …": a determiner opens a common noun's phrase, which runs to its verb.
        if (last === subj && DETERMINERS.has(words[subj]!)) last = nounPhraseEnd(words, subj, comma);
        // Only a whole name: one followed by its verb or an appositive ("French farmers blocked …" is no "French").
        const after = words[last + 1] ?? '';
        // (", saying" keeps its older, looser reading: it is the common case and was measured so.)
        const whole =
          w === 'saying' || after === ',' || FINITE_VERBS.has(after) || SAY.has(after) || /^[a-z]+ed$/.test(after);
        // "saying only that …": the restriction is the reporter's, no part of what was said.
        const only = words[i + 1] === 'only' && words[i + 2] === 'that' ? i + 2 : i;
        const cstart = words[only + 1] === 'that' ? only + 2 : only + 1;
        if (whole) add({ cue: [run(i, i)], source: [run(subj, last)], content: [run(cstart, end)] });
      }
    }
    // "…, according to sources in North Korea." / "According to exit polls, …": the source runs to the comma.
    if (w === 'according' && words[i + 1] === 'to' && i + 2 <= end) {
      let last = i + 2;
      while (last < end && last - i < MAX_INVERTED_SOURCE && !/^[,;:]$/.test(words[last + 1]!)) last++;
      // Cut by the cap mid-clause ("… who spoke on condition of anonymity because the transfer had not been"): the
      // speaker is named before its relative clause.
      if (last < end && last - i >= MAX_INVERTED_SOURCE && !/^[,;:.]$/.test(words[last + 1]!)) {
        const who = words.slice(i + 3, last + 1).findIndex((x) => x === 'who' || x === 'which');
        if (who >= 0) last = i + 2 + who;
      }
      const before = words[i - 1] === ',' ? i - 2 : i - 1;
      const content =
        before >= sf && i > sf
          ? [run(sf, before)]
          : last + 2 <= end && words[last + 1] === ','
            ? [run(last + 2, end)]
            : [];
      if (content.length) add({ cue: [run(i, i + 1)], source: [run(i + 2, last)], content });
    }
    // "North Korea is reportedly experiencing …": a hedge with no source.
    if (HEDGE_ADVERBS.has(w) && i > sf) {
      const cs = clauseStart(tokens, i, sf);
      const content = [];
      if (cs <= i - 1) content.push(run(cs, i - 1));
      if (end > i) content.push(run(i + 1, end));
      if (content.length) add({ cue: [run(i, i)], source: [], content }, 'hedge');
    }
    // "… are said to have been displaced …"
    if (AUX.has(w) && PASSIVE_CUES.has(words[i + 1] ?? '') && words[i + 2] === 'to' && i > sf && end > i + 2) {
      // A relative clause before the verb ("…, which border China, are said to") belongs to the subject.
      const c0 = clauseStart(tokens, i, sf);
      const cs = c0 === i || /^(which|who)$/.test(words[c0] ?? '') ? sf : c0;
      add({ cue: [run(i, i + 1)], source: [], content: [run(cs, i - 1), run(i + 2, end)] }, 'hedge');
    }
    // "a number that analysts predict will continue to rise"
    if (w === 'that' && i > sf) {
      let v = i + 1;
      while (v < i + 4 && v < end && !PREDICT.has(words[v]!)) v++;
      if (v > i + 1 && PREDICT.has(words[v]!) && MODALS.has(words[v + 1] ?? '') && v + 1 <= end) {
        const cs = clauseStart(tokens, i, sf);
        const content = [run(v + 1, end)];
        if (cs < i) content.unshift(run(cs, i - 1));
        add({ cue: [run(v, v)], source: [run(i + 1, v - 1)], content });
      }
    }
    // "The evidence shows that …": a finding the text does not pin on anyone; the claim stands without a speaker.
    if (w === 'that' && SHOWS.has(words[i - 1] ?? '') && EVIDENCE.has(words[i - 2] ?? '') && i + 1 <= end) {
      const subject = words[i - 3] === 'the' ? i - 3 : i - 2;
      if (subject === sf) add({ cue: [run(i - 1, i - 1)], source: [], content: [run(i + 1, end)] });
    }
    // The publication's own findings: "It has been found that …", speaker "We" when the text just said "We …".
    if (w === 'it' && i === sf && words[i + 1] === 'has' && words[i + 2] === 'been' && FOUND.has(words[i + 3] ?? '')) {
      const that = words[i + 4] === 'that' ? i + 5 : i + 4;
      if (that <= end) {
        const prevSent = i > 0 ? lay.sentFirst[i - 1]! : -1;
        const source = prevSent >= 0 && words[prevSent] === 'we' ? [run(prevSent, prevSent)] : [];
        add({ cue: [run(i, i + 3)], source, content: [run(that, end)] });
      }
    }
  }
  return out;
}
