import fs from 'node:fs';
import path from 'node:path';
import { extractArticleBatch } from '../../src/articles/extract-batch';
import { extractArticle } from '../../src/articles/extract';
import { extractClaims } from '../../src/extraction';
import { ExtractionPool, ExtractionRefused } from '../../src/extraction-pool/pool';
import { startTestApp, type TestApp } from '../support/app';
import { buildArticle } from '../support/factories';

jest.setTimeout(120_000);
const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', 'straits-times-elite-defections.txt'), 'utf8');

let app: TestApp;
const pools: ExtractionPool[] = [];
const pool = (over: Partial<ConstructorParameters<typeof ExtractionPool>[0]>) => {
  const p = new ExtractionPool({ threads: 1, threadMaxMb: 192, timeoutSeconds: 60, ...over });
  pools.push(p);
  return p;
};
beforeAll(async () => {
  app = await startTestApp({ EXTRACT_ATTEMPTS: '5' });
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  await app.close();
});

async function storeArticle(body?: string): Promise<string> {
  const r = await app.request('POST', '/v1/articles', {
    key: app.keys.editor,
    body: { ...buildArticle(), ...(body ? { body } : {}) },
  });
  return r.body.id;
}
const articleRow = async (id: string) =>
  (await app.deps.db.query('select status, error, claim_count from article where id = $1', [id])).rows[0];

describe('when an article is extracted in the thread pool', () => {
  it('then its claims are exactly those of extractClaims on the main thread', async () => {
    expect(await app.deps.extractor.extract(seed)).toEqual(extractClaims(seed));
  });
});

describe('when many articles wait for the one extraction thread', () => {
  it('then none is refused for the time it spent waiting: the limit counts its own extraction only', async () => {
    const limited = pool({ timeoutSeconds: 5 });
    const all = await Promise.all(Array.from({ length: 120 }, () => limited.extract(seed)));
    expect(all).toHaveLength(120);
  });
});

describe('when the extraction thread runs out of heap', () => {
  // 16 MB cannot even hold the model: every extraction dies of a heap out of memory, in its thread only.
  const starved = () => pool({ threadMaxMb: 16 });

  it('then the article is refused with the reason and ends failed at once, and this process lives on', async () => {
    await expect(starved().extract(seed)).rejects.toThrow(ExtractionRefused);
    const id = await storeArticle();
    const outcome = await extractArticle({ ...app.deps, extractor: starved() }, id, {
      leaseSeconds: 60,
      finalAttempt: false,
    });
    expect(outcome.refused).toMatch(/out of memory/);
    expect(await articleRow(id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/out of memory/) });
    expect(await app.deps.extractor.extract(seed)).toEqual(extractClaims(seed));
  });

  it('when it is part of an import batch, then the refused articles end failed with the reason', async () => {
    const ids = [await storeArticle(), await storeArticle()];
    const outcome = await extractArticleBatch({ ...app.deps, extractor: starved() }, ids, {
      leaseSeconds: 60,
      attempts: 5,
    });
    expect(outcome).toMatchObject({ extracted: 0, failed: 2 });
    for (const id of ids) {
      expect(await articleRow(id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/out of memory/) });
    }
  });
});

describe('when an article takes longer than the extraction time limit', () => {
  it('then the thread is stopped and the article ends failed with the reason', async () => {
    const id = await storeArticle('Prices rose, according to the minister, according to '.repeat(20_000));
    const outcome = await extractArticle({ ...app.deps, extractor: pool({ timeoutSeconds: 1 }) }, id, {
      leaseSeconds: 60,
      finalAttempt: false,
    });
    expect(outcome.refused).toMatch(/longer than 1 s/);
    expect(await articleRow(id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/longer than 1 s/) });
  });
});
