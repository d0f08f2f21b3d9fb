import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../src/http/route';
import { NASTY, PLAUSIBLE } from './attacker-kit';

/**
 * Hostile requests for every route of the API, built from the route list itself (src/server/routes.ts),
 * so routes added later are fuzzed without anyone touching this file: their path parameters, query keys
 * and body field names come from their definitions, their values from the attacker's kit below.
 */
export interface FuzzRequest {
  route: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzTarget {
  routes: RouteDef[];
  /** Ids of real rows (article, claim, import, …), so requests also reach rows that exist. */
  ids: string[];
  /** API keys, any roles; requests use one of them, or a broken or missing Authorization. */
  keys: string[];
}

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 30 }),
);

const jsonValue = (ids: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: nastyString },
    fc.constantFrom(...ids),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(nastyString, { maxLength: 3 }),
    fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  );

/** The field names a schema knows (z.object shapes), empty for anything else. */
function fieldsOf(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** An object with the schema's field names (and a stranger), each plausible or hostile. */
const objectFor = (fields: string[], ids: string[]) =>
  fc
    .tuple(
      ...[...fields, 'unexpected'].map((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof(fc.constantFrom(...(PLAUSIBLE[name] ?? ['plain'])), jsonValue(ids)),
          fc.integer({ min: 0, max: 3 }),
        ),
      ),
    )
    // Each field is left out one time in four, the stranger three times in four.
    .map((entries) =>
      Object.fromEntries(
        entries.filter(([n, , keep]) => (n === 'unexpected' ? keep === 0 : keep > 0)).map(([n, v]) => [n, v]),
      ),
    );

const RAW_BODIES: Buffer[] = [
  Buffer.from('{"body": "x",'),
  Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfe]),
  gzipSync('{"body": "cut short"}').subarray(0, 15),
  Buffer.from('['.repeat(20_000)),
  Buffer.from('{"body": "\\ud800"}\n\u0000\u0000 not json\n{"body": "ok text"}\n'),
  Buffer.from(`{"body": "${'y'.repeat(100_000)}"}`),
];

const body = (fields: string[], ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: objectFor(fields, ids).map((o) => Buffer.from(JSON.stringify(o))) },
    fc
      .array(objectFor(fields, ids), { maxLength: 4 })
      .map((a) => Buffer.from(a.map((o) => JSON.stringify(o)).join('\n'))),
    fc.constantFrom(...RAW_BODIES),
    jsonValue(ids).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  );

const CONTENT_TYPES = [
  'application/json',
  'application/x-ndjson',
  'text/plain',
  'application/json; charset=latin1',
  'application/ld+json',
  'multipart/form-data; boundary=x',
];
const ENCODINGS = ['gzip', 'deflate', 'br', 'identity', 'x-unknown'];
const PERCENT_JUNK = ['%ZZ', '%', '%E0%A4%A', '%C0%AF', '%00', '%ED%A0%80', '%FF', '%ud800', '..%2F..%2F'];

const segment = (ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
    fc.uuid(),
    fc.constantFrom(...PERCENT_JUNK),
    nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '') || 'x')),
  );

const queryString = (fields: string[], ids: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...(fields.length ? fields : ['limit'])),
          fc.constantFrom('cursor', 'limit', 'x', 'a[b]'),
        ),
        fc.oneof(
          fc.constantFrom(...(['plain', ...ids] as string[])),
          fc.constantFrom(...PERCENT_JUNK),
          nastyString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const headerValue = fc.oneof(
  fc.constantFrom('1', '"3"', 'W/"2"', '*', 'x'.repeat(300)),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
);

/** One hostile request against one route of the list. */
export function hostileRequest(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const ids = target.ids.length ? target.ids : ['00000000-0000-4000-8000-000000000000'];
  return fc.constantFrom(...target.routes).chain((route) => {
    const params = route.path.match(/:[A-Za-z0-9_]+/g) ?? [];
    const hasBody = route.method !== 'get';
    return fc
      .record({
        segments: fc.tuple(...params.map(() => segment(ids))),
        query: queryString(fieldsOf(route.query), ids),
        body: hasBody ? fc.option(body(fieldsOf(route.body), ids), { freq: 6 }) : fc.constant(null),
        contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { freq: 5 }),
        encoding: fc.option(fc.constantFrom(...ENCODINGS), { freq: 2 }),
        gzipIt: fc.boolean(),
        auth: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...target.keys).map((k) => `Bearer ${k}`) },
          fc.constantFrom('Bearer ct_unknown', 'Basic dXNlcjpwYXNz', 'Bearer', ''),
        ),
        ifMatch: fc.option(headerValue),
        idempotencyKey: fc.option(headerValue),
      })
      .map((r): FuzzRequest => {
        let path = route.path;
        params.forEach((p, i) => {
          path = path.replace(p, r.segments[i] ?? 'x');
        });
        const headers: Record<string, string> = {};
        if (r.auth) headers.authorization = r.auth;
        if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
        if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
        let payload = r.body ?? undefined;
        if (payload) {
          headers['content-type'] = r.contentType ?? 'application/json';
          if (r.encoding) {
            headers['content-encoding'] = r.encoding;
            if (r.encoding === 'gzip' && r.gzipIt) payload = gzipSync(payload);
          }
        }
        return {
          route: `${route.method.toUpperCase()} ${route.path}`,
          method: route.method.toUpperCase(),
          path: path + r.query,
          headers,
          body: payload,
        };
      });
  });
}
