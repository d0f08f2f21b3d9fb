import type { Draft } from './draft';
import { tagsToRuns } from './spans';
import type { Token } from './tokenize';

/**
 * PolNeAR puts a verb's particle inside the cue when the two form the attribution ("called for", "talking
 * about", "described as", "referring to") and leaves it out otherwise ("said in", "told to"). Which pairs
 * take their particle is learned from train by `npm run train` and shipped in the model; the greedy cue
 * tagger often stops one word short of them, leaving the particle at the head of the content.
 */
export const PARTICLES = new Set('for about of by as to with on at in into from against over up out'.split(' '));

/** A pair is kept when train has it at least this often, with the particle inside the cue this share of the time. */
const MIN_SEEN = 3;
const MIN_SHARE = 0.75;

/** Gold cue runs of one training text: `cue` holds B/I/O tags (1/2/0) over `words`. */
export interface ParticleExample {
  tokens: Token[];
  words: string[];
  cue: Uint8Array;
}

/** "word particle" pairs whose particle PolNeAR annotates as part of the cue, sorted. */
export function learnCueParticles(examples: ParticleExample[]): string[] {
  const inside = new Map<string, number>();
  const seen = new Map<string, number>();
  const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { tokens, words, cue } of examples) {
    for (const { first, last } of tagsToRuns(cue, tokens)) {
      if (last > first && PARTICLES.has(words[last]!)) {
        const pair = `${words[last - 1]} ${words[last]}`;
        count(inside, pair);
        count(seen, pair);
      } else if (PARTICLES.has(words[last + 1] ?? '') && tokens[last + 1]!.sent === tokens[last]!.sent) {
        count(seen, `${words[last]} ${words[last + 1]}`);
      }
    }
  }
  return [...seen]
    .filter(([pair, n]) => n >= MIN_SEEN && (inside.get(pair) ?? 0) / n >= MIN_SHARE)
    .map(([pair]) => pair)
    .sort();
}

/** Moves a learned particle from the head of the content into the cue before it. */
export function attachParticles(tokens: Token[], words: string[], d: Draft, pairs: Set<string>): Draft {
  if (pairs.size === 0) return d;
  let changed = false;
  const taken = (i: number) => [...d.source, ...d.cue].some((r) => r.first <= i && i <= r.last);
  const cue = d.cue.map((c) => {
    const next = c.last + 1;
    if (
      next < tokens.length &&
      tokens[next]!.sent === tokens[c.last]!.sent &&
      pairs.has(`${words[c.last]} ${words[next]}`) &&
      !taken(next)
    ) {
      changed = true;
      return { first: c.first, last: next };
    }
    return c;
  });
  if (!changed) return d;
  // A content starting at the particle now starts after it; one made of the particle alone stays as it was.
  const content = d.content.map((k) =>
    cue.some((c) => c.last === k.first) && k.last > k.first ? { first: k.first + 1, last: k.last } : k,
  );
  return { ...d, cue, content };
}
