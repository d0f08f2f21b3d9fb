import { useState } from 'preact/hooks';
import { post } from '../api';
import { Options } from '../components';
import { moveLabel, PRIORITIES, statusLabel, VERDICTS } from '../labels';
import type { ClaimDetail } from '../types';
import { type Done, failed } from './outcome';

const SHORTCUT: Record<string, string> = { flagged: 'flag', reviewed: 'verdict', in_review: 'review' };

export function MoveForm(props: { claim: ClaimDetail; etag: string | null; to: string; needs: string[]; done: Done }) {
  const { claim, etag, to, needs, done } = props;
  const [note, setNote] = useState('');
  const [priority, setPriority] = useState('normal');
  const [verdict, setVerdict] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [evidenceTitle, setEvidenceTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const label = moveLabel(to, claim.status);
  const id = `move-${to}`;
  const noteLabel = to === 'reviewed' ? 'Verdict note' : to === 'flagged' ? 'Why check this?' : 'Reason';

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Flagging has one endpoint and one set of rules (a reason and a priority).
      if (to === 'flagged') await post(`/v1/claims/${claim.id}/flags`, { reason: note, priority }, etag);
      else {
        const body: Record<string, unknown> = { to };
        if (note.trim()) body.note = note.trim();
        if (verdict) body.verdict = verdict;
        if (evidenceUrl.trim()) body.evidence = [{ url: evidenceUrl.trim(), title: evidenceTitle.trim() || null }];
        await post(`/v1/claims/${claim.id}/transitions`, body, etag);
      }
      done(
        to === 'flagged' ? 'Flagged for verification.' : `${label}: done, now ${statusLabel(to).toLowerCase()}.`,
        true,
      );
    } catch (err) {
      failed(done, err);
    }
    setBusy(false);
  };

  return (
    <form id={id} class="move" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{label}</h3>
      {needs.includes('verdict') && (
        <label>
          Verdict
          <select
            name="verdict"
            required
            value={verdict}
            data-shortcut="verdict"
            onChange={(e) => setVerdict(e.currentTarget.value)}
          >
            <option value="">Choose a verdict…</option>
            <Options pairs={VERDICTS} />
          </select>
        </label>
      )}
      {needs.includes('note') && (
        <label>
          {noteLabel}
          <textarea
            name="note"
            required
            rows={to === 'reviewed' ? 3 : 2}
            value={note}
            data-shortcut={to === 'flagged' ? 'flag' : undefined}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
      )}
      {needs.includes('priority') && (
        <label>
          Priority
          <select name="priority" value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
            <Options pairs={PRIORITIES} />
          </select>
        </label>
      )}
      {to === 'reviewed' && (
        <fieldset>
          <legend>Evidence (optional)</legend>
          <label>
            Link{' '}
            <input
              name="evidence-url"
              type="url"
              value={evidenceUrl}
              onInput={(e) => setEvidenceUrl(e.currentTarget.value)}
            />
          </label>
          <label>
            Title{' '}
            <input
              name="evidence-title"
              value={evidenceTitle}
              onInput={(e) => setEvidenceTitle(e.currentTarget.value)}
            />
          </label>
        </fieldset>
      )}
      <button type="submit" disabled={busy} data-shortcut={needs.length ? undefined : SHORTCUT[to]}>
        {label}
      </button>
    </form>
  );
}

export function EvidenceForm({ claimId, done }: { claimId: string; done: Done }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await post(`/v1/claims/${claimId}/evidence`, {
        url: url.trim(),
        title: title.trim() || null,
        note: note.trim() || null,
      });
      done('Evidence added.', true);
    } catch (err) {
      failed(done, err);
    }
  };
  return (
    <form id="evidence-form" class="move" onSubmit={submit} aria-labelledby="evidence-title">
      <h3 id="evidence-title">Add evidence</h3>
      <label>
        Link
        <input
          name="url"
          type="url"
          required
          placeholder="https://…"
          value={url}
          data-shortcut="evidence"
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      <label>
        Title <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Note <input name="note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit">Add evidence</button>
    </form>
  );
}
