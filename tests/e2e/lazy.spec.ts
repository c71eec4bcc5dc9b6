import { test, expect, appReady, screenshot } from './fixtures';
import type { Page } from '@playwright/test';

/** Every screen that loads its own code, with an address that opens it and its heading there. */
const LAZY_SCREENS = [
  { module: 'routine_page', path: '/routine/hip-unwind', heading: 'Side and front of hip unwind' },
  { module: 'player', path: '/routine/desk-break-reset/play', heading: 'Desk-break glute reset' },
  { module: 'other_screens', path: '/settings', heading: 'Settings' },
  { module: 'links', path: '/r#AAAA', heading: 'This routine link cannot be opened' },
  { module: 'other_screens', path: '/p#AAAA', heading: 'This progress link cannot be opened' },
  { module: 'other_screens', path: '/builder', heading: 'New routine' },
  { module: 'other_screens', path: '/builder/hip-unwind', heading: 'New routine' },
  { module: 'other_screens', path: '/history', heading: 'Your progress' },
  { module: 'other_screens', path: '/safety', heading: 'When to see a professional' },
  { module: 'other_screens', path: '/about', heading: 'About Kneadtime' },
  { module: 'home_parts', path: '/where-it-hurts', heading: 'Where does it hurt?' },
  { module: 'links', path: '/program#AAAA', heading: 'This program link cannot be opened' },
  { module: 'other_screens', path: '/my-program', heading: 'Your program' },
  { module: 'other_screens', path: '/program-builder', heading: 'Make a program' },
];

/** The names of the wasm files the page fetches from now on. */
function wasmRequests(page: Page) {
  const names: string[] = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop()!;
    if (name.endsWith('.wasm')) names.push(name);
  });
  return names;
}

async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test.describe('lazy screens', () => {
  // Every request reaches the network (and page.route), none is answered by a service worker.
  test.use({ serviceWorkers: 'block' });

  test('the home page loads only the main module, and a routine page module once idle', async ({ page }) => {
    const wasm = wasmRequests(page);
    await page.goto('/');
    await appReady(page);
    await expect(page.locator('.routine-card')).toHaveCount(14);
    expect(wasm).toEqual(['kneadtime_bg.wasm']);
    // The likely next screen: a tapped card opens without waiting for its code.
    await expect.poll(() => wasm).toContain('split_routine_page.wasm');
    const before = wasm.length;
    await page.getByRole('link', { name: /Side and front of hip unwind/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Side and front of hip unwind');
    expect(wasm.slice(before).filter((name) => name === 'split_routine_page.wasm')).toEqual([]);
  });

  for (const { module, path, heading } of LAZY_SCREENS) {
    test(`a cold deep link to ${path} opens it, fetching its own module`, async ({ page }) => {
      const wasm = wasmRequests(page);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      expect(wasm).toContain('kneadtime_bg.wasm');
      expect(wasm).toContain(`split_${module}.wasm`);
    });
  }

  test('a routine page fetches the player once it is idle, so Start is instant', async ({ page }) => {
    const wasm = wasmRequests(page);
    await page.goto('/routine/hip-unwind');
    await appReady(page);
    await expect.poll(() => wasm).toContain('split_player.wasm');
    const before = wasm.length;
    await page.getByRole('link', { name: 'Start routine' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Side and front of hip unwind');
    // Nothing more to fetch for the player.
    expect(wasm.slice(before).filter((name) => name.startsWith('split_player'))).toEqual([]);
  });

  test.describe('when a module cannot be fetched', () => {
    // The browser reports the aborted download, and the split loader logs why it failed.
    test.use({ expectedErrors: /Failed to load resource|Failed to fetch|TypeError/ });

    test('the screen says so in place, and Retry fetches it again', async ({ page }, testInfo) => {
      await page.goto('/');
      await appReady(page);
      await page.route('**/split_other_screens.wasm', (route) => route.abort('internetdisconnected'));
      await page.getByRole('link', { name: 'History' }).click();
      const alert = page.getByRole('alert');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This screen did not load');
      await expect(alert).toContainText('Nothing you saved is lost');
      await screenshot(page, testInfo, 'screen-not-loaded');
      // Still offline: says so again, still no panic.
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect(alert).toContainText('It still could not be fetched');
      await page.unroute('**/split_other_screens.wasm');
      await page.getByRole('button', { name: 'Retry' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
      // The app goes on working: other screens, and back home.
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await page.getByRole('link', { name: 'Kneadtime', exact: true }).click();
      await expect(page.locator('.routine-card')).toHaveCount(14);
    });

    test('a cold deep link to the player retries under its own address', async ({ page }) => {
      await page.route('**/split_player.wasm', (route) => route.abort('internetdisconnected'));
      await page.goto('/routine/desk-break-reset/play');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This screen did not load');
      await page.unroute('**/split_player.wasm');
      await page.getByRole('button', { name: 'Retry' }).click();
      // The player reads the routine's id from the address: Retry renders it under its route.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Desk-break glute reset');
      await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    });
  });
});

test('after one visit every lazy screen opens offline, cold', async ({ page, context }) => {
  await page.goto('/');
  await appReady(page);
  await controlled(page);
  await context.setOffline(true);
  for (const { path, heading } of LAZY_SCREENS) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await context.setOffline(false);
});
