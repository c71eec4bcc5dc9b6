import { test, expect, appReady } from './fixtures';
import { audit } from './a11y-support';
import { DESK_BREAK, T0, timeline } from './player-support';
import { text } from './i18n-support';

const SEGMENTS = timeline(DESK_BREAK);

/** The screens a path opens directly, with their names in the report. */
const SCREENS: [string, string][] = [
  ['/', 'home'],
  ['/routine/piriformis-ball-release', 'routine with share panel'],
  ['/builder', 'builder'],
  ['/settings', 'settings'],
  ['/safety', 'safety'],
  ['/about', 'about'],
  ['/where-it-hurts', 'body map'],
  ['/history', 'empty history'],
  ['/no/such/page', 'not found'],
  ['/r#AAAA', 'broken link'],
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('library, routine, share panel, builder, settings, safety, about, errors', async ({ page }) => {
      for (const [path, screen] of SCREENS) {
        await page.goto(path);
        await appReady(page);
        await audit(page, screen);
      }
      // A received routine, from the link the share panel makes.
      await page.goto('/routine/hip-unwind');
      const link = await page.locator('.share-panel__url').inputValue();
      await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
      await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
      await audit(page, 'received routine');
    });

    test('the player in each state', async ({ page }) => {
      // axe waits on timers: the fake clock keeps running here, and jumps between states.
      await page.clock.install({ time: T0 });
      await page.goto('/routine/desk-break-reset/play');
      await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
      await audit(page, 'player intro');
      await page.getByRole('button', { name: 'Start' }).click();
      const started = await page.evaluate(() => Date.now());
      await expect(page.locator('.stage')).toBeVisible();
      await audit(page, 'player get ready');
      const jumpTo = async (offset: number) =>
        page.clock.fastForward(started + offset - (await page.evaluate(() => Date.now())));
      await jumpTo(20_000);
      await expect(page.locator('.stage')).toHaveAttribute('data-kind', 'work');
      await audit(page, 'player running');
      await page.getByRole('button', { name: 'Pause' }).click();
      await audit(page, 'player paused');
      await page.getByRole('button', { name: 'Resume' }).click();
      const switching = SEGMENTS.find((segment) => segment.kind === 'switchsides')!;
      await jumpTo(switching.start + 1_000);
      await expect(page.locator('.stage')).toHaveAttribute('data-kind', 'switchsides');
      await audit(page, 'player switching sides');
      await page.getByRole('button', { name: 'Sound, voice and timing settings' }).click();
      await audit(page, 'player settings sheet');
      await page.getByRole('button', { name: 'Close settings' }).click();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'End this session?' })).toBeVisible();
      await audit(page, 'end dialog');
      await page.getByRole('button', { name: 'End session' }).click();
      await expect(page.getByRole('heading', { name: 'Session ended' })).toBeVisible();
      await page.getByRole('radio', { name: /^3,/ }).check();
      await audit(page, 'summary with check-in');
      await page.goto('/history');
      await expect(page.locator('.chart')).toBeVisible();
      await audit(page, 'history with chart');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect(page.locator('.share-progress [role=status]')).toContainText('Link copied');
      await page.goto(await page.evaluate(() => navigator.clipboard.readText()));
      await expect(page.getByRole('heading', { name: 'Shared progress' })).toBeVisible();
      await audit(page, 'shared progress');
      await page.goto('/p#AAAA');
      await audit(page, 'broken progress link');
    });
  });
}

/** The same checks in German, whose longer words are the likeliest to crowd a screen or a target. */
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`German, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme, locale: 'de-DE' });

    test('every screen and the player', async ({ page }) => {
      await page.clock.install({ time: T0 });
      for (const [path, screen] of [...SCREENS, ['/routine/desk-break-reset/play', 'player intro']]) {
        await page.goto(path);
        await appReady(page);
        await expect(page.locator('html')).toHaveAttribute('lang', 'de');
        await audit(page, `${screen} (de)`);
      }
      await page.getByRole('button', { name: text('de', 'player.start') }).click();
      await expect(page.locator('.stage')).toBeVisible();
      await page.clock.fastForward(20_000);
      await expect(page.locator('.stage')).toHaveAttribute('data-kind', 'work');
      await audit(page, 'player running (de)');
    });
  });
}

test.describe('German at 200% text', () => {
  test.use({ locale: 'de-DE' });

  test('still fits at phone width', async ({ page }) => {
    test.skip(test.info().project.name !== 'phone', 'the narrowest screen is the test');
    await page.clock.install({ time: T0 });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => document.documentElement.style.setProperty('font-size', '200%'));
    });
    for (const path of ['/', '/routine/desk-break-reset', '/history', '/settings', '/safety', '/builder', '/routine/desk-break-reset/play']) {
      await page.goto(path);
      await appReady(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `${path} scrolls sideways at 200% German text`).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('before the first session', () => {
  test.use({ safetyConfirmed: false });

  test('warning signs and routine cautions', async ({ page }) => {
    await page.goto('/routine/hip-unwind/play');
    await expect(page.getByRole('heading', { name: 'Before your first session' })).toBeVisible();
    await audit(page, 'warning signs');
    await page.getByRole('checkbox', { name: /Osteoporosis/ }).check();
    await audit(page, 'warning sign advice with precautions');
    await page.getByRole('checkbox', { name: /between your legs/ }).check();
    await audit(page, 'emergency advice');
    await page.reload();
    await page.getByRole('button', { name: 'None of these apply' }).click();
    await audit(page, 'routine cautions');
  });
});

test('text at 200% still fits: nothing is cut off or scrolls sideways', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.addInitScript(() => {
    // What a browser's "text size 200%" does: the root font doubles, the layout width does not.
    document.addEventListener('DOMContentLoaded', () => document.documentElement.style.setProperty('font-size', '200%'));
  });
  for (const path of ['/', '/routine/desk-break-reset', '/history', '/settings', '/safety', '/routine/desk-break-reset/play']) {
    await page.goto(path);
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect.soft(overflow, `${path} scrolls sideways at 200% text`).toBeLessThanOrEqual(0);
  }
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.stage')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport();
});

test('every settings slider is named by what it sets, and says its value', async ({ page }) => {
  await page.goto('/settings');
  await appReady(page);
  for (const name of ['Cue volume', 'Speaking rate', 'Get ready before each step', 'Time to switch sides', 'Rest between steps']) {
    const slider = page.getByRole('slider', { name, exact: true });
    await expect(slider).toBeVisible();
    await expect(slider).toHaveAttribute('aria-valuetext', /\d/);
  }
  await expect(page.getByRole('slider', { name: 'Cue volume', exact: true })).toHaveAttribute('aria-valuetext', /%$/);
});
