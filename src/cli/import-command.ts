import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';

export interface ImportOptions {
  url: string;
  key?: string;
  idempotencyKey?: string;
  /** fast or accurate; the API refuses other names with a 400. */
  model?: string;
  /** How often progress is polled; tests make it short. */
  pollMs?: number;
}

export interface ImportIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Where the progress bar is drawn (drawn only on a terminal). */
  barStream?: NodeJS.WritableStream;
}

class UsageError extends Error {}

interface Summary {
  id: string;
  status: string;
  failure?: string | null;
  totals: Record<'received' | 'duplicate' | 'invalid' | 'queued' | 'extracted' | 'failed' | 'pending', number>;
  claims: number;
  errors?: { line: number; problem: string }[];
}

/**
 * `claimtrack import FILE`: streams the file to POST /v1/imports (never read whole), then follows the
 * import until every article is extracted or failed. Exit code 1 when any line was invalid or any
 * article failed, so a script can tell a clean import from one that needs attention.
 */
export async function runImport(file: string, opts: ImportOptions, io: ImportIo): Promise<number> {
  try {
    if (!opts.key) throw new UsageError('no API key: pass --key or set CLAIMTRACK_KEY');
    const size = fileSize(file);
    const base = opts.url.replace(/\/+$/, '');
    const headers: Record<string, string> = {
      authorization: `Bearer ${opts.key}`,
      'content-type': file.endsWith('.json') ? 'application/json' : 'application/x-ndjson',
    };
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    io.stderr(`uploading ${file} (${(size / 1e6).toFixed(1)} MB) to ${base}\n`);
    const query = opts.model ? `?model=${encodeURIComponent(opts.model)}` : '';
    const posted = await call(`${base}/v1/imports${query}`, {
      method: 'POST',
      headers,
      body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    let summary = posted as Summary;
    io.stderr(
      `import ${summary.id}: ${summary.totals.queued} new articles, ${summary.totals.duplicate} duplicates, ${summary.totals.invalid} invalid lines\n`,
    );
    const bar = new SingleBar(
      {
        stream: io.barStream ?? process.stderr,
        format: 'extracting [{bar}] {value}/{total} articles | {claims} claims | {failed} failed',
      },
      Presets.shades_classic,
    );
    bar.start(summary.totals.queued, 0, { claims: 0, failed: 0 });
    // A stopped upload (`failed`, `partial`) is followed until what it stored is extracted.
    while (summary.status !== 'finished' && (summary.totals.pending > 0 || summary.status === 'processing')) {
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
      summary = (await call(`${base}/v1/imports/${summary.id}`, {
        headers: { authorization: `Bearer ${opts.key}` },
      })) as Summary;
      bar.update(summary.totals.extracted + summary.totals.failed, {
        claims: summary.claims,
        failed: summary.totals.failed,
      });
    }
    bar.stop();
    if (summary.status === 'failed' || summary.status === 'partial')
      io.stderr(
        `import ${summary.id} is ${summary.status}: ${summary.failure}; send it again with the same --idempotency-key to resume\n`,
      );
    const { received, duplicate, invalid, queued, extracted, failed } = summary.totals;
    io.stdout(
      `${JSON.stringify({ id: summary.id, received, duplicate, invalid, queued, extracted, failed, claims: summary.claims })}\n`,
    );
    for (const e of summary.errors ?? []) io.stderr(`line ${e.line}: ${e.problem}\n`);
    if (failed)
      io.stderr(
        `${failed} articles failed: see GET /v1/imports/${summary.id}/failures, retry with POST /v1/imports/${summary.id}/retry-failed\n`,
      );
    return failed || invalid || summary.status !== 'finished' ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`claimtrack import: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function fileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`cannot read ${file}: not a file`);
    return stat.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`);
  }
}

/** One API call; every way it can go wrong becomes one readable line. */
async function call(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new UsageError(
      `cannot reach the API at ${new URL(url).origin} (${cause?.code ?? cause?.message ?? (err as Error).message})`,
    );
  }
  const text = await res.text();
  let body: { detail?: string } | undefined;
  try {
    body = JSON.parse(text);
  } catch {}
  if (res.status === 401) throw new UsageError('the API refused the key (401): check --key or CLAIMTRACK_KEY');
  if (!res.ok) throw new UsageError(`the API answered ${res.status}: ${body?.detail ?? text.slice(0, 200)}`);
  return body;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('Stream an NDJSON feed (one article per line) to the API and follow its extraction')
    .argument('<file>', 'NDJSON file (or a .json array up to the API body limit)')
    .option('--url <url>', 'API base URL', process.env.CLAIMTRACK_URL ?? 'http://localhost:3000')
    .option('--key <key>', 'importer or admin API key (default: $CLAIMTRACK_KEY)', process.env.CLAIMTRACK_KEY)
    .option('--idempotency-key <key>', 'sending the same key again returns the first import')
    .option(
      '--model <name>',
      "extractor model for these articles: fast or accurate (default: the service's EXTRACTOR_MODEL)",
    )
    .action(async (file: string, opts: ImportOptions) => {
      const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
      process.exitCode = await runImport(file, opts, io);
    });
}
