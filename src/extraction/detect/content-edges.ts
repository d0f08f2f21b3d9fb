import { type Draft, isPunct, run } from './draft';
import type { Token } from './tokenize';

/**
 * Content ends the tagger leaves mid-phrase past a comma ("… caucused on Saturday, about 10,000 more than",
 * "… in November, in part because"): what follows the comma is the start of another clause the tagger gave up
 * on, and PolNeAR's content stops at the comma.
 */
const DANGLING_END = new Set(
  'because than will would could them him her his their its the a an of to in on at for with by from and or but while as that is are was were be'.split(
    ' ',
  ),
);

const MAX_TAIL = 10;

export function danglingEnd(tokens: Token[], d: Draft): Draft {
  let changed = false;
  const content = d.content.map((k) => {
    const last = tokens[k.last]!;
    if (last.inQuote || !DANGLING_END.has(last.text.toLowerCase())) return k;
    let comma = k.last - 1;
    while (comma > k.first && tokens[comma]!.text !== ',') comma--;
    // Only a short tail: a long clause after the comma is more likely said, whatever word it stops on.
    if (comma <= k.first || tokens[comma]!.inQuote || k.last - comma > MAX_TAIL) return k;
    let end = comma - 1;
    while (end > k.first && isPunct(tokens[end])) end--;
    changed = true;
    return run(k.first, end);
  });
  return changed ? { ...d, content } : d;
}
