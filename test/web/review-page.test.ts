import fs from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';

jest.setTimeout(60_000);

const CHROMIUM = '/usr/bin/chromium';
const BODY =
  'The port reopened on Monday. Harbour master Li Wei said cargo volumes doubled in 2024 compared with 2023. Trade was slow.';

let app: TestApp;
let browser: Browser;
let page: Page;
let claimId: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run .ci/install-chromium.sh (apt-get install chromium)`);
  app = await startTestApp();
  const { claimIds } = await insertArticleWithClaims(app.deps.db, BODY, [
    { speaker: 'Harbour master Li Wei', content: 'cargo volumes doubled in 2024 compared with 2023' },
  ]);
  claimId = claimIds[0]!;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function useKey(key: string): Promise<void> {
  await page.fill('#key', key);
  await page.click('#use-key');
}

describe('when an editor and a reviewer use the review page', () => {
  it('then they can authenticate, flag a claim, review it and see its history', async () => {
    await page.goto(app.url);
    await useKey(app.keys.editor);
    await page.waitForSelector('#whoami:has-text("test editor (editor)")');

    // The claim opens with its sentence highlighted inside the article text.
    await page.click(`#recent .claim-item[data-id="${claimId}"]`);
    await page.waitForSelector('#article-text mark');
    expect(await page.textContent('#article-text mark')).toBe('cargo volumes doubled in 2024 compared with 2023');
    expect(await page.textContent('#article-text .source')).toBe('Harbour master Li Wei');
    expect(await page.textContent('#article-text')).toBe(BODY);

    await page.fill('#flag-reason', 'Check against port statistics');
    await page.selectOption('#flag-priority', 'urgent');
    await page.click('#flag-form button');
    await page.waitForSelector('#message.ok:has-text("Flagged")');
    await page.waitForSelector(`#queue .claim-item[data-id="${claimId}"]`);

    await useKey(app.keys.reviewer);
    await page.waitForSelector('#whoami:has-text("(reviewer)")');
    await page.click(`#queue .claim-item[data-id="${claimId}"]`);
    await page.waitForSelector('#transition-to option:has-text("in_review")', { state: 'attached' });
    await page.selectOption('#transition-to', 'in_review');
    await page.click('#transition-form button');
    await page.waitForSelector('#message.ok:has-text("in_review")');

    await page.selectOption('#transition-to', 'reviewed');
    await page.selectOption('#transition-verdict', 'mostly_true');
    await page.fill('#transition-note', 'Volumes rose 94%, close to double.');
    await page.fill('#transition-evidence-url', 'https://port.example/statistics-2024');
    await page.click('#transition-form button');
    await page.waitForSelector('#message.ok:has-text("reviewed")');

    await page.waitForSelector('#history li:nth-child(3)');
    const history = await page.locator('#history li').allTextContents();
    expect(history).toHaveLength(3);
    expect(history[0]).toMatch(
      /test editor \(editor\): unreviewed → flagged · priority urgent · Check against port statistics/,
    );
    expect(history[1]).toMatch(/test reviewer \(reviewer\): flagged → in_review/);
    expect(history[2]).toMatch(
      /in_review → reviewed · verdict mostly_true · Volumes rose 94%.*port\.example\/statistics-2024/,
    );

    const stored = await app.request('GET', `/v1/claims/${claimId}`);
    expect(stored.body).toMatchObject({ status: 'reviewed', review: { verdict: 'mostly_true' } });
  });

  it('when a wrong key is pasted, then the page says so', async () => {
    await useKey('ct_not-a-key');
    await page.waitForSelector('#message:not(.ok):has-text("unknown or revoked")');
  });
});
