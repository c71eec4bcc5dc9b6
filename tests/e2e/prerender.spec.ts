import { test, expect, screenshot, BUILT_IN_IDS } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

// The static pages the release build prerenders (scripts/prerender-pages.mjs): what they
// show before the WebAssembly arrives, and how the app replaces them.
test.use({ staticPage: 'live', serviceWorkers: 'block' });

const PRERENDERED = ['/', '/about', ...BUILT_IN_IDS.map((id) => `/routine/${id}`)];
const GERMAN = JSON.parse(readFileSync('locales/de.json', 'utf8'));

/** Holds back every .wasm request until the returned function is called. */
async function holdWasm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * What a person reads and follows in `root` (the static page, or the app that replaced it):
 * the headings, the links and the words of the header, main area and footer. The share
 * panel, whose code loads when the page shows, is left out: no static page has it.
 */
async function screenIn(page: Page, root: string) {
  return page.locator(root).evaluate((element) => {
    const parts = [...element.querySelectorAll('header, main, footer')];
    const words = (part: Element) => {
      const copy = part.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.share-panel').forEach((panel) => panel.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    return {
      headings: [...element.querySelectorAll('h1, h2, h3')]
        .filter((heading) => !heading.closest('.share-panel'))
        .map((heading) => heading.textContent?.trim()),
      links: [...element.querySelectorAll('a[href]')].map((link) => [link.textContent?.trim(), link.getAttribute('href')]),
      words: parts.map(words),
      title: document.title,
    };
  });
}

/** Opens `address` with the wasm held back, and gives the static page's screen and a release. */
async function staticPageAt(page: Page, address: string) {
  const release = await holdWasm(page);
  await page.goto(address);
  await expect(page.locator('#app-shell main')).toBeVisible();
  return { screen: await screenIn(page, '#app-shell'), release };
}

/** Lets the wasm in and waits until the app has replaced the static page. */
async function appTakesOver(page: Page, release: () => void) {
  release();
  await expect(page.locator('#app-shell')).toHaveCount(0);
  await expect(page.locator('.app-root main h1')).toBeVisible();
  await page.unrouteAll({ behavior: 'wait' });
}

for (const [locale, language] of [
  ['en-US', 'English'],
  ['de-DE', 'German'],
] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale });

    test('every prerendered page is the page the app renders', async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== 'phone', 'the markup is the same at every width');
      test.setTimeout(120_000);
      for (const address of PRERENDERED) {
        const { screen, release } = await staticPageAt(page, address);
        expect(screen.headings.length, `${address} has headings`).toBeGreaterThan(0);
        await appTakesOver(page, release);
        expect(await screenIn(page, '.app-root'), address).toEqual(screen);
      }
    });

    test('home and a routine page at first paint and after the app starts', async ({ page }, testInfo) => {
      for (const [address, name] of [
        ['/', 'home'],
        ['/routine/hip-unwind', 'routine'],
      ]) {
        const { release } = await staticPageAt(page, address);
        await shot(page, testInfo, `prerendered-${name}-${locale}-first-paint`);
        await appTakesOver(page, release);
        await shot(page, testInfo, `prerendered-${name}-${locale}-app`);
      }
    });
  });
}

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await screenshot(page, testInfo, name, false);
}

