import type { Deps } from '../src/deps';
import type { JobHandler } from '../src/queue/worker-host';
import { resolveSpeakers } from '../src/speakers/resolve';

/** SpeakerResolve: thin entry point around speaker resolution. */
export function speakerResolveHandler(deps: Deps): JobHandler<'SpeakerResolve'> {
  return async (payload) => resolveSpeakers(deps.db, payload.articleIds);
}
