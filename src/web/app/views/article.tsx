import { useEffect } from 'preact/hooks';
import { get, getAll } from '../api';
import { Highlighted, Loading, Problem, Status, Verdict } from '../components';
import { formatDate, speakerName, speakerTypeLabel } from '../labels';
import { useLoad } from '../load';
import { Link, navigate, useLocation } from '../router';
import { claimMarks, segments } from '../spans';
import type { Article, Claim } from '../types';

/** The whole article with every claim highlighted in place, and who said what beside it. */
export function ArticleView({ id }: { id: string }) {
  const { query } = useLocation();
  const focus = query.get('claim') ?? undefined;
  const loaded = useLoad(
    () => Promise.all([get<Article>(`/v1/articles/${id}`), getAll<Claim>(`/v1/articles/${id}/claims`)]),
    [id],
  );
  useEffect(() => {
    if (focus && loaded.data)
      document.querySelector(`mark[data-claim="${focus}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus, loaded.data]);
  if (loaded.error) return <Problem error={loaded.error} what="This article" />;
  if (!loaded.data) return <Loading />;
  const [article, claims] = loaded.data;
  const marks = claims.flatMap(claimMarks);
  return (
    <div class="columns wide-left">
      <article class="panel" aria-labelledby="article-title">
        <h1 id="article-title">{article.title ?? 'Untitled article'}</h1>
        <p class="meta">
          {article.publisher ?? 'Unknown publisher'}
          {article.author && ` · ${article.author}`} · {formatDate(article.published_at ?? article.created_at)} ·{' '}
          <Status status={article.status} /> · {claims.length} claims
        </p>
        {article.url && (
          <p class="meta">
            <a href={article.url} rel="noopener noreferrer" target="_blank">
              {article.url}
            </a>
          </p>
        )}
        <p class="legend" aria-hidden="true">
          <mark class="hl hl-content">what was said</mark> <mark class="hl hl-source">who said it</mark>{' '}
          <mark class="hl hl-cue">cue</mark>
        </p>
        <div id="article-text" class="article-text">
          <Highlighted
            text={article.body}
            parts={segments(marks, 0, article.body.length)}
            focus={focus}
            onOpen={(claimId) => navigate(`/claims/${claimId}`)}
          />
        </div>
      </article>
      <WhoSaidWhat claims={claims} current={focus} />
    </div>
  );
}

/** Each speaker, their type, and their claims in reading order. */
function WhoSaidWhat({ claims, current }: { claims: Claim[]; current?: string }) {
  const bySpeaker = new Map<string, { name: string; type: string; speakerId?: string | null; claims: Claim[] }>();
  for (const c of claims) {
    const name = speakerName(c.speaker);
    const key = `${name}\u0000${c.speaker.type}`;
    const entry = bySpeaker.get(key) ?? { name, type: c.speaker.type, speakerId: c.speaker.id, claims: [] };
    entry.claims.push(c);
    bySpeaker.set(key, entry);
  }
  return (
    <aside class="panel" aria-labelledby="who-title">
      <h2 id="who-title">Who said what</h2>
      {!claims.length && <p class="muted">No claims were found in this article.</p>}
      <ol id="who-said-what" class="speakers">
        {[...bySpeaker.values()].map((s) => (
          <li key={`${s.name}-${s.type}`}>
            <h3>
              {s.speakerId ? <Link href={`/speakers/${s.speakerId}`}>{s.name}</Link> : s.name}{' '}
              <span class="muted">({speakerTypeLabel(s.type)})</span>
            </h3>
            <ol class="claims compact">
              {s.claims.map((c) => (
                <li key={c.id}>
                  <Link
                    href={`/claims/${c.id}`}
                    data-nav
                    class="claim-item"
                    data-id={c.id}
                    aria-current={c.id === current ? 'true' : undefined}
                  >
                    <span class="claim-text">{c.text}</span>
                    <span class="meta">
                      <Status status={c.status} /> <Verdict verdict={c.review.verdict} />
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </aside>
  );
}
