import { useEffect, useState } from 'preact/hooks';
import { get, qs } from '../api';
import { ClaimItem, Loading, Problem } from '../components';
import { useLoad } from '../load';
import { useSession } from '../session';
import type { Claim, Page } from '../types';

/**
 * The start page: what waits for review, then the newest claims, page by page. The queue leaves out claims whose
 * attribution is probably wrong (the API's default min_confidence) unless the reviewer asks for them.
 */
export function QueueView() {
  const [uncertain, setUncertain] = useState(false);
  const queue = useLoad(
    () => get<{ items: Claim[] }>(`/v1/review-queue${qs({ min_confidence: uncertain ? 0 : null })}`),
    [uncertain],
  );
  return (
    <div class="columns">
      <section class="panel" aria-labelledby="queue-title">
        <h1 id="queue-title">Review queue</h1>
        <label class="inline">
          <input
            type="checkbox"
            id="queue-uncertain"
            checked={uncertain}
            onChange={(e) => setUncertain((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          Include claims whose speaker may be wrong (confidence under 30 %)
        </label>
        {queue.error ? <Problem error={queue.error} what="The review queue" /> : null}
        {queue.loading && !queue.data ? <Loading /> : null}
        {queue.data && !queue.data.items.length && <p class="muted">Nothing is flagged right now.</p>}
        <ol id="queue" class="claims">
          {queue.data?.items.map((c) => (
            <ClaimItem key={c.id} claim={c} />
          ))}
        </ol>
      </section>
      <RecentClaims />
    </div>
  );
}

function RecentClaims() {
  const { epoch } = useSession();
  const [items, setItems] = useState<Claim[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const more = async (from: string | null, reset: boolean) => {
    try {
      const page = await get<Page<Claim>>(`/v1/claims${qs({ order: 'newest', limit: 25, cursor: from })}`);
      setItems((old) => (reset ? page.items : [...old, ...page.items]));
      setCursor(page.next_cursor);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => {
    void more(null, true);
  }, [epoch]);
  return (
    <section class="panel" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent claims</h2>
      {error ? <Problem error={error} what="The claim list" /> : null}
      <ol id="recent" class="claims">
        {items.map((c) => (
          <ClaimItem key={c.id} claim={c} />
        ))}
      </ol>
      {cursor && (
        <button type="button" class="more" onClick={() => more(cursor, false)}>
          Show older claims
        </button>
      )}
    </section>
  );
}
