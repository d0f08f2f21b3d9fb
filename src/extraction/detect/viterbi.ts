import { LABELS } from './perceptron';

/**
 * Second-order Viterbi over B/I/O labels (0 = O, 1 = B, 2 = I): the best label sequence when the score of
 * label y at token i depends on the two labels before it, `score(i, prev2, prev, y)`. Nine states (the last
 * two labels), I never after O, and the text starts as if after (O, O). Shared by inference and training,
 * so a tagger is decoded exactly as it was trained.
 */
export function viterbi(n: number, score: (i: number, prev2: number, prev: number, y: number) => number): Uint8Array {
  const tags = new Uint8Array(n);
  if (!n) return tags;
  const S = LABELS * LABELS;
  let delta = new Float64Array(S).fill(-Infinity);
  let next = new Float64Array(S);
  // back[i * S + state] = the label two steps back on the best path into `state` (= prev * 3 + y) at i.
  const back = new Uint8Array(n * S);
  delta[0] = 0;
  for (let i = 0; i < n; i++) {
    next.fill(-Infinity);
    for (let p2 = 0; p2 < LABELS; p2++)
      for (let p = 0; p < LABELS; p++) {
        const d = delta[p2 * LABELS + p]!;
        if (d === -Infinity) continue;
        for (let y = 0; y < LABELS; y++) {
          if (p === 0 && y === 2) continue;
          const v = d + score(i, p2, p, y);
          const st = p * LABELS + y;
          if (v > next[st]!) {
            next[st] = v;
            back[i * S + st] = p2;
          }
        }
      }
    [delta, next] = [next, delta];
  }
  let state = 0;
  for (let st = 1; st < S; st++) if (delta[st]! > delta[state]!) state = st;
  for (let i = n - 1; i >= 0; i--) {
    const y = state % LABELS;
    const p = (state - y) / LABELS;
    tags[i] = y;
    state = back[i * S + state]! * LABELS + p;
  }
  return tags;
}
