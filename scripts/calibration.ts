/**
 * Reliability of claim confidences on a PolNeAR split: a claim is right when it is the match the shared scorer
 * would give a gold attribution (content words Jaccard >= 0.5 and an overlapping source, or neither has one),
 * each gold attribution matched once, in gold order as the scorer does.
 */
import type { GoldAttribution } from './polnear';

type Spans = { content: [number, number][]; source: [number, number][] };

function wordSet(text: string, spans: [number, number][]): Set<number> {
  const words = new Set<number>();
  for (const [a, b] of spans) for (const m of text.slice(a, b).matchAll(/[\p{L}\p{N}]+/gu)) words.add(a + m.index!);
  return words;
}

/** Which predicted claims the scorer counts as found (true) or spurious (false). */
export function rightClaims(text: string, gold: GoldAttribution[], pred: Spans[]): boolean[] {
  const right = pred.map(() => false);
  const words = pred.map((p) => ({ c: wordSet(text, p.content), s: wordSet(text, p.source) }));
  for (const g of gold) {
    const gc = wordSet(text, g.content);
    const gs = wordSet(text, g.source);
    const found = words.findIndex((p, i) => {
      if (right[i]) return false;
      let inter = 0;
      for (const w of p.c) if (gc.has(w)) inter++;
      const union = gc.size + p.c.size - inter;
      const sourceOk = (gs.size === 0 && p.s.size === 0) || [...p.s].some((w) => gs.has(w));
      return union > 0 && inter / union >= 0.5 && sourceOk;
    });
    if (found >= 0) right[found] = true;
  }
  return right;
}

/** Ten bins of confidence: how many claims, mean confidence, share right; plus the expected calibration error. */
export function reliabilityTable(points: { confidence: number; right: boolean }[]): string {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  for (const p of points) {
    const b = bins[Math.min(9, Math.floor(p.confidence * 10))]!;
    b.n++;
    b.conf += p.confidence;
    b.right += p.right ? 1 : 0;
  }
  const lines = ['confidence   claims  mean conf  share right'];
  let ece = 0;
  bins.forEach((b, i) => {
    if (!b.n) return;
    ece += (b.n / points.length) * Math.abs(b.conf / b.n - b.right / b.n);
    const range = `${(i / 10).toFixed(1)}-${((i + 1) / 10).toFixed(1)}`;
    lines.push(
      `${range.padEnd(12)} ${String(b.n).padStart(6)}  ${(b.conf / b.n).toFixed(3).padStart(9)}  ${(b.right / b.n).toFixed(3).padStart(11)}`,
    );
  });
  lines.push(`expected calibration error ${ece.toFixed(3)} over ${points.length} claims`);
  return lines.join('\n');
}
