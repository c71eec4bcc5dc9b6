import { test, expect } from './fixtures';
import { T0 } from './player-support';

/** Where the page is scrolled to, and the heading that has the focus. */
async function screenStart(page: import('@playwright/test').Page) {
  return page.evaluate(() => ({
    scrollY: Math.round(window.scrollY),
    focused: document.activeElement?.tagName === 'H1' ? document.activeElement.textContent?.trim() : null,
  }));
}

test.describe('each new player screen', () => {
  test.use({ safetyConfirmed: false });

  test('opens at its top with the focus on its heading', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await page.goto('/routine/hip-unwind/play');
    await expect(page.getByRole('heading', { level: 1, name: 'Before your first session' })).toBeVisible();
    // The person scrolls down to the end of the list and confirms.
    await page.getByRole('button', { name: 'None of these apply' }).scrollIntoViewIfNeeded();
    expect((await screenStart(page)).scrollY).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'None of these apply' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Before you start:/ })).toBeFocused();
    expect((await screenStart(page)).scrollY).toBe(0);
    await page.getByRole('button', { name: 'I have read these' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'I have read these' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Side and front of hip unwind' })).toBeFocused();
    expect((await screenStart(page)).scrollY).toBe(0);
    await page.getByRole('button', { name: 'Start' }).scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Start' }).click();
    // The session: its heading focused and the dial on the first screen.
    await expect(page.locator('.stage__title')).toBeFocused();
    expect((await screenStart(page)).scrollY).toBe(0);
    await expect(page.locator('.timer-ring, .stage__countdown').first()).toBeInViewport();
  });
});
