import type { Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../deps';
import { defineRoute, mountRoutes } from '../http/route';

const Readiness = z
  .object({ postgres: z.enum(['ok', 'down']), redis: z.enum(['ok', 'down']) })
  .meta({ id: 'Readiness' });

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process is up',
      tags: ['operations'],
      auth: 'public',
      responses: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
      handler: ({ res }) => {
        res.json({ status: 'ok' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/readyz',
      summary:
        'Readiness: 503 only when Postgres is unreachable (without Redis work is stored and dispatched later); the body reports each',
      tags: ['operations'],
      auth: 'public',
      responses: {
        200: { description: 'Ready', schema: Readiness },
        503: { description: 'Postgres unreachable', schema: Readiness },
      },
      handler: async ({ res }) => {
        const [pg, redis] = await Promise.all([
          within(1500, deps.db.query('select 1')).then(
            () => 'ok' as const,
            () => 'down' as const,
          ),
          within(1500, deps.producer.redis.ping()).then(
            () => 'ok' as const,
            () => 'down' as const,
          ),
        ]);
        // Redis down means degraded, not down: articles are still accepted and kept in Postgres.
        res.status(pg === 'ok' ? 200 : 503).json({ postgres: pg, redis });
      },
    }),
  ];
}

export function mountHealth(router: Router, deps: Deps): void {
  mountRoutes(router, healthRoutes(deps));
}
