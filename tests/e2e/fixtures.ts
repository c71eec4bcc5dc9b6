import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';

/**
 * Every page in every test is watched: a request to any other origin, an
 * uncaught error or a console error fails the test when it ends.
 */
export const test = base.extend<{
  watchdog: void;
  safetyConfirmed: boolean;
  confirmSafety: void;
  expectedErrors: RegExp | undefined;
  staticPage: 'inert' | 'live';
  actOnTheApp: void;
}>({
  /** Console errors a test provokes on purpose (a failed download, say): not counted as errors in the page. */
  expectedErrors: [undefined, { option: true }],
  /** Whether the person has already read the warning signs and every built-in routine's cautions. */
  safetyConfirmed: [true, { option: true }],
  confirmSafety: [
    async ({ page, safetyConfirmed }, use) => {
      if (safetyConfirmed) await page.addInitScript(seedSafety, BUILT_IN_IDS);
      await use();
    },
    { auto: true },
  ],
  /**
   * Whether a test may act on the static page the HTML paints before the app replaces it
   * (tests/e2e/prerender.spec.ts does). Elsewhere it is inert and out of the accessibility
   * tree, so roles and labels find only the app's own controls: a click on the static page
   * would be an ordinary page load, not what the test means.
   */
  staticPage: ['inert', { option: true }],
  actOnTheApp: [
    async ({ context, staticPage }, use) => {
      if (staticPage === 'inert') {
        await context.addInitScript(() => {
          document.addEventListener('DOMContentLoaded', () => {
            const shell = document.getElementById('app-shell');
            shell?.setAttribute('inert', '');
            shell?.setAttribute('aria-hidden', 'true');
          });
        });
      }
      await use();
    },
    { auto: true },
  ],
  watchdog: [
    async ({ page, baseURL, expectedErrors }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && !expectedErrors?.test(text)) errors.push(text);
      });
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every built-in routine's id, all at the library's revision 2. */
export const BUILT_IN_IDS = [
  'desk-break-reset',
  'low-back-soothe',
  'piriformis-ball-release',
  'hip-unwind',
  'foam-roller-hip-glute',
  'evening-wind-down',
  'sacroiliac-settle',
  'swedish-back-and-glutes',
  'sit-bone-and-hamstring',
  'trigger-point-hip-and-back',
  'myofascial-hip-and-thigh',
  'deep-tissue-glute-and-hamstring',
  'gentle-flare-up',
  'chair-and-wall',
];

/**
 * Before the app loads (unless the page already has one): a safety record with the warning
 * signs and every built-in's cautions confirmed, as `addInitScript(seedSafety, BUILT_IN_IDS)`.
 * (Runs in the page: no imports.)
 */
export function seedSafety(ids: string[]) {
  // about:blank and the like have no storage of their own.
  if (!location.protocol.startsWith('http') || localStorage.getItem('kneadtime.safety') !== null) return;
  const routines = ids.map((id) => ({ id, revision: 2 }));
  localStorage.setItem('kneadtime.safety', JSON.stringify({ schema: 2, red_flags_confirmed_at: 1, precautions: [], routines }));
}

/** Saves a screenshot (the whole page unless `fullPage` is false) as tests/e2e/screenshots/<project>-<name>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = true) {
  const file = path.join('tests', 'e2e', 'screenshots', `${testInfo.project.name}-${name}.png`);
  // Every screen fits its width: nothing scrolls sideways.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${name} is wider than the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  await page.screenshot({ path: file, fullPage });
}

/** Waits until the WebAssembly app has replaced the static page with its first screen. */
export async function appReady(page: Page) {
  await expect(page.locator('#app-shell')).toHaveCount(0);
  await expect(page.locator('main#main h1')).toBeVisible();
}
