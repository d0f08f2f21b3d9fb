import { useEffect, useState } from 'preact/hooks';
import { get, qs } from '../api';
import { Loading, Problem, Status } from '../components';
import { formatDate } from '../labels';
import { readFilters, submitFilters } from '../filters';
import { Link, useLocation } from '../router';
import { useSession } from '../session';
import type { ArticleItem, Page } from '../types';

const FILTERS = ['q', 'publisher', 'status', 'from', 'to'] as const;

/** The article list; its filters live in the URL so a filtered list can be shared. */
export function ArticlesView() {
  const { query } = useLocation();
  const { epoch } = useSession();
  const filters = readFilters(query, FILTERS);
  const key = qs(filters);
  const [items, setItems] = useState<ArticleItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const load = async (from: string | null) => {
    setLoading(true);
    try {
      const page = await get<Page<ArticleItem>>(`/v1/articles${qs({ ...filters, limit: 30, cursor: from })}`);
      setItems((old) => (from ? [...old, ...page.items] : page.items));
      setCursor(page.next_cursor);
      setError(null);
    } catch (err) {
      setError(err);
    }
    setLoading(false);
  };
  // Reload when the filters (the URL) or the key change.
  useEffect(() => {
    void load(null);
  }, [key, epoch]);

  return (
    <section class="panel" aria-labelledby="articles-title">
      <h1 id="articles-title">Articles</h1>
      <form class="filters" onSubmit={submitFilters('/articles', FILTERS)}>
        <label>
          Words <input name="q" type="search" defaultValue={filters.q} />
        </label>
        <label>
          Publisher <input name="publisher" defaultValue={filters.publisher} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status}>
            <option value="">Any</option>
            <option value="extracted">Extracted</option>
            <option value="queued">Queued</option>
            <option value="processing">Extracting</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label>
          Published from <input name="from" type="date" defaultValue={filters.from} />
        </label>
        <label>
          Published to <input name="to" type="date" defaultValue={filters.to} />
        </label>
        <button type="submit">Filter</button>
      </form>
      {error ? <Problem error={error} what="The article list" /> : null}
      {loading && !items.length ? <Loading /> : null}
      {!loading && !items.length && !error && <p class="muted">No articles match.</p>}
      <table class="articles">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Publisher</th>
            <th scope="col">Published</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Claims
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/articles/${a.id}`} data-nav class="article-link">
                  {a.title ?? a.url ?? 'Untitled article'}
                </Link>
              </td>
              <td>{a.publisher ?? '—'}</td>
              <td>{formatDate(a.published_at ?? a.created_at)}</td>
              <td>
                <Status status={a.status} />
              </td>
              <td class="num">{a.claim_count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && (
        <button type="button" class="more" onClick={() => load(cursor)}>
          Show more articles
        </button>
      )}
    </section>
  );
}
