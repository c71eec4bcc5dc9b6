import { test, expect, screenshot, appReady } from './fixtures';

test.describe('routine library', () => {
  test('home lists the built-in routines as cards', async ({ page }, testInfo) => {
    await page.goto('/');
    await appReady(page);
    await expect(page).toHaveTitle('Kneadtime');
    const cards = page.locator('.routine-card');
    await expect(cards).toHaveCount(14);
    // Shortest first, from a 5-minute desk break to a 20-minute wind-down.
    await expect(cards.first().locator('h3')).toHaveText('Desk-break glute reset');
    await expect(cards.last().locator('h3')).toHaveText('Evening wind-down');
    await expect(cards.first()).toContainText('About 6 min');
    await expect(cards.last()).toContainText('About 21 min');
    await expect(cards.filter({ hasText: 'Foam roller' }).first()).toBeVisible();
    for (const card of await cards.all()) {
      await expect(card.locator('.chip').first()).toBeVisible();
    }
    await screenshot(page, testInfo, 'home');
  });

  test('opening a routine by clicking shows its steps', async ({ page }, testInfo) => {
    await page.goto('/');
    await appReady(page);
    await page.getByRole('link', { name: 'Piriformis release with a ball' }).click();
    await expect(page).toHaveURL(/\/routine\/piriformis-ball-release$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piriformis release with a ball');
    await expect(page).toHaveTitle('Piriformis release with a ball · Kneadtime');
    await expect(page.getByRole('heading', { level: 2, name: '5 steps' })).toBeVisible();
    const steps = page.locator('.step-item');
    await expect(steps).toHaveCount(5);
    await expect(steps.nth(1)).toContainText('Trigger-point pressure');
    await expect(steps.nth(1)).toContainText('Deep buttock (piriformis)');
    await expect(steps.nth(1)).toContainText('1 min 30 s each side');
    await expect(steps.nth(1)).toContainText('Medium pressure');
    await expect(steps.nth(1)).toContainText('Massage ball');
    await expect(steps.nth(1)).toContainText('tingling or burning');
    await expect(page.locator('.facts')).toContainText('Long exhale (4 in, 6 out)');
    await screenshot(page, testInfo, 'routine');
    // And back to the library.
    await page.getByRole('link', { name: 'All routines' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('.routine-card')).toHaveCount(14);
  });

  test('works from the keyboard alone', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Kneadtime', exact: true })).toBeFocused();
    for (const name of ['History', 'Safety', 'Settings', 'New routine', 'New program', 'Where does it hurt? Point at the place and get routines for it']) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name })).toBeFocused();
    }
    // The library's filters come before the list, closed.
    await page.keyboard.press('Tab');
    await expect(page.getByText('Find a routine')).toBeFocused();
    await page.keyboard.press('Tab');
    const first = page.getByRole('link', { name: 'Desk-break glute reset' });
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Desk-break glute reset');
    await expect(page.locator('.step-item')).toHaveCount(4);
  });

  test('a deep link to a routine opens it directly', async ({ page }) => {
    const response = await page.goto('/routine/evening-wind-down');
    expect(response?.ok()).toBeTruthy();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evening wind-down');
    await expect(page.locator('.step-item')).toHaveCount(10);
  });

  test('unknown addresses show a friendly page with a way home', async ({ page }, testInfo) => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await screenshot(page, testInfo, 'not-found');
    await page.goto('/routine/%3Cimg%20src=x%20onerror=alert(1)%3E');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Routine not found');
    await page.getByRole('link', { name: 'See all routines' }).click();
    await expect(page.locator('.routine-card')).toHaveCount(14);
  });

  test('dark theme follows the system setting', async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/routine/hip-unwind');
    await appReady(page);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(28, 24, 22)');
    await screenshot(page, testInfo, 'routine-dark');
  });
});
