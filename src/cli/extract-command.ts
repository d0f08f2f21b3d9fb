import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MODEL, EXTRACTOR_MODELS, type ExtractorModel, extractClaims } from '../extraction';

export interface ExtractOptions {
  files: string[];
  in?: string;
  out?: string;
  /** `accurate` (default) or `fast`. */
  model?: string;
}

export interface ExtractIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** A failure the user can fix (a missing file, a bad flag): one line on stderr, exit code 1, no stack trace. */
class UsageError extends Error {}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(err));
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
}

/** Every `<name>.txt` in `inDir` becomes `<name>.json` = `{ "claims": [...] }` in `outDir`. */
function extractDirectory(inDir: string, outDir: string, model: ExtractorModel, io: ExtractIo): void {
  const started = process.hrtime.bigint();
  let names: string[];
  try {
    names = fs
      .readdirSync(inDir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
  } catch {
    throw new UsageError(`cannot read directory ${inDir}`);
  }
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch {
    throw new UsageError(`cannot create directory ${outDir}`);
  }
  let claims = 0;
  for (const name of names) {
    const found = extractClaims(readText(path.join(inDir, name)), { model });
    claims += found.length;
    fs.writeFileSync(path.join(outDir, `${name.slice(0, -4)}.json`), `${JSON.stringify({ claims: found })}\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  io.stderr(`extracted ${names.length} files, ${claims} claims in ${seconds.toFixed(2)} s -> ${outDir}\n`);
}

/** Runs `claimtrack extract`; returns the exit code so tests can call it in-process. */
export function runExtract(opts: ExtractOptions, io: ExtractIo): number {
  try {
    const model = opts.model ?? DEFAULT_MODEL;
    if (!(EXTRACTOR_MODELS as readonly string[]).includes(model))
      throw new UsageError(`--model must be one of ${EXTRACTOR_MODELS.join(', ')} (got ${model})`);
    const chosen = model as ExtractorModel;
    if (opts.in || opts.out) {
      if (!opts.in || !opts.out) throw new UsageError('--in and --out go together: --in DIR --out DIR');
      if (opts.files.length) throw new UsageError('give either FILE… or --in DIR --out DIR, not both');
      extractDirectory(opts.in, opts.out, chosen, io);
      return 0;
    }
    if (!opts.files.length) throw new UsageError('nothing to extract: give FILE… or --in DIR --out DIR');
    // Read everything first so a typo in the last name fails before any output is printed.
    const texts = opts.files.map((file) => ({ file, text: readText(file) }));
    const out = texts.map(({ file, text }) => ({ file, claims: extractClaims(text, { model: chosen }) }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`claimtrack extract: ${err.message}\n`);
    return 1;
  }
}

/** `claimtrack extract FILE…` prints claims as JSON; `--in DIR --out DIR` writes one JSON per text. No services needed. */
export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Extract attributable claims from text files (no database or queue needed)')
    .argument('[files...]', 'text files to read; their claims are printed as JSON')
    .option('--in <dir>', 'read every <name>.txt in this directory')
    .option('--out <dir>', 'write <name>.json = { "claims": [...] } here (created if missing)')
    .option('--model <name>', 'accurate (BiLSTM tagger, the default) or fast (perceptrons, about twice as fast)')
    .action((files: string[], opts: { in?: string; out?: string; model?: string }) => {
      const code = runExtract(
        { files, in: opts.in, out: opts.out, model: opts.model },
        { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
      );
      if (code) process.exitCode = code;
    });
}
