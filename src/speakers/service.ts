import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import type { Queryable } from '../db/pool';
import { getSpeaker, listSpeakerClaims, listSpeakers, type SpeakerRow, verdictCounts } from './repository';

/** Below this many reviewed claims a share of true or false says nothing. */
export const TRACK_RECORD_MIN = 4;
const TRUE_VERDICTS = ['true', 'mostly_true'];
const FALSE_VERDICTS = ['false', 'mostly_false'];
export const TRACK_RECORD_NOTE =
  'Checked claims are not a random sample of what this speaker says: fact-checkers choose claims that look ' +
  'doubtful or matter, so these shares describe the checked claims only, not how often the speaker is right.';

export function presentSpeaker(s: SpeakerRow) {
  return {
    id: s.id,
    name: s.name,
    type: s.type,
    title: s.title,
    affiliation: s.affiliation,
    aliases: s.aliases,
    claim_count: s.claim_count,
    first_seen: s.first_seen?.toISOString() ?? null,
    last_seen: s.last_seen?.toISOString() ?? null,
  };
}

export function trackRecord(counts: Record<string, number>) {
  const reviewed = Object.values(counts).reduce((a, b) => a + b, 0);
  if (reviewed < TRACK_RECORD_MIN) return null;
  const share = (verdicts: string[]) =>
    Math.round((verdicts.reduce((n, v) => n + (counts[v] ?? 0), 0) / reviewed) * 1000) / 1000;
  return { reviewed, share_true: share(TRUE_VERDICTS), share_false: share(FALSE_VERDICTS), note: TRACK_RECORD_NOTE };
}

export async function speakerDetail(db: Queryable, id: string) {
  const s = await getSpeaker(db, id);
  if (!s) throw notFound('speaker', id);
  const counts = await verdictCounts(db, id);
  return {
    ...presentSpeaker(s),
    verdict_counts: counts,
    track_record: trackRecord(counts),
    merged_into: s.merged_into,
  };
}

// Cursors are opaque to clients: base64url of the last row's sort key.
const encode = (key: string[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

function decode(cursor: string, check: (key: string[]) => boolean): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.every((k) => typeof k === 'string') && check(key)) return key;
  } catch {}
  throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
}

const isUuid = (s: string | undefined) => !!s && /^[0-9a-f-]{36}$/i.test(s);

export async function pageOfSpeakers(
  deps: Pick<Deps, 'db'>,
  q: { q?: string; type?: string; limit: number; cursor?: string },
) {
  const after = q.cursor ? decode(q.cursor, (k) => k.length === 2 && isUuid(k[1])) : undefined;
  // Name words only: anything else would be tsquery syntax.
  const words = (q.q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const rows = await listSpeakers(deps.db, {
    words,
    type: q.type,
    limit: q.limit,
    after: after && { name: after[0]!, id: after[1]! },
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentSpeaker),
    next_cursor: rows.length > q.limit && last ? encode([last.name, last.id]) : null,
  };
}

export async function pageOfSpeakerClaims(deps: Pick<Deps, 'db'>, id: string, q: { limit: number; cursor?: string }) {
  if (!(await getSpeaker(deps.db, id))) throw notFound('speaker', id);
  const after = q.cursor
    ? decode(q.cursor, (k) => k.length === 2 && !Number.isNaN(Date.parse(k[0]!)) && isUuid(k[1]))
    : undefined;
  const rows = await listSpeakerClaims(deps.db, id, q.limit, after && { at: after[0]!, id: after[1]! });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ cursor_at: _, published_at, ...c }) => ({
      ...c,
      published_at: published_at?.toISOString() ?? null,
    })),
    next_cursor: rows.length > q.limit && last ? encode([last.cursor_at, last.id]) : null,
  };
}
