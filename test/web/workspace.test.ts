/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';
import { expectAccessible, launchBrowser, screenshots, serveOnLan, signIn } from './browser';

jest.setTimeout(90_000);

const BODY = [
  'The port reopened on Monday after a week of repairs.',
  'Harbour master Li Wei said cargo volumes doubled in 2024 compared with 2023. Trade had been slow for years.',
  'Economist Ana Costa said the rise came from transhipment alone, not local exports.',
  'The port authority added that a second crane would arrive in March.',
].join('\n\n');
const CLAIMS = [
  { speaker: 'Harbour master Li Wei', content: 'cargo volumes doubled in 2024 compared with 2023' },
  {
    speaker: 'Economist Ana Costa',
    content: 'the rise came from transhipment alone, not local exports',
    type: 'expert' as const,
  },
  { speaker: 'The port authority', content: 'a second crane would arrive in March', type: 'organization' as const },
];

let app: TestApp;
let site: { url: string; close: () => Promise<void> };
let browser: Browser;
let articleId: string;
let claimIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  ({ articleId, claimIds } = await insertArticleWithClaims(app.deps.db, BODY, CLAIMS));
  await app.deps.db.query(
    `update article set title = 'Port cargo doubles after reopening', publisher = 'Harbour Gazette',
            published_at = '2026-11-20T08:00:00Z', claim_count = 3 where id = $1`,
    [articleId],
  );
  await insertArticleWithClaims(app.deps.db, 'Officials said the bridge would open in May. Nothing else.', [
    { speaker: 'Officials', content: 'the bridge would open in May' },
  ]);
  site = await serveOnLan(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await app?.close();
});

/** A fresh browser profile (own sessionStorage), as a second person on another machine. */
async function person(): Promise<{ context: BrowserContext; page: Page; failed: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  // Network failures (a blocked or upgraded script or stylesheet) and script errors; answers such as the 404
  // of an API another branch brings are states the page shows, not failures.
  page.on('pageerror', (err) => failed.push(err.message));
  return { context, page, failed };
}

