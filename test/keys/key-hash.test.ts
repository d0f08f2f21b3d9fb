import { createHash } from 'node:crypto';
import { hashKey } from '../../src/auth/keys';

describe('when a key is hashed on each request', () => {
  it('then the hash is the SHA-256 hex stored for keys made before (keys issued earlier still work)', () => {
    const key = 'ct_PHodl4S32vVrGNvfXKBJlmZfekBDJbjRyigBs7pkZVY';
    expect(hashKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
  });
});
