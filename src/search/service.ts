import type { Deps } from '../deps';
import { CLAIM_STATUSES } from '../claims/schema';
import { decodeSearchCursor, encodeSearchCursor, highlightsOf, parseSearch } from './query';
import { rankedHits, type SearchFilter, type SearchType } from './repository';
import { hitDetails } from './snippets';
import { bound, SEARCH_TYPES } from './schema';

export interface SearchInput {
  q: string;
  types?: string;
  speaker_id?: string;
  speaker_type?: string;
  status?: string;
  verdict?: string;
  publisher?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

/**
 * A filter that cannot apply to a kind of result leaves that kind out: a speaker filter gives claims only,
 * a verdict claims and fact-checks, a claim status claims and an article status articles.
 */
export function searchFilter(input: SearchInput): SearchFilter {
  let types = (input.types?.split(',') ?? [...SEARCH_TYPES]) as SearchType[];
  const only = (allowed: SearchType[]) => {
    types = types.filter((t) => allowed.includes(t));
  };
  const claimStatus = (CLAIM_STATUSES as readonly string[]).includes(input.status ?? '') ? input.status : undefined;
  const articleStatus = input.status && !claimStatus ? input.status : undefined;
  if (input.speaker_id || input.speaker_type || claimStatus) only(['claim']);
  if (articleStatus) only(['article']);
  if (input.verdict) only(['claim', 'factcheck']);
  return {
    types: [...new Set(types)],
    speakerId: input.speaker_id,
    speakerType: input.speaker_type,
    claimStatus,
    articleStatus,
    verdict: input.verdict,
    publisher: input.publisher,
    from: input.from && bound(input.from, 'from'),
    to: input.to && bound(input.to, 'to'),
  };
}

export async function search(deps: Pick<Deps, 'db'>, input: SearchInput) {
  const after = input.cursor ? decodeSearchCursor(input.cursor) : undefined;
  // Every page of one search ranks the same newest matches: those written after the first page are left out.
  const asOf = after?.asOf ?? Date.now();
  const parsed = parseSearch(input.q);
  const ranked = await rankedHits(deps.db, parsed, searchFilter(input), input.limit, after);
  const page = ranked.slice(0, input.limit);
  const { claims, articles, factchecks } = await hitDetails(deps.db, parsed, page);
  const items = page.flatMap((hit): object[] => {
    const base = { type: hit.type, id: hit.id, score: hit.score };
    if (hit.type === 'claim') {
      const c = claims.get(hit.id);
      if (!c) return [];
      const claim = {
        id: c.id,
        article_id: c.article_id,
        text: c.text,
        speaker: { id: c.speaker_id, name: c.speaker_name, type: c.speaker_type },
        status: c.status,
        verdict: c.verdict,
      };
      return [{ ...base, ...highlightsOf(c.marked), claim }];
    }
    const row = hit.type === 'article' ? articles.get(hit.id) : factchecks.get(hit.id);
    if (!row) return [];
    const { marked, published_at, ...rest } = row;
    return [
      { ...base, ...highlightsOf(marked), [hit.type]: { ...rest, published_at: published_at?.toISOString() ?? null } },
    ];
  });
  const last = page[page.length - 1];
  const next = ranked.length > input.limit && last ? encodeSearchCursor({ ...last, asOf }) : null;
  return { items, next_cursor: next };
}
