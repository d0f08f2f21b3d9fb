/**
 * `npm run eval:polnear -- --split dev [--out DIR] [--errors N]`: runs extractClaims over a PolNeAR split,
 * writes one `<name>.json` per article and prints the shared scorer's table.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractClaims } from '../src/extraction';
import { detectAttributions } from '../src/extraction/detect';
import { listArticles, readText, requireSplit, SHARED } from './polnear';

function parse(argv: string[]): { split: string; out: string | null; errors: number; detectOnly: boolean } {
  const args = { split: 'dev', out: null as string | null, errors: 0, detectOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--split') args.split = argv[++i] ?? 'dev';
    else if (a === '--out') args.out = argv[++i] ?? null;
    else if (a === '--errors') args.errors = Number(argv[++i] ?? 0);
    // The builder keeps the detector's spans, so scoring the detector alone gives the same figures
    // and isolates it from work in progress on the claim builder.
    else if (a === '--detect-only') args.detectOnly = true;
    else {
      console.error(
        `unknown argument ${a}\nusage: eval-polnear [--split dev] [--out DIR] [--errors N] [--detect-only]`,
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
  const out = args.out ?? fs.mkdtempSync(path.join(os.tmpdir(), `polnear-${args.split}-`));
  fs.mkdirSync(out, { recursive: true });
  const t0 = process.hrtime.bigint();
  let claims = 0;
  const names = listArticles(args.split);
  for (const name of names) {
    const text = readText(args.split, name);
    const found = args.detectOnly ? detectAttributions(text).map((d) => ({ spans: d })) : extractClaims(text);
    claims += found.length;
    fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify({ claims: found }));
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`extracted ${claims} claims from ${names.length} articles in ${ms.toFixed(0)} ms → ${out}`);
  const scoreArgs = [scorer, '--gold', goldDir, '--pred', out];
  if (args.errors) scoreArgs.push('--errors', String(args.errors));
  const r = spawnSync(process.execPath, scoreArgs, { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

main();
