import type { Deps } from '../src/deps';
import type { JobHandler } from '../src/queue/worker-host';
import { reconcileOnce } from '../src/reconciler/reconcile';

/** Reconcile: the repeatable pass that re-enqueues stranded articles from Postgres. */
export function reconcileHandler(deps: Deps): JobHandler<'Reconcile'> {
  return async () => reconcileOnce(deps);
}
