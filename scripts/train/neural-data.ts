/**
 * Writes PolNeAR train and dev as JSON lines for scripts/train/neural.py: per article the tokens exactly
 * as the extractor tokenises them, the neural inputs of src/extraction/neural/inputs.ts and the gold
 * B/I/O tags per role, so Python never re-implements tokenisation or features.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spansToTags } from '../../src/extraction/detect/spans';
import { tokenize } from '../../src/extraction/detect/tokenize';
import { flagsOf, shapeOf, suffixBucket, vectorKey } from '../../src/extraction/neural/inputs';
import { listArticles, readArticle, requireSplit } from '../polnear';

export function writeNeuralData(out: string): void {
  fs.mkdirSync(out, { recursive: true });
  for (const split of ['train', 'dev']) {
    requireSplit(split);
    const lines: string[] = [];
    for (const name of listArticles(split)) {
      const a = readArticle(split, name);
      const tokens = tokenize(a.text);
      const tags = (role: 'cue' | 'source' | 'content') =>
        Array.from(
          spansToTags(
            tokens,
            a.text,
            a.gold.flatMap((g) => g[role]),
          ),
        );
      lines.push(
        JSON.stringify({
          name,
          keys: tokens.map((t) => vectorKey(t.text)),
          shape: tokens.map((t) => shapeOf(t.text)),
          suffix: tokens.map((t) => suffixBucket(t.text)),
          flags: tokens.map((_, i) => flagsOf(tokens, i)),
          sent: tokens.map((t) => t.sent),
          para: tokens.map((t) => t.para),
          cue: tags('cue'),
          source: tags('source'),
          content: tags('content'),
        }),
      );
    }
    fs.writeFileSync(path.join(out, `${split}.jsonl`), lines.join('\n') + '\n');
    console.log(`${split}: ${lines.length} articles written for training`);
  }
}
