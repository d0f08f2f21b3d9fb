import { sendJsonBytes } from '../http/json-text';
import { z } from 'zod';
import { Claim } from '../claims/schema';
import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { ArticleClaimsQuery, pageOfArticleClaims } from './claims-page';
import { pageOfArticles } from './list';
import { Article, ArticleAccepted, ArticleInput, ArticleListQuery, ArticlePage, ModelQuery } from './schema';
import { presentArticle, requireArticle, submitArticle } from './service';

export function articleRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/articles',
      summary: 'List articles newest first, by words, publisher, status or publication date (keyset pagination)',
      tags: ['articles'],
      auth: 'any',
      query: ArticleListQuery,
      responses: { 200: { description: 'A page of articles, newest first', schema: ArticlePage } },
      handler: async ({ query, res }) => {
        res.json(await pageOfArticles(deps.db, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/articles',
      summary: 'Submit an article for claim extraction',
      tags: ['articles'],
      auth: ['editor', 'importer'],
      body: ArticleInput,
      query: ModelQuery,
      responses: {
        202: { description: 'Stored and queued for extraction', schema: ArticleAccepted },
        200: { description: 'The URL or body was already known: the existing article', schema: ArticleAccepted },
      },
      problems: [400, 413, 415],
      handler: async ({ body, query, req, res }) => {
        const { article, created } = await submitArticle(deps, body, String(req.id), query.model);
        res.location(`/v1/articles/${article.id}`);
        res.status(created ? 202 : 200).json({ id: article.id, status: article.status, duplicate: !created });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/articles/:id',
      summary: 'An article with its extraction status, claim count and error if it failed',
      tags: ['articles'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The article', schema: Article } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(presentArticle(await requireArticle(deps, params.id)));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/articles/:id/claims',
      summary: "An article's claims in reading order (keyset pagination: follow next_cursor for the rest)",
      tags: ['articles', 'claims'],
      auth: 'any',
      params: IdParams,
      query: ArticleClaimsQuery,
      responses: {
        200: {
          description: 'A page of the claims',
          schema: z
            .object({
              article_id: z.uuid(),
              status: z.string(),
              items: z.array(Claim),
              next_cursor: z.string().nullable(),
            })
            .meta({ id: 'ArticleClaimsPage' }),
        },
      },
      problems: [404],
      handler: async ({ params, query, req, res }) => {
        sendJsonBytes(req, res, await pageOfArticleClaims(deps, params.id, query));
      },
    }),
  ];
}
