import path from 'node:path';
import Piscina from 'piscina';
import { DEFAULT_MODEL, type ExtractedClaim, type ExtractorModel } from '../extraction';
import { TOO_MANY_CLAIMS } from './thread';

export interface ExtractionPoolOptions {
  /** Threads extracting at once (each holds its own copy of the model). */
  threads: number;
  /** Heap cap of each thread: a thread that runs out dies alone, never the worker process. */
  threadMaxMb: number;
  /** Longest one article may take; past it the thread is terminated and the article refused. */
  timeoutSeconds: number;
  /** The model for texts that name none (EXTRACTOR_MODEL); DEFAULT_MODEL when not given. */
  model?: ExtractorModel;
}

/**
 * An article the extractor cannot handle within its time and memory budget. The same text fails the same
 * way every time, so it is not retried: the article ends `failed` with this reason.
 */
export class ExtractionRefused extends Error {
  override name = 'ExtractionRefused';
}

/**
 * Runs `extractClaims` in worker threads, so the event loop (HTTP requests, BullMQ's lock renewals) never
 * waits for an extraction, and a poison article that exhausts a thread's heap takes only that thread.
 * Threads start on first use, so an API-only process never loads the model.
 */
export class ExtractionPool {
  private pool: Piscina | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: ExtractionPoolOptions) {}

  /** The model an article gets: the one it asked for, or the deployment's. */
  modelFor(requested: ExtractorModel | null | undefined): ExtractorModel {
    return requested ?? this.options.model ?? DEFAULT_MODEL;
  }

  async extract(text: string, model?: ExtractorModel | null): Promise<ExtractedClaim[]> {
    await this.acquire();
    try {
      const signal = AbortSignal.timeout(this.options.timeoutSeconds * 1000);
      return await this.start().run({ text, options: { model: this.modelFor(model) } }, { signal });
    } catch (err) {
      throw refusal(err, this.options) ?? err;
    } finally {
      this.release();
    }
  }

  // Tasks wait here, not in piscina's queue, so the time limit counts an article's own work only.
  private async acquire(): Promise<void> {
    if (this.running < this.options.threads) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the thread to the next waiting task, if any. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /** Loads the model in a thread now, so the first article does not wait for it (a worker calls this at start). */
  warm(): void {
    this.extract('The mayor said the port would reopen.').catch(() => {});
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    // Waits for running extractions; the caller's shutdown deadline bounds how long.
    await pool?.close().catch(() => {});
  }

  private start(): Piscina {
    this.pool ??= new Piscina({
      filename: path.join(__dirname, 'thread-entry.js'),
      minThreads: 0,
      maxThreads: this.options.threads,
      // Idle threads are unref'd by piscina and ended after a minute, giving their memory back.
      idleTimeout: 60_000,
      // The young generation is V8's default 48 MB otherwise: extraction's garbage dies young, and 24 MB
      // (8 MB semi-spaces) collected 250 articles' garbage for the same CPU and keeps a worker ~25 MB smaller.
      resourceLimits: { maxOldGenerationSizeMb: this.options.threadMaxMb, maxYoungGenerationSizeMb: 24 },
    });
    return this.pool;
  }
}

function refusal(err: unknown, options: ExtractionPoolOptions): ExtractionRefused | undefined {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e?.message ?? '')) {
    return new ExtractionRefused(`extraction ran out of memory (thread heap limit ${options.threadMaxMb} MB)`);
  }
  if (e?.message?.startsWith(TOO_MANY_CLAIMS)) return new ExtractionRefused(`extraction refused: ${e.message}`);
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError') {
    return new ExtractionRefused(`extraction took longer than ${options.timeoutSeconds} s`);
  }
  return undefined;
}
