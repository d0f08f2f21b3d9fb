// The one API client: the key from the header form, JSON in and out, problem+json turned into ApiError.
const KEY_STORAGE = 'claimtrack-key';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** The route is not on this server (yet): a feature another branch brings. */
  get unavailable(): boolean {
    return this.status === 404 && this.code === 'route_not_found';
  }
}

export const apiKey = {
  get: (): string => sessionStorage.getItem(KEY_STORAGE) ?? '',
  set: (key: string) => sessionStorage.setItem(KEY_STORAGE, key),
};

export interface CallOptions {
  body?: unknown;
  ifMatch?: string | null;
}

export async function call<T>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ data: T; etag: string | null }> {
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey.get()}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  const res = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const problem = (data ?? {}) as { code?: string; detail?: string; errors?: { path: string; message: string }[] };
    const fields = problem.errors?.length
      ? ` (${problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ')})`
      : '';
    throw new ApiError(res.status, problem.code ?? 'http_error', `${problem.detail ?? `HTTP ${res.status}`}${fields}`);
  }
  return { data: data as T, etag: res.headers.get('etag') };
}

export const get = async <T>(path: string): Promise<T> => (await call<T>('GET', path)).data;
export const post = async <T>(path: string, body: unknown, ifMatch?: string | null): Promise<T> =>
  (await call<T>('POST', path, { body, ifMatch })).data;

/** A query string from the set values only. */
export function qs(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every page of a list that may or may not be paginated (article claims gain next_cursor on another branch). */
export async function getAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: T[]; next_cursor?: string | null } = await get(
      cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
    );
    items.push(...page.items);
    cursor = page.next_cursor ?? null;
  } while (cursor);
  return items;
}
