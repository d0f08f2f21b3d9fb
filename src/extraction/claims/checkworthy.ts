/**
 * How worth checking a statement is, 0–1: specific, verifiable statements (figures, dates, comparisons,
 * named people and places) score high; opinions and vague talk score low. Weights are hand-set, so the
 * score ranks claims within a review queue rather than being a probability.
 */
const NUMBER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double)\b/i;
const PERCENT = /\d\s*(?:%|percent\b|per cent\b)|\bpercentage points?\b/i;
const DATE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (?:year|month|week)|this (?:year|month|week)|(?:19|20)\d\d)\b/i;
const COMPARISON =
  /\b(?:more|less|fewer|than|highest|lowest|most|least|largest|smallest|record|increased?|decreased?|rose|risen|fell|fallen|doubled|tripled|surged?|dropped|dwindled|worsened|compared)\b/i;
const OPINION =
  /\b(?:i think|i believe|i feel|we believe|should|ought|hope|great|terrible|disgrace(?:ful)?|wonderful|ridiculous|disgusting|awful|amazing|love|hate|sad|shame(?:ful)?|fraud|crazy|stupid|best|worst|beautiful)\b/i;
const VAGUE = /\b(?:may|might|could|possibly|perhaps|maybe|something|somehow|things?|stuff)\b/i;
const PROPER = /(?<![.!?]\s|^|[“"‘(]\s?)\b\p{Lu}[\p{L}-]+/gu;

// A score needs only the opening of a statement; long ones would otherwise cost time for nothing.
const SCAN_LIMIT = 2000;

export function checkworthiness(content: string): number {
  const s = content.slice(0, SCAN_LIMIT);
  const words = s.split(/\s+/).filter(Boolean).length;
  if (words === 0) return 0;
  let score = 0.35;
  if (NUMBER.test(s)) score += 0.15;
  if (PERCENT.test(s)) score += 0.1;
  if (DATE.test(s)) score += 0.15;
  if (COMPARISON.test(s)) score += 0.1;
  let proper = 0;
  for (const _ of s.matchAll(PROPER)) if (++proper >= 3) break;
  score += 0.05 * proper;
  if (OPINION.test(s)) score -= 0.15;
  if (VAGUE.test(s)) score -= 0.1;
  if (words < 5) score -= 0.15;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
