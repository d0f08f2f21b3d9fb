/**
 * Hedging words, each with the form reported in `hedges`. Inflections map to one form ("appears to",
 * "appeared to" → "appear to") so hedges can be counted across claims.
 */
const HEDGES: [RegExp, string][] = [
  [/\breportedly\b/i, 'reportedly'],
  [/\ballegedly\b/i, 'allegedly'],
  [/\bpurportedly\b/i, 'purportedly'],
  [/\bapparently\b/i, 'apparently'],
  [/\b(?:un)?likely\b/i, 'likely'],
  [/\bprobably\b/i, 'probably'],
  [/\bpossibly\b/i, 'possibly'],
  [/\bperhaps\b/i, 'perhaps'],
  [/\b(?:it is|it's|it was) possible\b/i, 'possible'],
  [/\bsaid to\b/i, 'said to'],
  [/\bbelieved(?: to| that)?\b/i, 'believed to'],
  [/\bthought to\b/i, 'thought to'],
  [/\breported to\b/i, 'reported to'],
  [/\balleged to\b/i, 'alleged to'],
  [/\bappear(?:s|ed)? to\b/i, 'appear to'],
  [/\bseem(?:s|ed)? to\b/i, 'seem to'],
  [/\bunconfirmed\b/i, 'unconfirmed'],
  [/\brumou?red\b/i, 'rumored'],
  [/\bmay\b/, 'may'],
  [/\bmight\b/i, 'might'],
  [/\bcould\b/i, 'could'],
];

// Hedges sit near the cue or in the statement; scanning a bounded prefix keeps megabyte-long contents cheap.
const SCAN_LIMIT = 4000;

/** Hedges found in the given parts of a claim (cue, content), in lexicon order, each once. */
export function findHedges(...parts: string[]): string[] {
  const text = parts.map((p) => p.slice(0, SCAN_LIMIT)).join(' \n ');
  const found: string[] = [];
  for (const [re, form] of HEDGES) if (re.test(text) && !found.includes(form)) found.push(form);
  return found;
}

/**
 * Cues that attribute to nobody in particular: the claim is hedged rather than sourced. Matched against the
 * cue with the words just before it, since detectors bound "are said to" as "said" or "said to". "It was not
 * immediately clear whether …" is the reporter saying what nobody knows: its "It" is no body named before.
 */
export const HEDGE_CUE =
  /(?:^|\s)(?:reportedly|allegedly|purportedly|rumou?red|(?:is|are|was|were|be|been)\s+(?:widely\s+)?(?:said|believed|thought|reported|alleged|rumou?red)(?:\s+to|\s+that)?|(?:it|this)\s+(?:is|was|remains|remained)\s+(?:not\s+)?(?:(?:immediately|yet|still|also)\s+)?(?:clear|unclear|known|unknown))$/i;

/** Agentless factive cues ("It has been found that …"): the article's own finding, not a hedge. */
export const FINDING_CUE =
  /(?:^|\s)(?:it|this)\s+(?:has been|had been|was|is)\s+(?:found|confirmed|established|learned|learnt|verified|determined|revealed)(?:\s+that)?$/i;
