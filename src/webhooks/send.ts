import dns, { type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AddressPolicy, checkAddress, ForbiddenReceiver, isAllowListedHost } from './address-policy';

/** What a receiver said: its status, or why no status came back. */
export interface SendOutcome {
  code: number | null;
  error: string | null;
}

export interface SendLimits {
  timeoutMs: number;
  /** The receiver's reply is read up to this many bytes, then the connection is dropped. */
  maxResponseBytes: number;
}

/**
 * Resolves like the system does, then keeps only addresses the policy allows: the socket connects to
 * the very address that was checked, so a DNS answer that changes between check and connect (rebinding)
 * cannot reach a forbidden one.
 */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const allowed: LookupAddress[] = [];
      let refusal: Error | undefined;
      for (const a of addresses) {
        try {
          checkAddress(policy, a.address);
          allowed.push(a);
        } catch (e) {
          refusal = e as Error;
        }
      }
      if (!allowed.length) return callback(refusal ?? new ForbiddenReceiver(`${hostname} has no address`), '', 0);
      if ((options as { all?: boolean }).all) return (callback as (e: null, a: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/**
 * POSTs `body` once. Redirects are not followed (a 3xx is a failed attempt), the reply is read up to
 * `maxResponseBytes`, and the whole exchange is cut at `timeoutMs`.
 */
export function postToReceiver(
  policy: AddressPolicy,
  url: string,
  body: string,
  headers: Record<string, string>,
  limits: SendLimits,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const allowListed = isAllowListedHost(policy, target.hostname);
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (!allowListed && isIP(literal)) {
      try {
        checkAddress(policy, literal);
      } catch (err) {
        return resolve({ code: null, error: (err as Error).message });
      }
    }
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const req = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      ...(allowListed ? {} : { lookup: guardedLookup(policy) }),
    });
    const timer = setTimeout(
      () => finish({ code: null, error: `no answer within ${limits.timeoutMs} ms` }),
      limits.timeoutMs,
    );
    req.on('error', (err) => finish({ code: null, error: err.message }));
    req.on('response', (res) => {
      const code = res.statusCode ?? null;
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        // We only need the status; a huge reply must not fill the worker's memory.
        if (read > limits.maxResponseBytes) finish({ code, error: null });
      });
      res.on('end', () => finish({ code, error: null }));
      res.on('error', () => finish({ code, error: null }));
    });
    req.end(body);
  });
}
