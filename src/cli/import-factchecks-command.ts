import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';

export interface FactcheckImportOptions {
  url: string;
  key?: string;
}

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  barStream?: NodeJS.WritableStream;
}

/**
 * `claimtrack import-factchecks FILE`: streams a ClaimReview feed (NDJSON, or a .json array / object) to
 * POST /v1/factchecks with a progress bar over the bytes sent. The library takes a feed whole or not at
 * all, so a bad record prints its line and the exit code is 1 with nothing stored.
 */
export async function runImportFactchecks(file: string, opts: FactcheckImportOptions, io: Io): Promise<number> {
  if (!opts.key) {
    io.stderr('claimtrack import-factchecks: no API key: pass --key or set CLAIMTRACK_KEY\n');
    return 1;
  }
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    io.stderr(`claimtrack import-factchecks: cannot read ${file}: ${(err as NodeJS.ErrnoException).code}\n`);
    return 1;
  }
  const bar = new SingleBar(
    { stream: io.barStream ?? process.stderr, format: 'sending [{bar}] {percentage}% | {value}/{total} bytes' },
    Presets.shades_classic,
  );
  bar.start(size, 0);
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sent += chunk.length;
      bar.update(sent);
      done(null, chunk);
    },
  });
  let res: Response;
  try {
    res = await fetch(`${opts.url.replace(/\/+$/, '')}/v1/factchecks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${opts.key}`,
        'content-type':
          file.endsWith('.json') || file.endsWith('.jsonld') ? 'application/json' : 'application/x-ndjson',
      },
      body: Readable.toWeb(fs.createReadStream(file).pipe(counter)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
  } catch (err) {
    bar.stop();
    io.stderr(`claimtrack import-factchecks: cannot reach the API (${(err as Error).message})\n`);
    return 1;
  }
  bar.stop();
  const body = (await res.json().catch(() => ({}))) as {
    detail?: string;
    errors?: { line: number; problem: string }[];
  };
  if (!res.ok) {
    io.stderr(`the API answered ${res.status}: ${body.detail ?? ''}\n`);
    for (const e of body.errors ?? []) io.stderr(`line ${e.line}: ${e.problem}\n`);
    return 1;
  }
  io.stdout(`${JSON.stringify(body)}\n`);
  return 0;
}

export function registerImportFactchecksCommand(program: Command): void {
  program
    .command('import-factchecks')
    .description('Send a ClaimReview feed (NDJSON, or a JSON array) to the fact-check library')
    .argument('<file>', 'NDJSON file, one ClaimReview per line (or a .json array)')
    .option('--url <url>', 'API base URL', process.env.CLAIMTRACK_URL ?? 'http://localhost:3000')
    .option('--key <key>', 'editor or admin API key (default: $CLAIMTRACK_KEY)', process.env.CLAIMTRACK_KEY)
    .action(async (file: string, opts: FactcheckImportOptions) => {
      const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
      process.exitCode = await runImportFactchecks(file, opts, io);
    });
}
