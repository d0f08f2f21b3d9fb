import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/cli/import-command';
import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';
import { ensureImportSchema, ndjson, warmExtractor } from './support';
import { capture } from '../support/capture';

// `claimtrack` commands run in-process: the same functions the CLI actions call.

let app: TestApp;
let tmp: string;
beforeAll(async () => {
  app = await startTestApp();
  await ensureImportSchema(app);
  warmExtractor();
  app.startWorker();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtrack-import-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await app.close();
});

test('when a clean feed is imported, then the totals are printed once extraction is done and the exit code is 0', async () => {
  const file = path.join(tmp, 'clean.ndjson');
  fs.writeFileSync(file, ndjson(Array.from({ length: 25 }, () => buildArticle())));
  const { out, io } = capture();
  expect(await runImport(file, { url: app.url, key: app.keys.importer, pollMs: 50 }, io)).toBe(0);
  const totals = JSON.parse(out.stdout);
  expect(totals).toMatchObject({ received: 25, queued: 25, extracted: 25, failed: 0, invalid: 0 });
  expect(totals.claims).toBeGreaterThanOrEqual(25);
});

test('when the feed has a bad line, then it is named on stderr and the exit code is 1', async () => {
  const file = path.join(tmp, 'bad.ndjson');
  fs.writeFileSync(file, ndjson([buildArticle(), '{oops']));
  const { out, io } = capture();
  expect(await runImport(file, { url: app.url, key: app.keys.importer, pollMs: 50 }, io)).toBe(1);
  expect(JSON.parse(out.stdout)).toMatchObject({ received: 2, invalid: 1, extracted: 1 });
  expect(out.stderr).toMatch(/line 2: not valid JSON/);
});

test('when the file, the server or the key is wrong, then one clear line says which, with exit code 1', async () => {
  const file = path.join(tmp, 'one.ndjson');
  fs.writeFileSync(file, ndjson([buildArticle()]));
  const cases: [string, { url: string; key?: string }, RegExp][] = [
    [
      path.join(tmp, 'missing.ndjson'),
      { url: app.url, key: app.keys.importer },
      /cannot read .*missing\.ndjson: no such file/,
    ],
    [file, { url: 'http://127.0.0.1:9', key: app.keys.importer }, /cannot reach the API at http:\/\/127\.0\.0\.1:9/],
    [file, { url: app.url, key: 'ct_wrong' }, /refused the key \(401\)/],
    [file, { url: app.url }, /no API key/],
  ];
  for (const [f, opts, message] of cases) {
    const { out, io } = capture();
    expect(await runImport(f, opts, io)).toBe(1);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  }
});
