/**
 * `npm run eval:speakers [-- --half tune|test] [--errors]`: speaker-type accuracy on the hand-labelled PolNeAR
 * train mentions in scripts/data/speaker-types.tsv (see speaker-types.md). Runs the extractor on each labelled
 * article, finds the claims whose speaker span overlaps a labelled mention and compares the types.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../src/extraction';
import type { Span } from '../src/extraction/types';
import { readText, repoRoot, requireSplit } from './polnear';

interface Label {
  half: string;
  article: string;
  span: Span;
  mention: string;
  type: string;
}

function readLabels(): Label[] {
  const file = path.join(repoRoot(), 'scripts', 'data', 'speaker-types.tsv');
  const [, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => {
    const [half = '', article = '', start = '0', end = '0', mention = '', type = ''] = line.split('\t');
    return { half, article, span: [Number(start), Number(end)], mention, type };
  });
}

const overlap = ([a, b]: Span, [c, d]: Span) => a < d && c < b;

interface Tally {
  labelled: number;
  found: number;
  right: number;
  errors: string[];
}

function main(): void {
  const argv = process.argv.slice(2);
  const onlyHalf = argv.includes('--half') ? argv[argv.indexOf('--half') + 1] : null;
  const showErrors = argv.includes('--errors');
  requireSplit('train');
  const labels = readLabels().filter((l) => !onlyHalf || l.half === onlyHalf);
  const byArticle = new Map<string, Label[]>();
  for (const l of labels) byArticle.set(l.article, [...(byArticle.get(l.article) ?? []), l]);
  const tallies = new Map<string, Tally>();
  const tally = (half: string) => {
    const t = tallies.get(half) ?? { labelled: 0, found: 0, right: 0, errors: [] };
    tallies.set(half, t);
    return t;
  };
  for (const [article, ls] of byArticle) {
    const claims = extractClaims(readText('train', article));
    for (const l of ls) {
      for (const t of [tally(l.half), tally('all')]) t.labelled++;
      // The speaker of the claim that names this mention; a mention can speak in several claims, all typed alike.
      const claim = claims.find((c) => c.spans.source.some((s) => overlap(s, l.span)));
      if (!claim) continue;
      const ok = claim.speaker.type === l.type;
      for (const t of [tally(l.half), tally('all')]) {
        t.found++;
        if (ok) t.right++;
        else
          t.errors.push(
            `${l.article}\t${l.mention}\tgold ${l.type}\tgot ${claim.speaker.type} (${claim.speaker.name})`,
          );
      }
    }
  }
  console.log('half   labelled  found  right  type accuracy');
  for (const half of ['tune', 'test', 'all']) {
    const t = tallies.get(half);
    if (!t) continue;
    const acc = t.found ? ((100 * t.right) / t.found).toFixed(1) : '-';
    console.log(
      `${half.padEnd(6)} ${String(t.labelled).padStart(8)} ${String(t.found).padStart(6)} ${String(t.right).padStart(6)}  ${acc} %`,
    );
  }
  if (showErrors) for (const e of tallies.get('all')?.errors ?? []) console.log(e);
}

main();
