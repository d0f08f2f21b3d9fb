import { type Draft, overlaps } from './draft';

/**
 * Two attributions of one content: "Traders were also rattled by comments from Fed Governor Christopher Waller, who
 * said in a speech that inflation was …" gave the statement twice, once with the cue "were also rattled" and once
 * with "said", each with its own speaker. One statement pinned on two people is one too many: the attribution whose
 * cue stands nearest the content keeps it. Linear: drafts are keyed by their content's spans.
 */
export function oneClaimPerContent(drafts: Draft[]): Draft[] {
  const byContent = new Map<string, Draft[]>();
  const key = (d: Draft) => d.content.map((r) => `${r.first}-${r.last}`).join(',');
  for (const d of drafts) {
    if (!d.content.length || !d.cue.length || !d.source.length) continue;
    const list = byContent.get(key(d));
    if (list) list.push(d);
    else byContent.set(key(d), [d]);
  }
  const dropped = new Set<Draft>();
  for (const list of byContent.values()) {
    if (list.length < 2) continue;
    const nearest = list.reduce((a, b) => (gap(b) < gap(a) ? b : a));
    // The same speaker twice ("said …, adding") is PolNeAR's two cues of one statement: both stay.
    for (const d of list) if (d !== nearest && !overlaps(d.source, nearest.source)) dropped.add(d);
  }
  return dropped.size ? drafts.filter((d) => !dropped.has(d)) : drafts;
}

/** Tokens between the cue and the content, on whichever side the cue stands. */
function gap(d: Draft): number {
  const first = d.content[0]!.first;
  const last = d.content[d.content.length - 1]!.last;
  let min = Number.POSITIVE_INFINITY;
  for (const c of d.cue) min = Math.min(min, c.last < first ? first - c.last : c.first > last ? c.first - last : 0);
  return min;
}
