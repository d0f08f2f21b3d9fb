import { ApiError } from '../api';

/** Reports the outcome; `stale` when the claim changed meanwhile (412) and must be reloaded. */
export type Done = (message: string, ok: boolean, stale?: boolean) => void;

export function failed(done: Done, err: unknown): void {
  if (err instanceof ApiError && err.status === 412)
    done('Someone changed this claim meanwhile; it has been reloaded. Check it and try again.', false, true);
  else done(err instanceof Error ? err.message : String(err), false);
}
