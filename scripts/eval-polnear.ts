/**
 * `npm run eval:polnear -- --split dev [--model fast|accurate] [--out DIR] [--errors N] [--calibration]`: runs
 * extractClaims over a PolNeAR split, writes one `<name>.json` per article and prints the shared scorer's table.
 * `--calibration` also prints the reliability of claim confidences; `--fit-calibration` refits the chosen model's
 * confidence calibration on this split (src/extraction/model/calibration*.json); `--min-confidence X` scores only
 * the claims at least that confident, as a reader filtering with `min_confidence` sees them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_MODEL, EXTRACTOR_MODELS, type ExtractorModel, extractClaims } from '../src/extraction';
import { detectAttributions } from '../src/extraction/detect';
import { reliabilityTable, rightClaims } from './calibration';
import { fitCalibration } from './fit-calibration';
import { listArticles, readArticle, readText, requireSplit, SHARED } from './polnear';

interface Args {
  split: string;
  out: string | null;
  errors: number;
  detectOnly: boolean;
  model: ExtractorModel;
  calibration: boolean;
  fit: boolean;
  /** Score only claims at least this confident (what a reader filtering with min_confidence sees). */
  minConfidence: number;
}

function parse(argv: string[]): Args {
  const args: Args = {
    split: 'dev',
    out: null,
    errors: 0,
    detectOnly: false,
    model: DEFAULT_MODEL,
    calibration: false,
    fit: false,
    minConfidence: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') args.split = argv[++i] ?? 'dev';
    else if (a === '--out') args.out = argv[++i] ?? null;
    else if (a === '--errors') args.errors = Number(argv[++i] ?? 0);
    // The builder keeps the detector's spans, so scoring the detector alone gives the same figures
    // and isolates it from work in progress on the claim builder.
    else if (a === '--detect-only') args.detectOnly = true;
    else if (a === '--min-confidence') args.minConfidence = Number(argv[++i] ?? 0);
    else if (a === '--model' && (EXTRACTOR_MODELS as readonly string[]).includes(argv[i + 1] ?? ''))
      args.model = argv[++i] as ExtractorModel;
    else if (a === '--calibration') args.calibration = true;
    else if (a === '--fit-calibration') args.fit = true;
    else {
      console.error(
        `unknown argument ${a}\nusage: eval-polnear [--split dev] [--model accurate|fast] [--out DIR] [--errors N] ` +
          '[--detect-only] [--calibration] [--fit-calibration] [--min-confidence X]',
      );
      process.exit(2);
    }
  }
  return args;
}

function main(): void {
  const args = parse(process.argv.slice(2));
  const goldDir = requireSplit(args.split);
  const scorer = path.join(SHARED, 'eval', 'polnear-score.mjs');
  if (!fs.existsSync(scorer)) {
    console.error(`scorer not found: ${scorer}`);
    process.exit(1);
  }
  if (args.fit) {
    fitCalibration(args.split, args.model);
    return;
  }
  const out = args.out ?? fs.mkdtempSync(path.join(os.tmpdir(), `polnear-${args.split}-`));
  fs.mkdirSync(out, { recursive: true });
  const t0 = process.hrtime.bigint();
  let claims = 0;
  const names = listArticles(args.split);
  const points: { confidence: number; right: boolean }[] = [];
  for (const name of names) {
    const text = readText(args.split, name);
    const found = args.detectOnly
      ? detectAttributions(text, args.model).map((d) => ({ spans: d, confidence: d.confidence }))
      : extractClaims(text, { model: args.model }).filter((c) => c.confidence >= args.minConfidence);
    claims += found.length;
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify({ claims: found }));
    if (args.calibration) {
      const right = rightClaims(
        text,
        readArticle(args.split, name).gold,
        found.map((c) => c.spans),
      );
      found.forEach((c, i) => {
        points.push({ confidence: c.confidence, right: right[i]! });
      });
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `model ${args.model}: extracted ${claims} claims from ${names.length} articles in ${ms.toFixed(0)} ms → ${out}`,
  );
  const scoreArgs = [scorer, '--gold', goldDir, '--pred', out];
  if (args.errors) scoreArgs.push('--errors', String(args.errors));
  const r = spawnSync(process.execPath, scoreArgs, { stdio: 'inherit' });
  if (args.calibration) console.log(`\nreliability (${args.model}, ${args.split}):\n${reliabilityTable(points)}`);
  process.exit(r.status ?? 1);
}

main();
