/**
 * `npm run eval:agreement [-- --model fast|accurate]`: how far PolNeAR's own annotators agree, as the ceiling the
 * extractor's exact-span scores are read against. On the articles of train and dev that two annotators marked, the
 * second annotator's attributions are scored as predictions against the first's (the scorer's convention: the first
 * file is gold), with the shared scorer; then the extractor's claims on the same articles, the same way. Needs
 * ../shared (PolNeAR and its scorer). Train articles among them were used to fit the models: the extractor's line
 * is read for comparison only, not as a held-out score.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_MODEL, EXTRACTOR_MODELS, type ExtractorModel, extractClaims } from '../src/extraction';
import { annotationFiles, listArticles, readAnnotators, readText, requireSplit, SHARED } from './polnear';

const SPLITS = ['train', 'dev'];

function modelArg(argv: string[]): ExtractorModel {
  const at = argv.indexOf('--model');
  const model = at >= 0 ? argv[at + 1] : DEFAULT_MODEL;
  if (!(EXTRACTOR_MODELS as readonly string[]).includes(model ?? '')) {
    console.error(`unknown model ${model}; one of ${EXTRACTOR_MODELS.join(', ')}`);
    process.exit(1);
  }
  return model as ExtractorModel;
}

function score(scorer: string, gold: string, pred: string, label: string): void {
  console.log(`\n${label}`);
  const r = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function main(): void {
  const model = modelArg(process.argv.slice(2));
  const scorer = path.join(SHARED, 'eval', 'polnear-score.mjs');
  for (const split of SPLITS) requireSplit(split);
  if (!fs.existsSync(scorer)) {
    console.error(`scorer not found: ${scorer}`);
    process.exit(1);
  }
  // A gold folder holding only the doubly annotated articles (text and first annotation file, as the scorer reads).
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'polnear-agreement-'));
  const dirs = ['gold/text', 'gold/attributions', 'second', 'extractor'].map((d) => path.join(root, d));
  for (const d of dirs) fs.mkdirSync(d, { recursive: true });
  const [goldText, goldAnn, second, extractor] = dirs as [string, string, string, string];
  let articles = 0;
  for (const split of SPLITS) {
    for (const name of listArticles(split)) {
      const files = annotationFiles(split, name);
      if (files.length < 2) continue;
      articles++;
      const text = readText(split, name);
      fs.writeFileSync(path.join(goldText, `${name}.txt`), text);
      fs.copyFileSync(files[0]!, path.join(goldAnn, path.basename(files[0]!)));
      const claims = readAnnotators(split, name)[1]!.map((spans) => ({ spans }));
      fs.writeFileSync(path.join(second, `${name}.json`), JSON.stringify({ claims }));
      fs.writeFileSync(
        path.join(extractor, `${name}.json`),
        JSON.stringify({ claims: extractClaims(text, { model }) }),
      );
    }
  }
  console.log(`${articles} articles of ${SPLITS.join(' and ')} marked by two annotators (files in ${root})`);
  const gold = path.dirname(goldText);
  score(scorer, gold, second, 'second annotator against the first:');
  score(scorer, gold, extractor, `extractor (${model}) against the first annotator:`);
}

main();