test.describe('before the WebAssembly arrives, in German', () => {
  test.use({ locale: 'de-DE' });

  test('the prerendered home page paints in German', async ({ page }) => {
    const { screen } = await staticPageAt(page, '/');
    expect(screen.headings[0]).toBe(GERMAN.home.heading);
    await expect(page.locator('#app-shell').getByRole('navigation', { name: GERMAN.app.nav_label })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  });
});

test.describe('before the WebAssembly arrives', () => {
  test.describe('with every .wasm blocked', () => {
    test.use({ expectedErrors: /Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/ });

    test('home lists the routines and a card opens its routine page', async ({ page }) => {
      await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
      await page.goto('/');
      const shell = page.locator('#app-shell');
      await expect(shell.locator('.routine-card')).toHaveCount(BUILT_IN_IDS.length);
      await shell.getByRole('link', { name: 'Side and front of hip unwind' }).click();
      await expect(page).toHaveURL(/\/routine\/hip-unwind$/);
      await expect(shell.getByRole('heading', { level: 1 })).toHaveText('Side and front of hip unwind');
      await expect(shell.getByRole('link', { name: 'Start' })).toHaveAttribute('href', '/routine/hip-unwind/play');
    });
  });

  test('an address with no prerendered page shows the frame alone, never home content', async ({ page }) => {
    for (const address of ['/settings', '/r#not-a-link', '/program-builder', '/no-such-page']) {
      const { screen, release } = await staticPageAt(page, address);
      await expect(page.locator('#app-shell').getByRole('status')).toHaveText('Opening Kneadtime…');
      await expect(page.locator('#app-shell .routine-card')).toHaveCount(0);
      expect(screen.headings, address).toEqual([]);
      await appTakesOver(page, release);
    }
  });

  test('a person with routines of their own never sees "they appear here"', async ({ page }) => {
    const saved = readFileSync('crates/kneadtime-core/tests/fixtures/storage/routines-v2.json', 'utf8');
    await page.addInitScript((raw) => {
      if (localStorage.getItem('kneadtime.routines') === null) localStorage.setItem('kneadtime.routines', raw);
    }, saved);
    const { release } = await staticPageAt(page, '/');
    await expect(page.locator('#app-shell .my-routines__empty')).toBeHidden();
    await expect(page.locator('#app-shell .routine-card').first()).toBeVisible();
    await appTakesOver(page, release);
    await expect(page.locator('.my-routines__empty')).toHaveCount(0);
  });

  test('the control a person focused stays focused when the app takes over', async ({ page }) => {
    const { release } = await staticPageAt(page, '/');
    await page.locator('#app-shell').getByText('Find a routine').click();
    await page.locator('#app-shell').getByRole('link', { name: 'Safety' }).focus();
    await appTakesOver(page, release);
    await expect(page.getByRole('link', { name: 'Safety' })).toBeFocused();
    await expect(page.locator('.app-root details').first()).toHaveAttribute('open', '');
  });
});

test.describe('the static page', () => {
  test('paints in the chosen theme, and the app takes over with nothing moving', async ({ page }, testInfo) => {
    // The theme as the app itself stores it.
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('kneadtime.settings'))).toContain('dark');
    const { release } = await staticPageAt(page, '/');
    const shell = page.locator('#app-shell');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const box = (root: string) => page.locator(`${root} .routine-card`).nth(3).boundingBox();
    const before = await box('#app-shell');
    const nav = await shell.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(nav.map((name) => name.trim())).toEqual(['History', 'Safety', 'Settings', 'New routine', 'New program']);
    await screenshot(page, testInfo, 'app-shell');
    await appTakesOver(page, release);
    // The same card in the same place: the app's first view does not jump.
    expect(await box('.app-root')).toEqual(before);
  });

  test('the app waits for the static page to paint, so the largest paint is the static page', async ({ page }) => {
    // No hold-back: the wasm may arrive before the first paint, as on a fast connection.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { largestPaints: string[] }).largestPaints = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[]) {
          seen.push(entry.element?.closest('#app-shell') ? 'shell' : entry.element ? 'app' : 'removed');
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto('/');
    await expect(page.locator('#app-shell')).toHaveCount(0);
    const largest = await page.evaluate(() => (window as unknown as { largestPaints: string[] }).largestPaints);
    // An entry whose element the app has since removed was the static page's.
    expect(largest.length).toBeGreaterThan(0);
    expect(largest.every((owner) => owner !== 'app')).toBe(true);
  });
});

test.describe("a page asks for its first screen's modules at once", () => {
  /** The .wasm files `address`'s HTML announces with preload hints. */
  async function hinted(page: Page, address: string) {
    const html = await (await page.request.get(address)).text();
    return new Set([...html.matchAll(/<link rel="preload" href="([^"]+\.wasm)"/g)].map(([, href]) => href));
  }

  /**
   * The .wasm files other than the main module that loading `address` fetches until `ready`.
   * The clock stands still, so nothing is prefetched at idle meanwhile.
   */
  async function fetchedOpening(page: Page, address: string, ready: () => Promise<void>) {
    await page.clock.install();
    const fetched = new Set<string>();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.wasm') && !pathname.endsWith('/kneadtime_bg.wasm')) fetched.add(pathname);
    });
    await page.goto(address);
    await ready();
    return fetched;
  }

  test("a therapist's link and a routine page", async ({ page, browser }) => {
    await page.goto('/routine/hip-unwind');
    const link = (await page.locator('.share-panel__url').inputValue()).replace(/^https?:\/\/[^/]+/, '');
    const hints = await hinted(page, '/r');
    expect([...hints].some((href) => href.endsWith('/split_links.wasm'))).toBe(true);
    const receiver = await browser.newPage();
    const fetched = await fetchedOpening(receiver, link, () => expect(receiver.getByRole('button', { name: 'Start now' })).toBeVisible());
    expect(fetched.size).toBeGreaterThan(1);
    expect([...fetched].filter((file) => !hints.has(file)), 'fetched but not hinted').toEqual([]);
    await receiver.close();

    const routineHints = await hinted(page, '/routine/hip-unwind');
    const visitor = await browser.newPage();
    const routineFetched = await fetchedOpening(visitor, '/routine/hip-unwind', () => expect(visitor.locator('.app-root .share-panel')).toBeVisible());
    expect([...routineFetched].filter((file) => !routineHints.has(file)), 'fetched but not hinted').toEqual([]);
    await visitor.close();
  });
});
