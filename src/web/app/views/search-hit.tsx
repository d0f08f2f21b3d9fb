import type { JSX } from 'preact';
import { Status, Verdict } from '../components';
import { formatDate, speakerName, speakerTypeLabel } from '../labels';
import { Link } from '../router';
import type { SearchHit } from '../types';

/** The snippet with the API's highlight offsets as <mark>. */
function Snippet({ hit }: { hit: SearchHit }) {
  const out: (string | JSX.Element)[] = [];
  let at = 0;
  for (const [a, b] of hit.highlights) {
    if (a < at) continue;
    out.push(hit.snippet.slice(at, a), <mark key={a}>{hit.snippet.slice(a, b)}</mark>);
    at = b;
  }
  out.push(hit.snippet.slice(at));
  return <p class="snippet">{out}</p>;
}

export function Hit({ hit }: { hit: SearchHit }) {
  if (hit.claim) {
    const c = hit.claim;
    return (
      <li>
        <Link href={`/claims/${c.id}`} data-nav class="result-link">
          {c.text}
        </Link>
        <Snippet hit={hit} />
        <p class="meta">
          Claim · {speakerName({ ...c.speaker, name: c.speaker.name })} ({speakerTypeLabel(c.speaker.type)}) ·{' '}
          <Status status={c.status} /> <Verdict verdict={c.verdict} /> ·{' '}
          <Link href={`/articles/${c.article_id}?claim=${c.id}`}>in context</Link>
        </p>
      </li>
    );
  }
  if (hit.article) {
    const a = hit.article;
    return (
      <li>
        <Link href={`/articles/${a.id}`} data-nav class="result-link">
          {a.title ?? 'Untitled article'}
        </Link>
        <Snippet hit={hit} />
        <p class="meta">
          Article · {a.publisher ?? 'Unknown publisher'} · {formatDate(a.published_at)}
        </p>
      </li>
    );
  }
  const f = hit.factcheck;
  return (
    <li>
      <a href={f?.url} data-nav class="result-link" rel="noopener noreferrer" target="_blank">
        {f?.claim_reviewed ?? hit.snippet}
      </a>
      <Snippet hit={hit} />
      <p class="meta">
        Fact-check{f?.author_org && ` by ${f.author_org}`} · <Verdict verdict={f?.verdict} />{' '}
        {formatDate(f?.published_at)}
      </p>
    </li>
  );
}
