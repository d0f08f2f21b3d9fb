import { z } from 'zod';
import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { createKey, pageOfKeys, presentCreatedKey, presentKey, revoke, rotate } from './key-service';
import { ApiKey, CreatedApiKey } from './schema';
import { ROLES } from './types';

const KeyInput = z
  .strictObject({ role: z.enum(ROLES), name: z.string().trim().min(1).max(200) })
  .meta({ id: 'ApiKeyInput' });
const KeyListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'next_cursor from the previous page' }),
});

/** Admins manage keys over the API as the CLI does (`claimtrack keys list|create|revoke|rotate`). */
export function keyRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/keys',
      summary: 'API keys, newest first (revoked ones included), with when each was last used',
      tags: ['keys'],
      auth: ['admin'],
      query: KeyListQuery,
      responses: {
        200: {
          description: 'Keys',
          schema: z.object({ items: z.array(ApiKey), next_cursor: z.string().nullable() }),
        },
      },
      handler: async ({ query, res }) => {
        res.json(await pageOfKeys(deps, query.limit, query.cursor));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/keys',
      summary: 'Create a key; the key is in this answer only',
      tags: ['keys'],
      auth: ['admin'],
      body: KeyInput,
      responses: { 201: { description: 'Created', schema: CreatedApiKey } },
      handler: async ({ body, res }) => {
        const created = await createKey(deps, body.role, body.name);
        res.status(201).location(`/v1/keys/${created.id}`).json(presentCreatedKey(created));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/keys/:id/revoke',
      summary: 'Revoke a key: refused at once by every API process (revoking twice keeps the first time)',
      tags: ['keys'],
      auth: ['admin'],
      params: IdParams,
      responses: { 200: { description: 'Revoked', schema: ApiKey } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(presentKey(await revoke(deps, params.id)));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/keys/:id/rotate',
      summary: 'Replace a key by a new one with the same name and role; the old one is revoked',
      tags: ['keys'],
      auth: ['admin'],
      params: IdParams,
      responses: { 201: { description: 'The new key', schema: CreatedApiKey } },
      problems: [404, 409],
      handler: async ({ params, res }) => {
        const created = await rotate(deps, params.id);
        res.status(201).location(`/v1/keys/${created.id}`).json(presentCreatedKey(created));
      },
    }),
  ];
}
