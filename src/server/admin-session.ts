import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { findKey } from '../auth/keys';
import { getKey } from '../auth/repository';
import type { AuthContext } from '../auth/types';
import type { Deps } from '../deps';

export const SESSION_COOKIE = 'claimtrack_admin';
const SESSION_SECONDS = 8 * 3600;

const sessionKey = (deps: Deps, sid: string) =>
  `${deps.config.QUEUE_PREFIX}:admin-session:${createHash('sha256').update(sid).digest('hex')}`;

export function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [n, ...rest] = part.trim().split('=');
    if (n === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Signs an admin key in: the cookie carries a random session id (kept in Redis, shared by every API
 * process, for 8 hours), never the key. Secure whenever the request came over HTTPS (directly, or through
 * a proxy trusted by TRUST_PROXY).
 */
export async function startSession(
  deps: Deps,
  req: Request,
  res: Response,
  key: string,
): Promise<AuthContext | undefined> {
  const auth = await findKey(deps.db, key);
  if (auth?.role !== 'admin') return auth;
  const sid = randomBytes(32).toString('base64url');
  await deps.producer.redis.set(sessionKey(deps, sid), auth.keyId, 'EX', SESSION_SECONDS);
  res.setHeader(
    'Set-Cookie',
    `${SESSION_COOKIE}=${sid}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${req.secure ? '; Secure' : ''}`,
  );
  return auth;
}

/** The session's admin key, if the session exists and the key is still an active admin key. */
export async function sessionAuth(deps: Deps, req: Request): Promise<AuthContext | undefined> {
  const sid = cookieValue(req, SESSION_COOKIE);
  if (!sid || !/^[A-Za-z0-9_-]{43}$/.test(sid)) return undefined;
  const keyId = await deps.producer.redis.get(sessionKey(deps, sid)).catch(() => null);
  if (!keyId) return undefined;
  const key = await getKey(deps.db, keyId);
  if (!key || key.revoked_at || key.role !== 'admin') return undefined;
  return { keyId: key.id, name: key.name, role: key.role };
}

export async function endSession(deps: Deps, req: Request, res: Response): Promise<void> {
  const sid = cookieValue(req, SESSION_COOKIE);
  if (sid) await deps.producer.redis.del(sessionKey(deps, sid)).catch(() => 0);
  res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0`);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sign-in page the dashboard shows instead of a JSON 401 (no script: it works under our strict CSP). */
export function loginPage(action: string, message?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimtrack · queue dashboard sign-in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}
label,input,button{display:block;width:100%;box-sizing:border-box}input{margin:.25rem 0 1rem;padding:.5rem;font:inherit}
button{padding:.5rem;font:inherit;cursor:pointer}.error{color:#a00000}</style></head>
<body><main><h1>Queue dashboard</h1><p>Sign in with an <strong>admin</strong> API key. The key is not kept in the browser:
you get a session of 8 hours.</p>${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}"><label for="key">Admin key</label>
<input id="key" name="key" type="password" autocomplete="off" required placeholder="ct_…">
<button type="submit">Sign in</button></form></main></body></html>`;
}
