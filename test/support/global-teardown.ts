import { RUN_ENV } from './env';
import { removeTestLeftovers } from './leftovers';

/** Removes every database and Redis key this run made, whether its tests passed, failed or timed out. */
export default async function globalTeardown(): Promise<void> {
  const id = process.env[RUN_ENV];
  if (id) await removeTestLeftovers((run) => run === id);
}
