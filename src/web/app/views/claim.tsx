import { useState } from 'preact/hooks';
import { call, get, getAll } from '../api';
import { ClaimItem, Highlighted, Loading, Message, Problem, Status, Verdict } from '../components';
import { formatDate, kindLabel, percent, speakerName, speakerTypeLabel } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { claimMarks, paragraphAround, paragraphOf, segments } from '../spans';
import type { Article, Claim, ClaimActions, ClaimDetail } from '../types';
import { History } from './history';
import { Matches } from './matches';
import { Workflow } from './workflow';

/** A claim's page: where it sits in the article, who said it, its matches, the verification flow, history. */
export function ClaimView({ id }: { id: string }) {
  const [message, setMessage] = useState({ text: '', ok: true });
  // Counts the changes made from this page: evidence does not bump the claim's version, yet its form
  // must empty and the history must show it.
  const [changes, setChanges] = useState(0);
  const loaded = useLoad(async () => {
    const { data: claim, etag } = await call<ClaimDetail>('GET', `/v1/claims/${id}`);
    const [article, siblings, actions] = await Promise.all([
      get<Article>(`/v1/articles/${claim.article_id}`),
      getAll<Claim>(`/v1/articles/${claim.article_id}/claims`),
      get<ClaimActions>(`/v1/claims/${id}/actions`),
    ]);
    return { claim, etag, article, siblings, actions };
  }, [id]);
  if (loaded.error) return <Problem error={loaded.error} what="This claim" />;
  if (!loaded.data) return <Loading />;
  const { claim, etag, article, siblings, actions } = loaded.data;
  const done = (text: string, ok: boolean, stale = false) => {
    setMessage({ text, ok });
    if (ok || stale) {
      setChanges((n) => n + 1);
      loaded.reload();
    }
  };
  return (
    <div class="columns wide-left">
      <div class="stack">
        <ClaimSummary claim={claim} article={article} />
        <Message text={message.text} ok={message.ok} />
        {/* Keyed by change: after each one the forms start empty again. */}
        <Workflow key={`${claim.version}-${changes}`} claim={claim} etag={etag} actions={actions} done={done} />
        <Matches claimId={claim.id} onChange={done} />
        <History claimId={claim.id} version={`${claim.version}-${changes}`} />
      </div>
      <aside class="panel" aria-labelledby="siblings-title">
        <h2 id="siblings-title">Claims in this article</h2>
        <ol id="siblings" class="claims compact">
          {siblings.map((c) => (
            <ClaimItem key={c.id} claim={c} current={c.id === claim.id} />
          ))}
        </ol>
      </aside>
    </div>
  );
}

function ClaimSummary({ claim, article }: { claim: ClaimDetail; article: Article }) {
  const s = claim.speaker;
  const start = claim.spans.content[0]?.[0] ?? claim.spans.source[0]?.[0] ?? 0;
  const [from, to] = paragraphAround(article.body, start);
  const where = `Paragraph ${paragraphOf(article.body, start)}, ${kindLabel(claim.kind)}`;
  const p = claim.provenance;
  return (
    <section class="panel" aria-labelledby="claim-title">
      <p class="meta">
        <Status status={claim.status} /> <Verdict verdict={claim.review.verdict} />
        {claim.linked_verdict && (
          <>
            {' '}
            · fact-checked elsewhere: <Verdict verdict={claim.linked_verdict.verdict} />
          </>
        )}
      </p>
      <h1 id="claim-title" class="claim-title">
        {claim.text}
      </h1>
      <p id="speaker" class="speaker">
        {s.id ? <Link href={`/speakers/${s.id}`}>{speakerName(s)}</Link> : <strong>{speakerName(s)}</strong>}
        {' · '}
        {speakerTypeLabel(s.type)}
        {s.title && `, ${s.title}`}
        {s.affiliation && `, ${s.affiliation}`}
        {claim.cue && ` · cue “${claim.cue}”`}
        {claim.via.length > 0 && ` · via ${claim.via.join(', ')}`}
        {claim.hedges.length > 0 && ` · hedged: ${claim.hedges.join(', ')}`}
      </p>
      <h2 class="small">In the article</h2>
      <blockquote id="claim-context" class="article-text">
        <Highlighted text={article.body} parts={segments(claimMarks(claim), from, to)} />
      </blockquote>
      <p>
        <Link href={`/articles/${article.id}?claim=${claim.id}`}>Read it in the whole article</Link>
      </p>
      <dl id="provenance" class="facts">
        <dt>Where</dt>
        <dd id="where">{where}</dd>
        <dt>Article</dt>
        <dd>
          <Link href={`/articles/${article.id}`}>{p.article.title ?? 'Untitled article'}</Link>
          {p.article.publisher && ` · ${p.article.publisher}`} · {formatDate(p.article.published_at)}
        </dd>
        <dt>Source</dt>
        <dd>
          {p.article.url ? (
            <a href={p.article.url} rel="noopener noreferrer" target="_blank">
              {p.article.url}
            </a>
          ) : (
            'No URL was sent with the article'
          )}
        </dd>
        <dt>Extraction confidence</dt>
        <dd>{percent(claim.confidence)}</dd>
        <dt>Check-worthiness</dt>
        <dd>{percent(claim.checkworthy)}</dd>
        <dt>Extracted by</dt>
        <dd>
          {p.extractor.name} {p.extractor.version}
          {p.extractor.model ? ` (${p.extractor.model} model)` : ''}, {formatDate(p.extracted_at, true)}
        </dd>
      </dl>
    </section>
  );
}