describe('when an editor and a reviewer work in the browser over plain HTTP on a non-localhost address', () => {
  it('then the editor finds the article by search, sees every claim highlighted in place and flags one', async () => {
    const { context, page, failed } = await person();
    await page.goto(site.url);
    await signIn(page, app.keys.editor, /test editor \(editor\)/);
    // Script and styles came over plain HTTP: the CSP does not upgrade them to https.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(245, 246, 248)');
    await expectAccessible(page, 'review queue');
    await screenshots(page, 'queue');

    await page.fill('#global-search', 'cargo');
    await page.press('#global-search', 'Enter');
    await page.waitForURL(/\/search\?q=cargo/);
    await page.locator('#results a', { hasText: 'Port cargo doubles' }).first().waitFor();
    await expectAccessible(page, 'search');
    await screenshots(page, 'search');
    await page.locator('#results a', { hasText: 'Port cargo doubles' }).first().click();

    await page.waitForURL(`${site.url}/articles/${articleId}`);
    await page.waitForSelector('#article-text mark');
    expect(await page.textContent('#article-text')).toBe(BODY);
    for (const [i, id] of claimIds.entries()) {
      const content = await page
        .locator(`#article-text mark[data-claim="${id}"][data-role="content"]`)
        .allTextContents();
      expect(content.join('')).toBe(CLAIMS[i]!.content);
      const source = await page.locator(`#article-text mark[data-claim="${id}"][data-role="source"]`).allTextContents();
      expect(source.join('')).toBe(CLAIMS[i]!.speaker);
    }
    const panel = await page.locator('#who-said-what > li h3').allTextContents();
    expect(panel).toEqual([
      'Harbour master Li Wei (Official)',
      'Economist Ana Costa (Expert)',
      'The port authority (Organisation)',
    ]);
    await expectAccessible(page, 'article');
    await screenshots(page, 'article');

    // Clicking a highlight opens the claim, with its paragraph and provenance in words.
    await page.click(`#article-text mark[data-claim="${claimIds[1]}"][data-role="content"]`);
    await page.waitForURL(`${site.url}/claims/${claimIds[1]}`);
    await page.locator('#where', { hasText: 'Paragraph 3, reported speech' }).waitFor();
    expect(await page.textContent('#speaker')).toMatch(/^Economist Ana Costa · Expert/);
    expect(await page.getAttribute('#provenance a[target="_blank"]', 'href')).toMatch(/^https:\/\/news\.example\//);
    expect(await page.getAttribute(`#siblings a[data-id="${claimIds[1]}"]`, 'aria-current')).toBe('true');
    // An editor may flag or dismiss, not give a verdict.
    expect(await page.locator('#move-reviewed').count()).toBe(0);

    await page.fill('#move-flagged textarea', 'Check against port statistics');
    await page.selectOption('#move-flagged select[name="priority"]', 'urgent');
    await page.click('#move-flagged button[type="submit"]');
    await page.locator('.message.ok', { hasText: 'Flagged for verification.' }).waitFor();
    await page.locator('#history li', { hasText: 'Not reviewed → Flagged' }).waitFor();
    expect(await page.textContent('#history li')).toMatch(
      /Urgent priority.*Check against port statistics.*test editor \(editor\)/,
    );
    // Flagged once, the claim offers no second flag form (once its moves are fetched again); the review queue lists it.
    await page.locator('#move-flagged').waitFor({ state: 'detached', timeout: 10_000 });
    await expectAccessible(page, 'claim');
    await screenshots(page, 'claim');
    await page.click('header nav a:has-text("Review queue")');
    await page.locator(`#queue a[data-id="${claimIds[1]}"]`, { hasText: 'Flagged' }).waitFor();
    expect(failed).toEqual([]);
    await context.close();
  });

  it('then the reviewer opens the pasted link, takes the claim into review, gives a verdict with evidence and sees the history', async () => {
    const { context, page, failed } = await person();
    const link = `${site.url}/claims/${claimIds[1]}`;
    await page.goto(link);
    await signIn(page, app.keys.reviewer, /\(reviewer\)/);
    expect(page.url()).toBe(link);
    await page.locator('#claim-title', { hasText: CLAIMS[1]!.content }).waitFor();
    // A reviewer may not flag or dismiss: those forms are not offered.
    expect(await page.locator('#move-dismissed').count()).toBe(0);

    await page.click('#move-in_review button');
    await page.locator('.message.ok', { hasText: 'now in review' }).waitFor();
    await page.selectOption('#move-reviewed select[name="verdict"]', 'mostly_true');
    await page.fill('#move-reviewed textarea', 'Transhipment made up 90% of the rise.');
    await page.fill('#move-reviewed input[name="evidence-url"]', 'https://port.example/statistics-2024');
    await page.fill('#move-reviewed input[name="evidence-title"]', 'Port statistics 2024');
    await page.click('#move-reviewed button[type="submit"]');
    await page.locator('.message.ok', { hasText: 'now reviewed' }).waitFor();

    await page.locator('#history li:nth-child(3)').waitFor();
    const history = await page.locator('#history li').allTextContents();
    expect(history).toHaveLength(3);
    expect(history[1]).toMatch(/Flagged → In review.*test reviewer \(reviewer\)/);
    expect(history[2]).toMatch(/In review → Reviewed · Mostly true.*Transhipment made up 90%.*Port statistics 2024/);
    expect(await page.getAttribute('#history a', 'href')).toBe('https://port.example/statistics-2024');
    // A reviewed claim offers a reopen, never a flag form; the verdict is in words.
    expect(await page.locator('#move-flagged').count()).toBe(0);
    await page.locator('#move-in_review h3', { hasText: 'Reopen' }).waitFor();
    await page.locator('#claim-title').waitFor();
    expect(await page.textContent('.panel .meta .verdict')).toBe('Mostly true');

    // The link survives a reload.
    await page.reload();
    await page.locator('#claim-title', { hasText: CLAIMS[1]!.content }).waitFor();
    const stored = await app.request('GET', `/v1/claims/${claimIds[1]}`);
    expect(stored.body).toMatchObject({ status: 'reviewed', review: { verdict: 'mostly_true' } });
    expect(failed).toEqual([]);
    await context.close();
  });

  it('then switching claims leaves no form value or message of the previous claim behind', async () => {
    const { context, page } = await person();
    await page.goto(`${site.url}/claims/${claimIds[0]}`);
    await signIn(page, app.keys.editor, /\(editor\)/);
    await page.fill('#evidence-form input[name="url"]', 'https://port.example/a');
    await page.click('#evidence-form button');
    await page.locator('.message.ok', { hasText: 'Evidence added.' }).waitFor();
    await page.locator('#history li', { hasText: 'Evidence added' }).waitFor();
    expect(await page.inputValue('#evidence-form input[name="url"]')).toBe('');
    await page.fill('#move-flagged textarea', 'Half-typed reason for the first claim');
    await page.fill('#evidence-form input[name="title"]', 'Left over');

    await page.click(`#siblings a[data-id="${claimIds[2]}"]`);
    await page.waitForURL(`${site.url}/claims/${claimIds[2]}`);
    await page.locator('#claim-title', { hasText: CLAIMS[2]!.content }).waitFor();
    expect(await page.inputValue('#move-flagged textarea')).toBe('');
    expect(await page.inputValue('#evidence-form input[name="url"]')).toBe('');
    expect(await page.inputValue('#evidence-form input[name="title"]')).toBe('');
    expect(await page.locator('.message.ok, .message.error').count()).toBe(0);
    expect(await page.getAttribute(`#siblings a[data-id="${claimIds[2]}"]`, 'aria-current')).toBe('true');
    expect(await page.getAttribute(`#siblings a[data-id="${claimIds[0]}"]`, 'aria-current')).toBeNull();

    // Back to the first claim: still empty forms, its own history.
    await page.goBack();
    await page.locator('#claim-title', { hasText: CLAIMS[0]!.content }).waitFor();
    expect(await page.inputValue('#move-flagged textarea')).toBe('');
    await page.locator('#history li', { hasText: 'Evidence added' }).waitFor();
    await context.close();
  });

  it('then the keyboard alone walks the article list, opens an article and reaches the flag form', async () => {
    const { context, page } = await person();
    await page.goto(`${site.url}/articles`);
    await signIn(page, app.keys.editor, /\(editor\)/);
    await page.locator('table.articles a', { hasText: 'Port cargo doubles' }).waitFor();
    await expectAccessible(page, 'articles');
    await screenshots(page, 'articles');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    // Newest first: the bridge story came second, so the port story is the second row.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Port cargo doubles after reopening');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/articles/${articleId}`);
    await page.locator('#who-said-what').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/claims/${claimIds[0]}`);
    await page.locator('#move-flagged').waitFor();
    await page.keyboard.press('f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-shortcut'))).toBe('flag');
    // Focus is drawn differently from hover: an outline ring.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await context.close();
  });
});
