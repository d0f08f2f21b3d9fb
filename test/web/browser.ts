/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser.
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createApp } from '../../src/server/app';
import type { TestApp } from '../support/app';

const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
export const LAN_HOST = 'newsroom.lan';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run .ci/install-chromium.sh (apt-get install chromium)`);
  return chromium.launch({
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
      // A newsroom's LAN name for this machine: Chromium treats http://newsroom.lan as an insecure origin
      // (127.x and localhost count as secure), which is where `upgrade-insecure-requests` broke the page.
      `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.2`,
    ],
  });
}

/**
 * The same app bound to 127.0.0.2 and loaded as http://newsroom.lan:PORT: a plain-HTTP, non-localhost
 * address as on a newsroom's LAN.
 */
export async function serveOnLan(app: TestApp): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createApp(app.deps).listen(0, '127.0.0.2');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://${LAN_HOST}:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function signIn(page: Page, key: string, who: RegExp): Promise<void> {
  await page.fill('#key', key);
  await page.click('#use-key');
  await page.locator('#whoami', { hasText: who }).waitFor();
}

/** axe-core in the page; fails on serious or critical violations, naming each rule and element. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect({ page: label, violations }).toEqual({ page: label, violations: [] });
}

/** Full-page screenshots at a laptop and a phone width, into test-artifacts/screenshots (gitignored). */
export async function screenshots(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}
