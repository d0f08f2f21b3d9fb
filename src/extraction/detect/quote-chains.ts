import { type Layout, MAX_CONTENT_TOKENS } from './content';
import { type Draft, run, trimRun } from './draft';
import type { TagRun } from './spans';
import type { Token } from './tokenize';

/**
 * A quotation over several paragraphs opens each of them with “ and closes only in the last (news style). The
 * tokenizer closes quotations at each paragraph end, so the attribution found at one end of the chain (“…,” she
 * said) gets the whole chain as one content: one span per paragraph, as PolNeAR marks them.
 */
export function joinQuoteChains(tokens: Token[], lay: Layout, drafts: Draft[]): Draft[] {
  const out = [...drafts];
  let i = 0;
  while (i < tokens.length) {
    const chain = quoteChainAt(tokens, lay, i);
    if (!chain) {
      i = lay.paraLast[i]! + 1;
      continue;
    }
    const first = chain[0]!.first;
    const last = chain[chain.length - 1]!.last;
    const inChain = (r: TagRun) => r.first >= first && r.last <= last;
    const owner = out.findIndex((d) => d.cue.length > 0 && d.content.length > 0 && d.content.every(inChain));
    if (owner >= 0) out[owner] = { ...out[owner]!, content: chain };
    i = lay.paraLast[last]! + 1;
  }
  return out;
}

/**
 * The chain whose first paragraph starts at token `p`: a quotation left open at that paragraph's end, then
 * paragraphs that each open with a quotation mark, up to the one that closes it. The quoted words of each paragraph.
 */
function quoteChainAt(tokens: Token[], lay: Layout, p: number): TagRun[] | null {
  let end = lay.paraLast[p]!;
  if (!tokens[end]!.inQuote || tokens[end]!.quote) return null;
  let open = end;
  while (open > p && tokens[open]!.quote !== 'open') open--;
  if (tokens[open]!.quote !== 'open' || lay.quoteClose[open + 1]! >= 0 || speakerLabel(tokens, open + 1)) return null;
  const parts: TagRun[] = [run(open + 1, end)];
  for (let next = end + 1; next < tokens.length && tokens[next]!.quote === 'open'; next = end + 1) {
    // A transcript's next line ("“WALLACE: …") is a new speaker, not the same quotation going on.
    if (speakerLabel(tokens, next + 1)) return null;
    end = lay.paraLast[next]!;
    const close = lay.quoteClose[next + 1] ?? -1;
    parts.push(run(next + 1, close >= 0 ? close - 1 : end));
    if (close >= 0) {
      const trimmed = parts.map((r) => trimRun(tokens, r)).filter((r): r is TagRun => r !== null);
      return trimmed.length > 1 && end - open <= MAX_CONTENT_TOKENS ? trimmed : null;
    }
    if (end + 1 < tokens.length && !tokens[end]!.inQuote) return null;
  }
  return null;
}

/** "WALLACE:" or "Q:" at token i: a few capitalised words and a colon. */
function speakerLabel(tokens: Token[], i: number): boolean {
  for (let j = i; j < Math.min(tokens.length, i + 4); j++) {
    if (tokens[j]!.text === ':') return j > i;
    if (!/^\p{Lu}/u.test(tokens[j]!.text)) return false;
  }
  return false;
}
