import { z } from 'zod';
import type { Deps } from '../deps';
import { defineRoute } from '../http/route';

/** Who the key belongs to; the review page uses it to greet the user and check the key. */
export function authRoutes(_deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/me',
      summary: 'The calling key: its name and role',
      tags: ['auth'],
      auth: 'any',
      responses: {
        200: {
          description: 'The key',
          schema: z.object({ id: z.uuid(), name: z.string(), role: z.string() }).meta({ id: 'Me' }),
        },
      },
      handler: ({ auth, res }) => {
        res.json({ id: auth!.keyId, name: auth!.name, role: auth!.role });
      },
    }),
  ];
}
