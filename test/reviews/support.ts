import type { TestApp, TestResponse } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

let n = 0;

/** A fresh claim (own article) for each test, so tests do not share workflow state. */
export async function freshClaim(
  app: TestApp,
  opts: { checkworthy?: number; type?: 'official' | 'expert' | 'organization'; confidence?: number } = {},
): Promise<string> {
  n++;
  const body = `Story ${n} ${Math.random()}. Minister Jane Roe said unemployment fell to 4% in ${2000 + n}.`;
  const { claimIds } = await insertArticleWithClaims(app.deps.db, body, [
    {
      speaker: 'Minister Jane Roe',
      content: `unemployment fell to 4% in ${2000 + n}`,
      type: opts.type,
      checkworthy: opts.checkworthy,
      confidence: opts.confidence,
    },
  ]);
  return claimIds[0]!;
}

export function move(
  app: TestApp,
  id: string,
  key: string,
  version: number | null,
  body: object,
): Promise<TestResponse> {
  return app.request('POST', `/v1/claims/${id}/transitions`, {
    key,
    body,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
  });
}

export function flag(
  app: TestApp,
  id: string,
  key: string,
  version: number,
  body: object = { reason: 'numbers look off', priority: 'high' },
) {
  return app.request('POST', `/v1/claims/${id}/flags`, { key, body, headers: { 'if-match': `"${version}"` } });
}
