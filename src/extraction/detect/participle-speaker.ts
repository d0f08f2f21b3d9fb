import type { Draft } from './draft';
import type { Token } from './tokenize';

/**
 * "Trump defended his plan on Tuesday, saying it would …", "…, she said, adding that …": a participle after a
 * comma reports what the main clause's subject said, and the taggers often leave it without a speaker (PolNeAR
 * train: 24 of 229 `accurate` claims with an "-ing" cue and no source were gold attributions; most of the rest
 * have the main clause's subject as gold source). When an earlier claim of the same sentence has a speaker, the
 * participle's claim takes it: that claim's subject is the main clause's.
 */
const PARTICIPLE = /^\p{Ll}+ing$/u;

export function participleSpeakers(tokens: Token[], drafts: Draft[]): Draft[] {
  return drafts.map((d) => {
    const cue = d.cue[0];
    if (d.source.length > 0 || !cue || d.cue.length !== 1) return d;
    if (!PARTICIPLE.test(tokens[cue.first]!.text) || tokens[cue.first - 1]?.text !== ',') return d;
    const sent = tokens[cue.first]!.sent;
    let lender: Draft | undefined;
    for (const e of drafts) {
      const s = e.source[0];
      const c = e.cue[e.cue.length - 1];
      if (!s || !c || e === d || tokens[s.first]!.sent !== sent || c.last >= cue.first) continue;
      // The nearest earlier speaker; its content must end before the participle (it is the main clause's).
      if (e.content.some((k) => k.last >= cue.first)) continue;
      if (!lender || c.last > lender.cue[lender.cue.length - 1]!.last) lender = e;
    }
    return lender ? { ...d, source: lender.source } : d;
  });
}
