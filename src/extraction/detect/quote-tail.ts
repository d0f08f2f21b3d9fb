import { type Draft, run } from './draft';
import type { Token } from './tokenize';

const MAX_TAIL = 2;

/**
 * "“The message is simple …,” lead author Dr. Borja del Pozo Cruz told Reuters.": the content ran past the
 * quotation's closing mark into "lead", the first word of the speaker's description. A quoted content closed after
 * a comma and followed, to its end, by one or two lowercase words that run into the claim's own speaker ends at the
 * closing mark.
 */
export function contentEndsAtQuote(tokens: Token[], d: Draft): Draft {
  let changed = false;
  const content = d.content.map((k) => {
    const quoted = tokens[k.first]!.quote === 'open' || tokens[k.first - 1]?.quote === 'open';
    // The tail runs into the claim's own speaker ("lead | author Dr. …"), not into more of the sentence.
    const intoSpeaker = d.source.some((s) => s.first === k.last + 1);
    if (k.last - k.first < 3 || !quoted || !intoSpeaker) return k;
    let close = k.last - 1;
    while (close > k.first && close >= k.last - MAX_TAIL && tokens[close]!.quote !== 'close') close--;
    if (tokens[close]!.quote !== 'close' || tokens[close - 1]?.text !== ',') return k;
    for (let i = close + 1; i <= k.last; i++) if (!/^\p{Ll}/u.test(tokens[i]!.text)) return k;
    changed = true;
    return run(k.first, close);
  });
  return changed ? { ...d, content } : d;
}
