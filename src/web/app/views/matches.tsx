import { get, post } from '../api';
import { Problem, Verdict } from '../components';
import { formatDate, percent, statusLabel } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { useSession } from '../session';
import type { ClaimMatches, Match } from '../types';
import { type Done, failed } from './outcome';

interface Group {
  id: string;
  appearances: number;
  speakers: string[];
  verdict: string | null;
  claims: { id: string; text: string; article_id: string; article_title: string | null; publisher: string | null }[];
}

// Who may confirm, reject or unlink a match (POST /v1/claims/:id/matches/:matchId/…; the API enforces it).
const MAY_DECIDE = new Set(['admin', 'editor', 'reviewer']);
const STATE: Record<Match['state'], string> = {
  suggested: 'Suggested',
  auto: 'Linked automatically',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};

/** Fact-checks and other appearances of the same claim, with the suggestions to confirm or reject. */
export function Matches({ claimId, onChange }: { claimId: string; onChange: Done }) {
  const { me } = useSession();
  const loaded = useLoad(async () => {
    const matches = await get<ClaimMatches>(`/v1/claims/${claimId}/matches`);
    const group = matches.group ? await get<Group>(`/v1/claim-groups/${matches.group.id}`).catch(() => null) : null;
    return { matches, group };
  }, [claimId]);
  const decide = async (m: Match, action: 'confirm' | 'reject' | 'unlink') => {
    try {
      await post(`/v1/claims/${claimId}/matches/${m.id}/${action}`, {});
      onChange(
        action === 'confirm' ? 'Match confirmed.' : action === 'reject' ? 'Match rejected.' : 'Match unlinked.',
        true,
      );
      loaded.reload();
    } catch (err) {
      failed(onChange, err);
    }
  };
  const mayDecide = me ? MAY_DECIDE.has(me.role) : false;
  return (
    <section class="panel" aria-labelledby="matches-title" id="matches">
      <h2 id="matches-title">Fact-checks and other appearances</h2>
      {loaded.error ? <Problem error={loaded.error} what="Matching" /> : null}
      {loaded.data && !loaded.data.matches.items.length && <p class="muted">No matches found for this claim.</p>}
      <ol class="matches">
        {loaded.data?.matches.items.map((m) => (
          <li key={m.id} class={`match match-${m.state}`} data-match={m.id}>
            <MatchTarget match={m} />
            <p class="meta">
              {STATE[m.state]} · {percent(m.score)} likely the same claim · {formatDate(m.created_at)}
            </p>
            {mayDecide && m.state === 'suggested' && (
              <p class="actions">
                <button type="button" onClick={() => decide(m, 'confirm')}>
                  Confirm match
                </button>{' '}
                <button type="button" class="secondary" onClick={() => decide(m, 'reject')}>
                  Reject
                </button>
              </p>
            )}
            {mayDecide && (m.state === 'confirmed' || m.state === 'auto') && (
              <p class="actions">
                <button type="button" class="secondary" onClick={() => decide(m, 'unlink')}>
                  Unlink
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {loaded.data?.group && (
        <div id="claim-group">
          <h3>Appears {loaded.data.group.appearances} times</h3>
          <p class="meta">
            Said by {loaded.data.group.speakers.join(', ') || 'unknown speakers'}
            {loaded.data.group.verdict && (
              <>
                {' '}
                · verdict <Verdict verdict={loaded.data.group.verdict} />
              </>
            )}
          </p>
          <ul class="plain">
            {loaded.data.group.claims.map((c) => (
              <li key={c.id}>
                <Link href={`/claims/${c.id}`}>{c.text}</Link>{' '}
                <span class="muted">
                  — {c.article_title ?? 'Untitled article'}
                  {c.publisher && `, ${c.publisher}`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function MatchTarget({ match }: { match: Match }) {
  const t = match.target;
  if (t.type === 'factcheck')
    return (
      <p>
        Fact-check{t.author_org && ` by ${t.author_org}`}:{' '}
        <a href={t.url} rel="noopener noreferrer" target="_blank">
          {t.claim_reviewed}
        </a>{' '}
        {t.verdict ? <Verdict verdict={t.verdict} /> : t.rating_name && <span class="verdict">{t.rating_name}</span>}
      </p>
    );
  return (
    <p>
      Same claim in <Link href={`/articles/${t.article_id}?claim=${t.id}`}>{t.article_title ?? 'another article'}</Link>
      : <Link href={`/claims/${t.id}`}>{t.text}</Link> ({t.speaker_name ?? 'unknown speaker'}, {statusLabel(t.status)}){' '}
      <Verdict verdict={t.verdict} />
    </p>
  );
}
