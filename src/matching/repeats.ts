import { normaliseStatement } from '../claims/claim-key';
import type { FoundRow } from './candidates';

/** An earlier claim found by the word search, with the claim group it is in (if any) and when it was stored. */
export interface FoundEarlier extends FoundRow {
  group_id: string | null;
  created_at: Date;
}

/**
 * Of earlier claims that say the same thing, the one a link is proposed to: claims with the same text (case,
 * punctuation and spacing aside, as claim keys compare texts) or in one claim group (which confirmed or
 * automatic links made one claim) are one set, and of each set the closest text (trigram) is kept, then the
 * first appearance as a group orders its appearances (article date, then when the claim was stored). A text that meets a set
 * through either key joins it. Why: a claim repeated in ten earlier articles found ten copies with one
 * score, none a clear winner over its twins, and the matcher wrote a suggestion for three of them; a
 * reviewer needs one, to where the claim first appeared. Pure; the survivors keep the order they came in.
 */
export function collapseRepeats<T extends FoundEarlier>(rows: T[]): T[] {
  if (rows.length < 2) return rows;
  // Each row's sort keys once: read in the comparator, the two dates were a Date built per comparison, and most
  // rows are copies with equal trigrams, so every comparison came to them (on bench:import data the sort was
  // two thirds of this function's CPU). The same keys in the same order: the same ranking.
  const preferred = rows
    .map((r) => ({ r, trigram: Number(r.trigram), at: time(r.at), created: time(r.created_at) }))
    .sort((a, b) => b.trigram - a.trigram || a.at - b.at || a.created - b.created || a.r.id.localeCompare(b.r.id))
    .map((k) => k.r);
  const seen = new Set<string>();
  const kept = new Set<T>();
  // Copies are mostly the very same string: each distinct one is normalised once (that was 2.5 % of matching's time).
  const normal = new Map<string, string>();
  for (const r of preferred) {
    const text = normal.get(r.text) ?? normaliseStatement(r.text);
    normal.set(r.text, text);
    const keys = [`text:${text}`];
    if (r.group_id) keys.push(`group:${r.group_id}`);
    if (!keys.some((k) => seen.has(k))) kept.add(r);
    for (const k of keys) seen.add(k);
  }
  return rows.filter((r) => kept.has(r));
}

/** An unknown date comes last: a copy with a date is the better first appearance. */
const time = (at: Date | null) => (at ? new Date(at).getTime() : Number.POSITIVE_INFINITY);
