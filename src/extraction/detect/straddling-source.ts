import { type Draft, overlaps } from './draft';

/**
 * "According to a person familiar with the negotiations, the operators are preparing an improved offer that
 * includes …": the tagger read "are preparing an improved offer" as a cue whose speaker ran from the first claim's
 * speaker into its content ("…, the operators"). A speaker span cannot both name who said something and lie inside
 * what was said, so a tagger's attribution whose source overlaps another attribution's source and content, with
 * its cue inside that content, is a misreading of the other one.
 */
export function dropStraddlingSources(drafts: Draft[]): Draft[] {
  // Only drafts sharing a source token can straddle: an index by source token keeps this linear in the text
  // (comparing every pair made a 5 MB line of quotations five times slower).
  const bySourceToken = new Map<number, Draft[]>();
  for (const o of drafts)
    for (const r of o.source)
      for (let i = r.first; i <= r.last; i++) {
        const list = bySourceToken.get(i);
        if (list) list.push(o);
        else bySourceToken.set(i, [o]);
      }
  const straddles = (d: Draft, o: Draft) =>
    o !== d &&
    overlaps(d.source, o.content) &&
    d.cue.every((c) => o.content.some((r) => r.first <= c.first && c.last <= r.last));
  return drafts.filter((d) => {
    if (d.origin !== 'tagger') return true;
    for (const r of d.source)
      for (let i = r.first; i <= r.last; i++) if (bySourceToken.get(i)?.some((o) => straddles(d, o))) return false;
    return true;
  });
}
