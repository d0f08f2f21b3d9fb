import { z } from 'zod';
import type { Deps } from '../deps';
import { AppError, notFound } from '../errors';
import { pageJson } from './present-sql';
import { type ClaimFilter, getClaimWithArticle, listClaims, sliceArticleBody } from './queries';
import { VERDICTS, type Verdict } from '../reviews/status-machine';
import type { ClaimRow } from './repository';
import { type LinkedVerdict, linkedVerdicts } from '../matching/targets';

/** `linked_verdict`: the verdict carried over the claim's links (src/matching), when the caller looked it up. */
export function presentClaim(c: Omit<ClaimRow, 'claim_key'> & { linked_verdict?: LinkedVerdict | null }) {
  return {
    id: c.id,
    article_id: c.article_id,
    text: c.text,
    kind: c.kind,
    cue: c.cue,
    speaker: {
      // The registry speaker (src/speakers), once the claim's speakers are resolved.
      id: c.speaker_id ?? null,
      mention: c.speaker_mention,
      name: c.speaker_name,
      type: c.speaker_type,
      anonymous: c.speaker_anonymous,
      title: c.speaker_title,
      affiliation: c.speaker_affiliation,
    },
    via: c.via,
    hedges: c.hedges,
    checkworthy: c.checkworthy,
    confidence: c.confidence,
    spans: { content: c.content_spans, source: c.source_spans, cue: c.cue_spans },
    status: c.status,
    version: c.version,
    extractor: { name: c.extractor_name, version: c.extractor_version, model: c.extractor_model ?? null },
    review: {
      priority: c.priority ?? null,
      flag_reason: c.flag_reason ?? null,
      flagged_at: c.flagged_at?.toISOString() ?? null,
      assignee: c.assignee_name ?? null,
      verdict: c.verdict ?? null,
      verdict_value: c.verdict ? (VERDICTS[c.verdict as Verdict]?.value ?? null) : null,
      verdict_note: c.verdict_note ?? null,
      verdict_at: c.verdict_at?.toISOString() ?? null,
    },
    linked_verdict: c.linked_verdict ?? null,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
  };
}

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

// Cursors are opaque to clients: base64url of the last row's sort key.
export function encodeCursor(row: { cursor_created_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.cursor_created_at, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // Both reach SQL as casts: only what Postgres itself printed (created_at::text) and a real uuid pass.
    if (typeof createdAt !== 'string' || !PG_TIMESTAMP.test(createdAt) || createdAt.startsWith('0000'))
      throw new Error('bad cursor');
    if (typeof id !== 'string' || !z.uuid().safeParse(id).success) throw new Error('bad cursor');
    return { createdAt, id };
  } catch {
    throw new AppError('invalid_cursor', 400, 'The cursor is not one this API issued; start again without it.');
  }
}

/** A page of claims as JSON text (see claimJson): the items go out as Postgres wrote them. */
export async function pageOfClaims(
  deps: Pick<Deps, 'db'>,
  filter: Omit<ClaimFilter, 'after'> & { cursor?: string },
): Promise<Buffer> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await listClaims(deps.db, { ...filter, after });
  const more = rows.length > filter.limit;
  const page = more ? rows.slice(0, filter.limit) : rows;
  return pageJson(
    {},
    page.map((c) => c.json),
    { next_cursor: more ? encodeCursor(page[page.length - 1]!) : null },
  );
}

/** A claim with where it came from: the article, the extractor, and the exact words its spans cover. */
export async function claimWithProvenance(deps: Pick<Deps, 'db'>, id: string) {
  const c = await getClaimWithArticle(deps.db, id);
  if (!c) throw notFound('claim', id);
  const [linked, content, source, cue] = await Promise.all([
    linkedVerdicts(deps.db, [id]),
    sliceArticleBody(deps.db, c.article_id, c.content_spans),
    sliceArticleBody(deps.db, c.article_id, c.source_spans),
    sliceArticleBody(deps.db, c.article_id, c.cue_spans),
  ]);
  return {
    ...presentClaim({ ...c, linked_verdict: linked.get(id) }),
    provenance: {
      article: {
        id: c.article_id,
        url: c.article_url,
        title: c.article_title,
        publisher: c.article_publisher,
        published_at: c.article_published_at?.toISOString() ?? null,
      },
      extractor: { name: c.extractor_name, version: c.extractor_version, model: c.extractor_model ?? null },
      extracted_at: c.article_extracted_at?.toISOString() ?? null,
      quoted: { content, source, cue },
    },
  };
}
