import { REFUSALS } from './no-statement';
import type { Tagged } from './tag';

/**
 * "…, researchers reported on Wednesday, raising hopes for a tool that could save lives": a participle clause the
 * reporter adds after a statement ("raising hopes", "sparking fears", "fuelling concerns") is commentary. The
 * `accurate` tagger reads its participle as a speaker and its noun as a cue, and grouping then joins that cue to
 * the statement's own ("reported hopes"), or makes "hopes" a cue of its own. A one-word cue right after a lowercase
 * "-ing" word that is no cue, itself right after a comma, is such a clause: the cue and the participle's source tag
 * are dropped. A speech participle ("saying", "adding") is the cue itself, so it does not meet this shape.
 */
const STIRRING = new Set(
  'raising sparking fuelling fueling prompting stoking easing reviving renewing deepening heightening triggering'.split(
    ' ',
  ),
);
// "-ing" prepositions open no aside: "…, including warnings from the regulator".
const PREPOSITIONS = new Set(['including', 'during', 'following', 'regarding', 'concerning', 'according']);

export function dropCommentaryParticiples(t: Tagged): Tagged {
  const { tokens, words } = t;
  let out: { cue: Uint8Array; source: Uint8Array } | null = null;
  for (let i = 2; i < words.length; i++) {
    if (t.cue[i] !== 1 || t.cue[i + 1] === 2 || t.source[i] !== 0 || words[i - 2] !== ',') continue;
    const aside = t.cue[i - 1] === 0 && /^\p{Ll}+ing$/u.test(tokens[i - 1]!.text) && !PREPOSITIONS.has(words[i - 1]!);
    if (!aside) continue;
    out ??= { cue: t.cue.slice(), source: t.source.slice() };
    out.cue[i] = 0;
    out.source[i - 1] = 0;
  }
  // The perceptrons tag the whole aside as one cue ("raising hopes"): a two-word cue opening with a participle
  // that causes a feeling rather than reports speech.
  for (let i = 1; i + 1 < words.length; i++) {
    const cue = out?.cue ?? t.cue;
    if (cue[i] !== 1 || cue[i + 1] !== 2 || cue[i + 2] === 2 || words[i - 1] !== ',') continue;
    if (!STIRRING.has(words[i]!)) continue;
    out ??= { cue: t.cue.slice(), source: t.source.slice() };
    out.cue[i] = 0;
    out.cue[i + 1] = 0;
  }
  return out ? { ...t, ...out } : t;
}

const CLAUSE_ENDS = new Set([',', '.', ';', 'but', 'and', 'while']);

/**
 * "A spokesman … declined to comment on the report but said …": a comment refused is no statement (no-statement.ts
 * drops it when it stands alone), but tagged, its words join the statement that follows: "the report" became a
 * second speaker and "declined" a second cue ("declined said"). From the refusal to the clause's end, no tags.
 */
export function dropRefusedComment(t: Tagged): Tagged {
  const { words } = t;
  let out: { cue: Uint8Array; source: Uint8Array; content: Uint8Array } | null = null;
  for (let i = 0; i + 2 < words.length; i++) {
    if (!REFUSALS.has(words[i]!) || words[i + 1] !== 'to' || words[i + 2] !== 'comment') continue;
    if (t.tokens[i]!.inQuote) continue;
    out ??= { cue: t.cue.slice(), source: t.source.slice(), content: t.content.slice() };
    // The whole cue the refusal is part of ("also declined", "has refused").
    let first = i;
    while (first > 0 && t.cue[first] === 2 && t.cue[first - 1] !== 0) first--;
    for (let k = first; k < words.length && (k < i + 3 || !CLAUSE_ENDS.has(words[k]!)); k++) {
      out.cue[k] = 0;
      out.source[k] = 0;
      out.content[k] = 0;
    }
  }
  return out ? { ...t, ...out } : t;
}
