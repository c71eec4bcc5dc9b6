import { test, expect, appReady, screenshot, seedSafety, BUILT_IN_IDS } from './fixtures';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after the first visit everything opens offline', async ({ page, context }, testInfo) => {
  await page.goto('/routine/hip-unwind');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  const shareLink = await page.locator('.share-panel__url').inputValue();
  await controlled(page);
  await context.setOffline(true);
  await page.goto('/');
  await expect(page.locator('.routine-card')).toHaveCount(14);
  // The paint entry is recorded a moment after the paint itself.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length))
    .toBe(1);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
  console.log(`[${testInfo.project.name}] offline cold start: first contentful paint ${fcp.toFixed(0)} ms`);
  testInfo.annotations.push({ type: 'offline-fcp', description: `${fcp.toFixed(0)} ms` });
  expect(fcp).toBeGreaterThan(0);
  await page.goto('/routine/evening-wind-down');
  await expect(page.locator('.step-item')).toHaveCount(10);
  await page.goto('/routine/desk-break-reset/play');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.stage')).toBeVisible();
  await page.goto(shareLink);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await context.setOffline(false);
});

test('Chromium finds the app installable', async ({ playwright, baseURL }, testInfo) => {
  // Installability is not judged in incognito windows, which test contexts are: use a profile.
  const profile = mkdtempSync(path.join(tmpdir(), 'kneadtime-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: testInfo.project.use.launchOptions?.executablePath,
    args: testInfo.project.use.launchOptions?.args,
  });
  const page = await context.newPage();
  await page.goto(baseURL!);
  await controlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  await context.close();
  expect(manifest.icons.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
});

test('an install button where the browser offers it', async ({ page }, testInfo) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.install')).toHaveCount(0);
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    (offer as any).prompt = () => ((window as any).__prompted = true);
    window.dispatchEvent(offer);
  });
  await expect(page.getByRole('button', { name: 'Install app' })).toBeVisible();
  await screenshot(page, testInfo, 'install-button', false);
  await page.getByRole('button', { name: 'Install app' }).click();
  expect(await page.evaluate(() => (window as any).__prompted)).toBe(true);
});

test('iOS gets add-to-home-screen steps', async ({ browser }, testInfo) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  });
  const page = await context.newPage();
  await page.goto(testInfo.project.use.baseURL!);
  await expect(page.locator('.install')).toContainText('Add to Home Screen');
  await page.screenshot({ path: `tests/e2e/screenshots/${testInfo.project.name}-install-ios.png` });
  await context.close();
});

/** A static server whose folder can be swapped, to play "build A, then build B". */
function switchableServer(root: { dir: string }): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain',
  };
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    let file = path.join(root.dir, name === '/' ? 'index.html' : name);
    let status = 200;
    if (!file.startsWith(root.dir) || !existsSync(file) || name.endsWith('/')) {
      file = path.join(root.dir, '404.html');
      status = 404;
    }
    response.writeHead(status, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    resolve({ server, url: `http://127.0.0.1:${address.port}` });
  }));
}

test('a new version waits for the session to end, then the tap that applies it', async ({ browser }, testInfo) => {
  const work = mkdtempSync(path.join(tmpdir(), 'kneadtime-update-'));
  const buildA = path.join(work, 'a');
  const buildB = path.join(work, 'b');
  cpSync('dist', buildA, { recursive: true });
  // Build B: its modules in a folder of their own (build A's are not on the server any
  // more), a different worker version and a marker in its shell.
  // The build's module folder (app-<hash>/), not a file that happens to share the prefix.
  const modulesA = readdirSync('dist').find((name) => name.startsWith('app-') && statSync(path.join('dist', name)).isDirectory())!;
  const modulesB = `${modulesA}b`;
  cpSync('dist', buildB, { recursive: true, filter: (source) => !source.includes(modulesA) });
  cpSync(path.join('dist', modulesA), path.join(buildB, modulesB), { recursive: true });
  const sw = path.join(buildB, 'sw.js');
  writeFileSync(
    sw,
    readFileSync(sw, 'utf8').replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-b'").replaceAll(modulesA, modulesB),
  );
  // Every page of the build: home, the frame (404.html) and each prerendered screen.
  const pages = readdirSync(buildB, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
  for (const shell of pages) {
    const file = path.join(buildB, shell);
    const html = readFileSync(file, 'utf8').replaceAll(modulesA, modulesB);
    writeFileSync(file, html.replace('<title>', '<meta name="build" content="B" />\n    <title>'));
  }
  const root = { dir: buildA };
  const { server, url } = await switchableServer(root);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(seedSafety, BUILT_IN_IDS);
  const page = await context.newPage();
  try {
    await page.goto(`${url}/`);
    await controlled(page);
    await page.goto(`${url}/routine/desk-break-reset/play`);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.stage')).toBeVisible();
    await page.evaluate(() => ((window as any).__samePage = true));

    root.dir = buildB;
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration!.update()));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    // Mid-session: no prompt, no reload.
    await expect(page.locator('.update-prompt')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
    await expect(page.locator('.stage')).toBeVisible();
    // A screen first opened now still runs build A's code, from its cache: never a mix of builds.
    const modules: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) modules.push(new URL(request.url()).pathname.split('/')[1]);
    });
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
    expect(modules.length).toBeGreaterThan(0);
    expect(new Set(modules)).toEqual(new Set([modulesA]));
    await page.goBack();
    await expect(page.locator('.stage')).toBeVisible();
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);

    await page.getByRole('button', { name: 'End' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await expect(page.getByRole('heading', { name: 'Session ended' })).toBeVisible();
    await expect(page.locator('.update-prompt')).toContainText('A new version of Kneadtime is ready.');
    await page.screenshot({ path: `tests/e2e/screenshots/${testInfo.project.name}-update-prompt.png` });
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name=build]')).toHaveAttribute('content', 'B');
    expect(await page.evaluate(() => (window as any).__samePage)).toBeUndefined();
  } finally {
    await context.close();
    server.close();
  }
});
