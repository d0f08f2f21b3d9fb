import { type Draft, overlaps } from './draft';

/**
 * "According to a person familiar with the negotiations, the operators are preparing an improved offer that
 * includes …": the tagger read "are preparing an improved offer" as a cue whose speaker ran from the first claim's
 * speaker into its content ("…, the operators"). A speaker span cannot both name who said something and lie inside
 * what was said, so a tagger's attribution whose source overlaps another attribution's source and content, with
 * its cue inside that content, is a misreading of the other one.
 */
export function dropStraddlingSources(drafts: Draft[]): Draft[] {
  return drafts.filter(
    (d) =>
      d.origin !== 'tagger' ||
      !drafts.some(
        (o) =>
          o !== d &&
          overlaps(d.source, o.source) &&
          overlaps(d.source, o.content) &&
          d.cue.every((c) => o.content.some((r) => r.first <= c.first && c.last <= r.last)),
      ),
  );
}
