import type { ComponentChildren } from 'preact';
import { ApiError } from './api';
import { speakerName, speakerTypeLabel, statusLabel, verdictLabel } from './labels';
import { Link } from './router';
import { type Mark, type Segment, strongest } from './spans';
import type { Claim } from './types';

/** An error in words; a route another branch brings shows as "not available" instead of a failure. */
export function Problem({ error, what }: { error: unknown; what: string }) {
  if (error instanceof ApiError && error.unavailable)
    return (
      <p class="message unavailable" role="status">
        {what} is not available on this server yet.
      </p>
    );
  return (
    <p class="message error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      Loading…
    </p>
  );
}

export function Status({ status }: { status: string }) {
  return <span class={`status status-${status}`}>{statusLabel(status)}</span>;
}

export function Verdict({ verdict }: { verdict: string | null | undefined }) {
  if (!verdict) return null;
  return <span class={`verdict verdict-${verdict}`}>{verdictLabel(verdict)}</span>;
}

export function Message({ text, ok }: { text: string; ok: boolean }) {
  if (!text) return null;
  return (
    <p class={`message ${ok ? 'ok' : 'error'}`} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  );
}

/** One claim in a list: a link (so it can be opened in a tab), marked when it is the claim on screen. */
export function ClaimItem({ claim, current }: { claim: Claim; current?: boolean }) {
  return (
    <li>
      <Link
        href={`/claims/${claim.id}`}
        class="claim-item"
        data-nav
        data-id={claim.id}
        aria-current={current ? 'true' : undefined}
      >
        <span class="claim-text">{claim.text.length > 160 ? `${claim.text.slice(0, 160)}…` : claim.text}</span>
        <span class="meta">
          {speakerName(claim.speaker)} · {speakerTypeLabel(claim.speaker.type)} · <Status status={claim.status} />
          {claim.review.priority && claim.status === 'flagged' && ` · ${claim.review.priority} priority`}
          {claim.review.verdict && (
            <>
              {' · '}
              <Verdict verdict={claim.review.verdict} />
            </>
          )}
        </span>
      </Link>
    </li>
  );
}

/** Text with its highlight segments; plain text only (never HTML), so article bodies cannot inject markup. */
export function Highlighted({
  text,
  parts,
  focus,
  onOpen,
}: {
  text: string;
  parts: Segment[];
  focus?: string;
  onOpen?: (claimId: string) => void;
}): ComponentChildren {
  return parts.map((seg) => {
    const words = text.slice(seg.start, seg.end);
    const mark: Mark | undefined = strongest(seg.marks);
    if (!mark) return words;
    const cls = `hl hl-${mark.role}${focus && seg.marks.some((m) => m.claimId === focus) ? ' hl-focus' : ''}`;
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut; keyboards open claims from the who-said-what list
      <mark
        key={seg.start}
        class={cls}
        data-claim={mark.claimId}
        data-role={mark.role}
        onClick={onOpen ? () => onOpen(mark.claimId) : undefined}
      >
        {words}
      </mark>
    );
  });
}

/** The <option>s of a select from [value, label] pairs. */
export function Options({ pairs }: { pairs: [string, string][] }) {
  return (
    <>
      {pairs.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}
