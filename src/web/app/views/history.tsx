import { get } from '../api';
import { Problem, Verdict } from '../components';
import { formatDate, priorityLabel, roleLabel, statusLabel } from '../labels';
import { useLoad } from '../load';
import type { HistoryEvent } from '../types';

function what(e: HistoryEvent): string {
  if (e.type === 'transition' && e.from && e.to) return `${statusLabel(e.from)} → ${statusLabel(e.to)}`;
  if (e.type === 'evidence') return 'Evidence added';
  return statusLabel(e.type);
}

/** Every event of the claim, oldest first: who (key name and role), when, what, and why. */
export function History({ claimId, version }: { claimId: string; version: string }) {
  const loaded = useLoad(() => get<{ items: HistoryEvent[] }>(`/v1/claims/${claimId}/history`), [claimId, version]);
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      {loaded.error ? <Problem error={loaded.error} what="The history" /> : null}
      {loaded.data && !loaded.data.items.length && <p class="muted">Nothing has happened to this claim yet.</p>}
      <ol id="history" class="history">
        {loaded.data?.items.map((e) => (
          <li key={e.id}>
            <p>
              <strong>{what(e)}</strong>
              {e.verdict && (
                <>
                  {' · '}
                  <Verdict verdict={e.verdict} />
                </>
              )}
              {e.priority && ` · ${priorityLabel(e.priority)} priority`}
            </p>
            {e.note && <p class="note">{e.note}</p>}
            {e.evidence.map((x) => (
              <p key={x.url} class="evidence">
                Evidence:{' '}
                <a href={x.url} rel="noopener noreferrer" target="_blank">
                  {x.title ?? x.url}
                </a>
                {x.note && ` — ${x.note}`}
              </p>
            ))}
            <p class="meta">
              {e.actor.name ?? 'claimtrack'} ({roleLabel(e.actor.role).toLowerCase()}), {formatDate(e.at, true)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
