import http from 'node:http';
import type { Queryable } from '../../src/db/pool';
import type { FuzzRequest } from './hostile-requests';

export interface FuzzAnswer {
  /** HTTP status, or 0 when no answer came within the time allowed (or the connection broke). */
  status: number;
  error?: string;
}

/**
 * Sends one request exactly as built (raw bytes, any header) and waits for the whole answer. An event
 * stream is cut once its status is known: it is meant to stay open.
 */
export function send(baseUrl: string, r: FuzzRequest, timeoutMs = 10_000): Promise<FuzzAnswer> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (a: FuzzAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      resolve(a);
    };
    const headers = { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) };
    const req = http.request(`${baseUrl}${r.path}`, { method: r.method, headers, agent: false });
    const timer = setTimeout(() => finish({ status: 0, error: `no answer within ${timeoutMs} ms` }), timeoutMs);
    req.on('error', (err) => finish({ status: 0, error: err.message }));
    req.on('response', (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream'))
        return finish({ status: res.statusCode ?? 0 });
      res.on('data', () => {});
      res.on('end', () => finish({ status: res.statusCode ?? 0 }));
      res.on('error', (err) => finish({ status: res.statusCode ?? 0, error: err.message }));
    });
    req.end(r.body);
  });
}

/**
 * What a failed request must never leave behind: an import still `receiving` once every request has
 * been answered, or U+FFFD (damaged text) in any text or JSON column of any table, including tables
 * other features add later.
 */
export async function halfWritten(db: Queryable): Promise<string[]> {
  const found: string[] = [];
  const receiving = await db.query<{ n: number }>(`select count(*)::int as n from import where status = 'receiving'`);
  if (receiving.rows[0]!.n) found.push(`${receiving.rows[0]!.n} imports left receiving`);
  const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'jsonb', 'json', 'character varying') or c.udt_name = '_text')`,
  );
  for (const { table_name, column_name } of columns) {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from "${table_name}" where strpos("${column_name}"::text, chr(65533)) > 0`,
    );
    if (rows[0]!.n) found.push(`${rows[0]!.n} rows of ${table_name}.${column_name} hold U+FFFD`);
  }
  return found;
}
