import { useState } from 'preact/hooks';
import { ApiError, get, qs } from '../api';
import { Loading, Options, Problem } from '../components';
import { formatDate, VERDICTS } from '../labels';
import { useLoad } from '../load';
import { readFilters, submitFilters } from '../filters';
import { Link, useLocation } from '../router';
import type { ArticleItem, Page, SearchHit } from '../types';
import { Hit } from './search-hit';

const FILTERS = ['q', 'types', 'speaker_type', 'status', 'verdict', 'publisher', 'from', 'to'] as const;

/** Search across claims, articles and fact-checks; filters live in the URL so a search can be shared. */
export function SearchView() {
  const { query } = useLocation();
  const filters = readFilters(query, FILTERS);
  const key = qs(filters);
  const loaded = useLoad(async () => {
    if (!filters.q) return { hits: [] as SearchHit[], next: null, articles: null };
    try {
      const page = await get<Page<SearchHit>>(`/v1/search${key}`);
      return { hits: page.items, next: page.next_cursor, articles: null };
    } catch (err) {
      // Until the search API is on this server, words still find articles through the article list.
      if (!(err instanceof ApiError && err.unavailable)) throw err;
      const page = await get<Page<ArticleItem>>(`/v1/articles${qs({ q: filters.q, publisher: filters.publisher })}`);
      return { hits: null, next: null, articles: page.items };
    }
  }, [key]);
  // Further pages of the same search, reset by a new one.
  const [more, setMore] = useState<{ for: string; hits: SearchHit[]; next: string | null }>({
    for: '',
    hits: [],
    next: null,
  });
  const extra = more.for === key ? more : { hits: [], next: loaded.data?.next ?? null };
  const showMore = async () => {
    const page = await get<Page<SearchHit>>(`/v1/search${key}&cursor=${encodeURIComponent(extra.next ?? '')}`);
    setMore({ for: key, hits: [...extra.hits, ...page.items], next: page.next_cursor });
  };
  return (
    <section class="panel" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <form class="filters" aria-label="Search filters" onSubmit={submitFilters('/search', FILTERS)}>
        <label>
          Words <input name="q" type="search" defaultValue={filters.q} />
        </label>
        <label>
          In
          <select name="types" defaultValue={filters.types}>
            <option value="">Everything</option>
            <option value="claim">Claims</option>
            <option value="article">Articles</option>
            <option value="factcheck">Fact-checks</option>
          </select>
        </label>
        <label>
          Verdict
          <select name="verdict" defaultValue={filters.verdict}>
            <option value="">Any</option>
            <Options pairs={VERDICTS} />
          </select>
        </label>
        <label>
          Publisher <input name="publisher" defaultValue={filters.publisher} />
        </label>
        <label>
          From <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          To <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <button type="submit">Search</button>
      </form>
      {loaded.error ? <Problem error={loaded.error} what="Search" /> : null}
      {loaded.loading && <Loading />}
      {loaded.data?.articles && (
        <>
          <p class="message unavailable" role="status">
            Search across claims and fact-checks is not available on this server yet; these articles match.
          </p>
          <ol id="results" class="results">
            {loaded.data.articles.map((a) => (
              <li key={a.id}>
                <Link href={`/articles/${a.id}`} data-nav class="result-link">
                  {a.title ?? 'Untitled article'}
                </Link>
                <p class="meta">
                  Article · {a.publisher ?? 'Unknown publisher'} · {formatDate(a.published_at ?? a.created_at)} ·{' '}
                  {a.claim_count} claims
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {loaded.data?.hits && (
        <ol id="results" class="results">
          {[...loaded.data.hits, ...extra.hits].map((h) => (
            <Hit key={`${h.type}-${h.id}`} hit={h} />
          ))}
        </ol>
      )}
      {loaded.data?.hits && extra.next && (
        <button type="button" class="more" onClick={showMore}>
          More results
        </button>
      )}
      {filters.q &&
        !loaded.loading &&
        !loaded.data?.hits?.length &&
        !loaded.data?.articles?.length &&
        !loaded.error && <p class="muted">Nothing matches “{filters.q}”.</p>}
    </section>
  );
}
