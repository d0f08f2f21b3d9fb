import { useState } from 'preact/hooks';
import { get, getAll, post } from '../api';
import { Loading, Message, Problem, Status, Verdict } from '../components';
import { formatDate, percent, speakerTypeLabel, verdictLabel } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { useSession } from '../session';
import { type Done, failed } from './outcome';
import type { Speaker, SpeakerClaim } from '../types';
import { MergeForm } from './merge-form';
import { Timeline } from './timeline';

/** A speaker's claims over time across articles, their record once 4 claims are reviewed, merge and split. */
export function SpeakerView({ id }: { id: string }) {
  const { me } = useSession();
  const [message, setMessage] = useState({ text: '', ok: true });
  const loaded = useLoad(
    () => Promise.all([get<Speaker>(`/v1/speakers/${id}`), getAll<SpeakerClaim>(`/v1/speakers/${id}/claims`)]),
    [id],
  );
  if (loaded.error) return <Problem error={loaded.error} what="The speaker registry" />;
  if (!loaded.data) return <Loading />;
  const [speaker, claims] = loaded.data;
  const done = (text: string, ok: boolean) => {
    setMessage({ text, ok });
    if (ok) loaded.reload();
  };
  const mayEdit = me?.role === 'editor' || me?.role === 'admin';
  return (
    <div class="columns wide-left">
      <section class="panel" aria-labelledby="speaker-title">
        <h1 id="speaker-title">{speaker.name}</h1>
        <p class="meta">
          {speakerTypeLabel(speaker.type)}
          {speaker.title && ` · ${speaker.title}`}
          {speaker.affiliation && ` · ${speaker.affiliation}`} · {speaker.claim_count} claims, first seen{' '}
          {formatDate(speaker.first_seen)}, last seen {formatDate(speaker.last_seen)}
        </p>
        {speaker.aliases.length > 0 && <p class="meta">Also named: {speaker.aliases.join(', ')}</p>}
        {speaker.merged_into && (
          <p class="message unavailable">
            Merged into <Link href={`/speakers/${speaker.merged_into}`}>another speaker</Link>.
          </p>
        )}
        <Message text={message.text} ok={message.ok} />
        <h2>Claims over time</h2>
        <Timeline dates={claims.map((c) => c.published_at)} />
        <SpeakerClaims speakerId={id} claims={claims} mayEdit={mayEdit} done={done} />
      </section>
      <aside class="stack">
        <section class="panel" aria-labelledby="record-title">
          <h2 id="record-title">Record</h2>
          {speaker.track_record ? (
            <>
              <p id="track-record">
                {speaker.track_record.reviewed} reviewed claims: {percent(speaker.track_record.share_true)} true or
                mostly true, {percent(speaker.track_record.share_false)} false or mostly false.
              </p>
              <p class="muted">{speaker.track_record.note}</p>
            </>
          ) : (
            <p class="muted">A record is shown once 4 of this speaker's claims are reviewed.</p>
          )}
          <ul class="plain">
            {Object.entries(speaker.verdict_counts ?? {}).map(([v, n]) => (
              <li key={v}>
                {verdictLabel(v)}: {n}
              </li>
            ))}
          </ul>
        </section>
        {mayEdit && <MergeForm speakerId={id} done={done} />}
      </aside>
    </div>
  );
}

function SpeakerClaims(props: { speakerId: string; claims: SpeakerClaim[]; mayEdit: boolean; done: Done }) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setPicked((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const split = async () => {
    try {
      await post(`/v1/speakers/${props.speakerId}/split`, { claim_ids: [...picked] });
      props.done(`${picked.size} claims moved to a new speaker.`, true);
    } catch (err) {
      failed(props.done, err);
    }
  };
  return (
    <>
      <ol id="speaker-claims" class="claims">
        {props.claims.map((c) => (
          <li key={c.id} class="with-check">
            {props.mayEdit && (
              <input
                type="checkbox"
                aria-label={`Pick for split: ${c.text.slice(0, 60)}`}
                checked={picked.has(c.id)}
                onChange={() => toggle(c.id)}
              />
            )}
            <Link href={`/claims/${c.id}`} data-nav class="claim-item" data-id={c.id}>
              <span class="claim-text">{c.text}</span>
              <span class="meta">
                {formatDate(c.published_at)} · {c.article_title ?? 'Untitled article'}
                {c.publisher && `, ${c.publisher}`} · <Status status={c.status} /> <Verdict verdict={c.verdict} />
              </span>
            </Link>
          </li>
        ))}
      </ol>
      {props.mayEdit && (
        <button type="button" disabled={!picked.size} onClick={split}>
          Split the picked claims into a new speaker
        </button>
      )}
    </>
  );
}
