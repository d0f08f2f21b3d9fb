import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { SearchPage, SearchQuery } from './schema';
import { search } from './service';

export function searchRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/search',
      summary: 'Ranked full-text search over claims, articles and fact-checks, with filters and snippets',
      tags: ['search'],
      auth: 'any',
      query: SearchQuery,
      responses: { 200: { description: 'A page of hits, best first', schema: SearchPage } },
      handler: async ({ query, res }) => {
        res.json(await search(deps, query));
      },
    }),
  ];
}
