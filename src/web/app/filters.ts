import { qs } from './api';
import { navigate } from './router';

// List and search filters live in the URL, so a filtered view is a link that can be shared.
export function readFilters<N extends string>(query: URLSearchParams, names: readonly N[]): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, query.get(n) ?? ''])) as Record<N, string>;
}

/** A filter form's submit: its named fields become the URL's query. */
export function submitFilters(path: string, names: readonly string[]) {
  return (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    navigate(`${path}${qs(Object.fromEntries(names.map((n) => [n, String(data.get(n) ?? '').trim()])))}`);
  };
}
