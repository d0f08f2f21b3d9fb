import { z } from 'zod';
import { ROLES } from './types';

/** An API key as the API shows it (never its hash); the web workspace types its keys page from it too. */
export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: z.enum(ROLES),
    prefix: z.string().meta({ description: 'the first 8 characters of the key, to tell keys apart' }),
    created_at: z.string(),
    last_used_at: z.string().nullable().meta({ description: 'recorded at most once a minute' }),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export const CreatedApiKey = ApiKey.extend({
  key: z.string().meta({ description: 'the key itself: shown this once, stored only hashed' }),
}).meta({ id: 'CreatedApiKey' });
