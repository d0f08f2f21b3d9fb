import { type Draft, run } from './draft';
import { RELATIVES, SAY } from './rules';
import { FINITE_VERBS } from './speaker-edges';
import type { Token } from './tokenize';

// Words that open a noun phrase describing the source ("the European air traffic agency", "a think tank").
const DESCRIBING = new Set(['the', 'a', 'an', 'another', 'one', 'its', 'his', 'her', 'their']);
// A finite verb or auxiliary means the words after the comma are already the statement ("the rise … is mainly").
const FINITE = new Set([...FINITE_VERBS, 'be', 'been', 'said', 'says', 'shall', "'s", '’s']);
const VERBAL = /^(?:read|reads|wrote|writes|\p{L}+ed)$/u;
const MAX_APPOSITIVE = 10;
const MIN_REST = 3;

/**
 * "According to Eurocontrol, the European air traffic agency, 1.2 million passengers flew …": a noun phrase set off by
 * two commas right after "according to"'s source describes the source — PolNeAR draws it inside the source
 * ("Crowdpac, a political crowdfunding website") — and is no part of what was said.
 */
export function appositiveToSource(tokens: Token[], words: string[], d: Draft): Draft {
  return wholeAppositive(tokens, trailingAppositive(tokens, words, frontedAppositive(tokens, words, d)));
}

/**
 * "Southern California Edison, the region's largest | utility, said": a source whose appositive the tagger stops a
 * word or two before the comma that closes it, right before the cue, runs on to that comma.
 */
function wholeAppositive(tokens: Token[], d: Draft): Draft {
  const s = d.source[0];
  const cue = d.cue[0];
  if (d.source.length !== 1 || !s || !cue || cue.first <= s.last + 2 || cue.first > s.last + 4) return d;
  if (tokens[cue.first - 1]!.text !== ',') return d;
  if (!tokens.slice(s.first, s.last).some((t) => t.text === ',')) return d;
  for (let i = s.last + 1; i < cue.first - 1; i++) if (!/^\p{Ll}[\p{Ll}-]*$/u.test(tokens[i]!.text)) return d;
  return { ...d, source: [run(s.first, cue.first - 2)] };
}

const afterAccordingTo = (words: string[], d: Draft, first: number) =>
  d.cue.some((c) => words[c.first] === 'according' && words[c.first + 1] === 'to' && c.last < first);

/** A describing word can start no clause: a verb or relative pronoun of its own makes it one. */
const describes = (w: string) => !FINITE.has(w) && !SAY.has(w) && !VERBAL.test(w) && !RELATIVES.has(w) && w !== 'that';

/**
 * "Inflation fell to 2.4 %, according to Eurostat, the EU's statistics office.": the description closing the
 * sentence after "according to"'s source is the source's too (PolNeAR train: 8 of 10 such sources take it), and it
 * is what types the source ("Eurostat" alone reads as a person). So is a relative clause inside it ("the Guttmacher
 * Institute, a research group that supports abortion rights"), which the tagger may have read as a second piece of
 * content: that piece goes to the source.
 */
function trailingAppositive(tokens: Token[], words: string[], d: Draft): Draft {
  const source = d.source[d.source.length - 1];
  if (!source || words[source.last + 1] !== ',' || !DESCRIBING.has(words[source.last + 2] ?? '')) return d;
  if (!afterAccordingTo(words, d, source.first)) return d;
  const later = d.content.filter((k) => k.last > source.last);
  // Only the description itself may have been read as content.
  if (later.length > 1 || (later[0] && later[0].first !== source.last + 2)) return d;
  const sent = tokens[source.last]!.sent;
  let relative = false;
  for (
    let j = source.last + 3;
    j < tokens.length && j <= source.last + 2 + (relative ? MAX_RELATIVE : MAX_APPOSITIVE);
    j++
  ) {
    const w = words[j]!;
    const end = tokens[j]!.sent !== sent || tokens[j]!.para !== tokens[source.last]!.para;
    if (end || /^[.!?]$/.test(w)) {
      if (later[0] && later[0].last >= j) return d;
      return {
        ...d,
        source: [...d.source.slice(0, -1), run(source.first, j - 1)],
        content: d.content.filter((k) => k.last <= source.last),
      };
    }
    if (/^[,;:"“”()]$/.test(w) || MEASURE.test(w)) return d;
    // "a research group that supports …": after two describing words, a relative clause describes them.
    if (!relative && (RELATIVES.has(w) || w === 'that') && j >= source.last + 4) relative = true;
    else if (!relative && !describes(w)) return d;
  }
  return d;
}
const MAX_RELATIVE = 20;

// "…, according to Crowdpac, the most of any candidate": a phrase that measures is about the figure, not the source.
const MEASURE = /^(?:\d[\d.,]*%?|most|least|more|less|sum|total|amount|record|percent|half|third|quarter)$/;

function frontedAppositive(tokens: Token[], words: string[], d: Draft): Draft {
  const source = d.source[d.source.length - 1];
  const k = d.content[0];
  if (!source || !k || k.first !== source.last + 2 || words[source.last + 1] !== ',') return d;
  if (!afterAccordingTo(words, d, source.first) || !DESCRIBING.has(words[k.first]!)) return d;
  const sent = tokens[k.first]!.sent;
  for (let j = k.first + 1; j <= k.last && j <= k.first + MAX_APPOSITIVE; j++) {
    const w = words[j]!;
    // A verb of its own ("one … sign read, “…”") makes the phrase a clause, not a description.
    if (tokens[j]!.sent !== sent || !describes(w) || /^[;:"“”(]$/.test(w)) return d;
    if (w !== ',') continue;
    if (k.last - j < MIN_REST) return d;
    return {
      ...d,
      source: [...d.source.slice(0, -1), run(source.first, j - 1)],
      content: [run(j + 1, k.last), ...d.content.slice(1)],
    };
  }
  return d;
}
