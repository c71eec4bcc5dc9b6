import { test, expect, screenshot, appReady } from './fixtures';
import { DESK_BREAK, T0, recordOutputs, timeline } from './player-support';
import { expectNoEnglish, text } from './i18n-support';

const TOTAL = timeline(DESK_BREAK).at(-1)!.end;

/** The main flow, start to history, in a language the browser asks for. */
for (const [browserLocale, tag] of [
  ['de-DE', 'de'],
  ['es-ES', 'es'],
] as const) {
  test.describe(`a phone set to ${browserLocale}`, () => {
    test.use({ locale: browserLocale, safetyConfirmed: false });

    test('home, routine, first-session checks, player with spoken cues, summary and history', async ({ page }, testInfo) => {
      await recordOutputs(page);
      await page.clock.install({ time: T0 - 60_000 });
      await page.goto('/');
      await appReady(page);
      await expect(page.locator('html')).toHaveAttribute('lang', tag);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(tag, 'home.heading'));
      await expectNoEnglish(page, tag, 'home');
      await screenshot(page, testInfo, `${tag}-home`);

      await page.getByRole('link', { name: text(tag, 'library.desk_break_reset.title') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(tag, 'library.desk_break_reset.title'));
      await expectNoEnglish(page, tag, 'routine');
      await screenshot(page, testInfo, `${tag}-routine`);

      await page.getByRole('link', { name: text(tag, 'routine.start') }).click();
      await expect(page.getByRole('heading', { name: text(tag, 'checks.first_heading') })).toBeVisible();
      await expectNoEnglish(page, tag, 'warning-sign check');
      await screenshot(page, testInfo, `${tag}-red-flags`);
      await page.getByRole('button', { name: text(tag, 'checks.none_apply') }).click();
      await page.getByRole('button', { name: text(tag, 'checks.caution_read') }).click();
      await expect(page.getByRole('button', { name: text(tag, 'player.start') })).toBeVisible();
      await expectNoEnglish(page, tag, 'player intro');

      await page.clock.pauseAt(T0);
      await page.getByRole('button', { name: text(tag, 'player.start') }).click();
      await expect(page.locator('.stage')).toBeVisible();
      await page.clock.runFor(20_000);
      await expect(page.getByRole('button', { name: text(tag, 'player.pause') })).toBeVisible();
      await expectNoEnglish(page, tag, 'player');
      await screenshot(page, testInfo, `${tag}-player`, false);

      await page.clock.runFor(TOTAL - 20_000 + 500);
      await expect(page.getByRole('heading', { name: text(tag, 'summary.complete') })).toBeVisible();
      await expectNoEnglish(page, tag, 'summary');
      await screenshot(page, testInfo, `${tag}-summary`);

      const spoken: { text: string; lang: string }[] = await page.evaluate(() => (window as any).__spoken);
      expect(spoken.length).toBeGreaterThan(8);
      for (const cue of spoken) expect(cue.lang, cue.text).toMatch(new RegExp(`^${tag}\\b`));

      await page.getByRole('navigation', { name: text(tag, 'app.nav_label') }).getByRole('link', { name: text(tag, 'app.nav_history') }).click();
      await expect(page).toHaveURL(/\/history$/);
      await appReady(page);
      await expectNoEnglish(page, tag, 'history');
      await screenshot(page, testInfo, `${tag}-history`);
    });
  });
}

test.describe('an English phone', () => {
  test.use({ locale: 'en-US' });

  test('choosing Español in Settings switches at once and survives a reload and an offline reload', async ({ page, context }) => {
    await page.goto('/settings');
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByLabel(text('en', 'settings.language')).selectOption({ label: 'Español' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('es', 'settings.title'));
    await expect(page.getByLabel(text('es', 'settings.language'))).toHaveValue('es');
    await expectNoEnglish(page, 'es', 'settings');

    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('es', 'settings.title'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');

    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await context.setOffline(true);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('es', 'home.heading'));
    await expectNoEnglish(page, 'es', 'home, offline');
    await context.setOffline(false);
  });
});

for (const [browserLocale, tag, language] of [
  ['fr-FR', 'fr', 'French'],
  ['de-DE', 'de', 'German'],
] as const) {
  test.describe(`a phone set to ${browserLocale}`, () => {
    test.use({ locale: browserLocale });

    test(`every screen in ${language} fits its width`, async ({ page }, testInfo) => {
      await page.clock.install({ time: T0 });
      for (const [path, name] of [
        ['/', 'home'],
        ['/routine/piriformis-ball-release', 'routine'],
        ['/routine/piriformis-ball-release/play', 'player-intro'],
        ['/builder', 'builder'],
        ['/settings', 'settings'],
        ['/history', 'history'],
        ['/safety', 'safety'],
        ['/about', 'about'],
        ['/where-it-hurts', 'body-map'],
      ]) {
        await page.goto(path);
        await appReady(page);
        await expect(page.locator('html')).toHaveAttribute('lang', tag);
        await expectNoEnglish(page, tag, name);
        await screenshot(page, testInfo, `${tag}-${name}`);
      }
    });
  });
}

for (const [browserLocale, tag] of [
  ['en-US', 'en'],
  ['de-DE', 'de'],
] as const) {
  test.describe(`texts beyond the home page, on a phone set to ${browserLocale}`, () => {
    // Every request reaches page.route, none is answered by a service worker; the
    // browser reports the aborted downloads.
    test.use({ locale: browserLocale, serviceWorkers: 'block', expectedErrors: /Failed to load resource/ });

    test('the home page shows whole from its first texts file alone', async ({ page }, testInfo) => {
      const texts: string[] = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/locales/')) texts.push(pathname);
      });
      await page.route('**/locales/*.rest.json', (route) => route.abort('internetdisconnected'));
      await page.goto('/');
      await appReady(page);
      const cards = page.locator('.routine-card');
      await expect(cards).toHaveCount(14);
      await expect(cards.first().getByRole('heading')).toHaveText(text(tag, 'library.desk_break_reset.title'));
      await expect(cards.first()).toContainText(text(tag, 'library.desk_break_reset.summary'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(tag, 'home.heading'));
      await expectNoEnglish(page, tag, 'home (first texts only)');
      expect(texts[0]).toBe(`/locales/${tag}.json`);
      await screenshot(page, testInfo, `home-first-texts-${tag}`);
    });

    test('a routine page waits for the rest, says so if it cannot come, and Retry brings it', async ({ page }, testInfo) => {
      await page.route('**/locales/*.rest.json', (route) => route.abort('internetdisconnected'));
      await page.goto('/');
      await appReady(page);
      const title = text(tag, 'library.hip_unwind.title');
      await page.getByRole('link', { name: title }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(tag, 'app.not_loaded_heading'));
      await expect(page.getByRole('alert')).toContainText(text(tag, 'app.not_loaded_first'));
      await screenshot(page, testInfo, `routine-texts-not-loaded-${tag}`);
      await page.unroute('**/locales/*.rest.json');
      await page.getByRole('button', { name: text(tag, 'app.retry') }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      // The built-ins' steps were worded again once their texts came.
      await expect(page.locator('.step-item').first()).toContainText(text(tag, 'library.hip_unwind.steps.0'));
      await expectNoEnglish(page, tag, 'routine (texts fetched on Retry)');
      // A deep link, cold, waits for every text before it shows.
      await page.goto('/routine/hip-unwind');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expectNoEnglish(page, tag, 'routine (deep link)');
    });
  });
}
