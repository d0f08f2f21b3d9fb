import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../support/app';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const seed = path.join(root, 'dist', 'scripts', 'seed.js');

let app: TestApp;
let keyFile: string;
beforeAll(async () => {
  if (!fs.existsSync(seed)) throw new Error('dist/ is missing: `npm run build` builds the seed script this test runs');
  app = await startTestApp();
  app.startWorker();
  keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-seed-')), 'seed-key');
});
afterAll(() => app?.close());

const runSeed = () =>
  run('node', [seed], {
    env: {
      ...process.env,
      CLAIMTRACK_URL: app.url,
      DATABASE_URL: app.deps.config.DATABASE_URL,
      SEED_KEY_FILE: keyFile,
      CLAIMTRACK_KEY: '',
    },
  });

describe('when an operator runs npm run seed twice', () => {
  it('then each header gives the real claim count, and the second run reuses the first run’s key', async () => {
    const first = await runSeed();
    const headers = [...first.stdout.matchAll(/\(article \S+, (\w+), (\d+) claims\)/g)];
    expect(headers).toHaveLength(2);
    for (const [, status, count] of headers) {
      expect(status).toBe('extracted');
      expect(Number(count)).toBeGreaterThan(0);
    }
    const printed = first.stdout.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(printed).toBe(headers.reduce((n, h) => n + Number(h[2]), 0));

    await runSeed();
    const { rows } = await app.deps.db.query("select count(*)::int as n from api_key where name = 'seed script'");
    expect(rows[0].n).toBe(1);
  });
});
