import type { TestApp, TestResponse } from '../support/app';

/** Sends bytes exactly as given (invalid UTF-8, broken gzip), which `app.request` cannot. */
export async function sendRaw(
  app: TestApp,
  method: string,
  path: string,
  body: Buffer | undefined,
  headers: Record<string, string>,
): Promise<TestResponse> {
  const res = await fetch(app.url + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed, text };
}
