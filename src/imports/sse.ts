import type { Request, Response } from 'express';
import type { Deps } from '../deps';
import { importSummary, requireImport } from './progress';

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;

/**
 * Progress as server-sent events: a `progress` event whenever the totals change, then one `finished`
 * (or `failed` / `partial` for an upload that stopped) event and the end of the stream. Polls Postgres (the truth) rather than listening to the queue.
 */
export async function streamImportEvents(deps: Deps, id: string, req: Request, res: Response): Promise<void> {
  let row = await requireImport(deps, id);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  let closed = false;
  req.on('close', () => {
    closed = true;
  });
  let last = '';
  let lastWrite = Date.now();
  let seq = 0;
  while (!closed) {
    const summary = await importSummary(deps, row, false);
    const { errors: _, ...progress } = summary;
    const data = JSON.stringify(progress);
    // A stopped upload ends the stream too: nothing more will arrive until someone resumes it.
    if (summary.status === 'finished' || summary.status === 'failed' || summary.status === 'partial') {
      res.write(`id: ${++seq}\nevent: ${summary.status}\ndata: ${data}\n\n`);
      break;
    }
    // The rate moves on every poll; only changed totals make a new event.
    const totals = JSON.stringify([summary.totals, summary.claims]);
    if (totals !== last || Date.now() - lastWrite > HEARTBEAT_MS) {
      res.write(totals !== last ? `id: ${++seq}\nevent: progress\ndata: ${data}\n\n` : ': still working\n\n');
      last = totals;
      lastWrite = Date.now();
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
    row = await requireImport(deps, id);
  }
  res.end();
}
