import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshot, appReady } from './fixtures';
import { audit } from './a11y-support';
import { T0 } from './player-support';

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const map = (page: Page) => page.locator('.pain-map');
const place = (page: Page, name: string) => map(page).getByRole('checkbox', { name, exact: true });
const liveCount = (page: Page) => page.locator('.pain-map__count');
const suggestions = (page: Page) => page.locator('.suggestion');
/** The warning sign of numbness between the legs, in the words of the warning-sign check. */
const SADDLE = 'New numbness or tingling between your legs or around your back passage (the saddle area)';

test.describe('where does it hurt', () => {
  test('keyboard only: choose the left deep gluteal, hear it counted, read why, and start it on the left side alone', async ({ page }, testInfo) => {
    await page.clock.install({ time: T0 });
    await page.goto('/');
    await appReady(page);
    await tabTo(page, page.getByRole('link', { name: /Where does it hurt\?/ }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where does it hurt?');
    await expect(page).toHaveURL(/\/where-it-hurts$/);
    await expect(liveCount(page)).toHaveText('No area chosen');
    await expect(page.getByText('Choose a place to see routines for it.')).toBeVisible();

    // The map is one tab stop: the first place takes the focus, and Tab leaves the map.
    const first = place(page, 'Left lower back (quadratus lumborum)');
    await tabTo(page, first);
    await expect(map(page).locator('[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.pain-map'))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await expect(first).toBeFocused();

    // Arrow keys walk the places row by row; the focus ring shows where.
    const order = [
      'Right lower back (quadratus lumborum)',
      'Left gluteus medius and minimus',
      'Left sacroiliac joint',
      'Right sacroiliac joint',
      'Right gluteus medius and minimus',
      'Left deep gluteal (piriformis)',
    ];
    for (const name of order) {
      await page.keyboard.press('ArrowRight');
      await expect(place(page, name)).toBeFocused();
    }
    const leftDeep = place(page, 'Left deep gluteal (piriformis)');
    const outline = await leftDeep.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowLeft');
    await expect(place(page, 'Right gluteus medius and minimus')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(leftDeep).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('Space');
    await expect(leftDeep).toHaveAttribute('aria-checked', 'true');
    await expect(liveCount(page)).toHaveText('1 area chosen');
    await expect(liveCount(page)).toHaveAttribute('aria-live', 'polite');

    // The plain list shows the same choice.
    await page.getByText('The same places as a list').click();
    const list = page.locator('.place-list');
    await expect(list.getByRole('checkbox', { name: 'Left deep gluteal (piriformis)' })).toBeChecked();
    await expect(list.getByRole('checkbox', { name: 'Right deep gluteal (piriformis)' })).not.toBeChecked();

    // Three suggestions, the largest share of time on the left piriformis first, each
    // with its reason: the share it is ranked by, then the minutes.
    await expect(suggestions(page)).toHaveCount(3);
    await expect(suggestions(page).nth(0)).toContainText('Piriformis release with a ball');
    await expect(suggestions(page).nth(0)).toContainText('28 % of this routine works on your left piriformis: 2 of its 9 minutes.');
    await expect(suggestions(page).nth(1)).toContainText('Trigger points: hip and low back');
    await expect(suggestions(page).nth(2)).toContainText('Evening wind-down');
    await screenshot(page, testInfo, 'body-map-chosen');

    // Only the left side, then Start: all by keyboard.
    const oneSide = page.getByRole('checkbox', { name: 'Play only my painful side (left)' });
    await tabTo(page, oneSide);
    await page.keyboard.press('Space');
    await expect(oneSide).toBeChecked();
    const start = page.getByRole('link', { name: 'Start Piriformis release with a ball' });
    await tabTo(page, start);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/routine\/piriformis-ball-release\/play\?side=left$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piriformis release with a ball');
    await expect(page.getByText('Left side only: steps done on each side in turn play on your left side.')).toBeVisible();
    await screenshot(page, testInfo, 'body-map-one-side-player');
    // Its two-sided steps play on the left alone, with no switch of sides: 5 steps of
    // 60 + 90 + 60 + 45 + 30 s, each after 5 s to get ready, 310 s in all.
    await page.clock.pauseAt(T0 + 60_000);
    await tabTo(page, page.getByRole('button', { name: 'Start', exact: true }));
    await page.keyboard.press('Enter');
    const stage = page.locator('.stage');
    await expect(stage).toBeVisible();
    await page.clock.runFor(5_000 + 60_000 + 5_000 + 1_000);
    await expect(stage).toHaveAttribute('data-step', '2');
    await expect(page.locator('.stage__title')).toHaveText('Trigger-point pressure');
    await expect(page.locator('.stage__badge')).toHaveText('Left side');
    await expect(stage).toContainText('piriformis');
    await page.clock.runFor(90_000 + 5_000);
    await expect(stage).toHaveAttribute('data-step', '3');
    await expect(page.locator('.stage__title')).toHaveText('Myofascial release');
    await expect(page.locator('.stage__badge')).toHaveText('Left side');
    await expect(stage).not.toContainText(/right/i);
    await page.clock.runFor(310_000 - 166_000 - 1_000);
    await expect(page.getByRole('heading', { name: 'Routine complete' })).toHaveCount(0);
    await page.clock.runFor(1_500);
    await expect(page.getByRole('heading', { name: 'Routine complete' })).toBeVisible();
  });

  test('pain running down the leg, or numbness, gets the warning signs and never a massage suggestion', async ({ page }) => {
    await page.goto('/where-it-hurts');
    await appReady(page);
    await place(page, 'Right gluteus maximus').click();
    await expect(suggestions(page)).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Pain or tingling runs down my leg' }).check();
    await expect(suggestions(page)).toHaveCount(0);
    const advice = page.locator('.warning-advice');
    await expect(advice).toHaveAttribute('role', 'alert');
    await expect(advice).toContainText('See a doctor or physiotherapist before any self-massage');
    await expect(advice.getByRole('link', { name: 'Read all the warning signs' })).toHaveAttribute('href', '/safety');
    // More places chosen while the sign is ticked still get no suggestion.
    await place(page, 'Left sit bone (hamstring origin)').click();
    await expect(liveCount(page)).toHaveText('2 areas chosen');
    await expect(suggestions(page)).toHaveCount(0);
    await page.getByRole('checkbox', { name: SADDLE }).check();
    // The same emergency as on the warning-sign check, in the same words: call now.
    const emergency = page.locator('.advice--emergency');
    await expect(emergency).toHaveAttribute('role', 'alert');
    await expect(emergency).toContainText('This is an emergency');
    await expect(emergency).toContainText('Call your emergency number now');
    await expect(suggestions(page)).toHaveCount(0);
    // With both signs unticked the suggestions come back.
    await page.getByRole('checkbox', { name: 'Pain or tingling runs down my leg' }).uncheck();
    await page.getByRole('checkbox', { name: SADDLE }).uncheck();
    await expect(suggestions(page).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // "Only my painful side" is offered only while every place is on one side.
    await expect(page.getByRole('checkbox', { name: /Play only my painful side/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear choices' }).click();
    await expect(liveCount(page)).toHaveText('No area chosen');
    await expect(map(page).locator('[aria-checked="true"]')).toHaveCount(0);
  });

  test('a routine made in the builder is suggested for the places its steps work', async ({ page }) => {
    await page.goto('/builder');
    await appReady(page);
    await page.getByLabel('Title').fill('Thigh care');
    const step = page.locator('.builder-step').first();
    await step.getByLabel('Area').selectOption({ label: 'Back of the thigh (hamstrings)' });
    await step.getByLabel('Side', { exact: true }).selectOption({ label: 'Right' });
    await step.getByLabel('Seconds').fill('600');
    await page.getByRole('button', { name: 'Save routine' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thigh care');
    await page.goto('/where-it-hurts');
    await appReady(page);
    await place(page, 'Right back of the thigh').click();
    await expect(suggestions(page).first()).toContainText('Thigh care');
    // All of its 600 s on the right back of the thigh: no built-in is so much about it.
    await expect(suggestions(page).first()).toContainText('100 % of this routine works on the back of your right thigh: 10 of its 10 minutes.');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the map and the filtered library pass axe in the ${scheme} theme`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/where-it-hurts');
      await appReady(page);
      await audit(page, `body map (${scheme})`);
      await place(page, 'Left side of the hip (greater trochanter)').click();
      await place(page, 'Left sacroiliac joint').click();
      await page.getByText('The same places as a list').click();
      await expect(suggestions(page).first()).toBeVisible();
      await audit(page, `body map with suggestions (${scheme})`);
      await screenshot(page, testInfo, `body-map-${scheme}`);
      await page.getByRole('checkbox', { name: 'Pain or tingling runs down my leg' }).check();
      await audit(page, `body map with warning advice (${scheme})`);
      await page.getByRole('alert').scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `body-map-warning-${scheme}`, false);

      await page.goto('/');
      await appReady(page);
      await page.getByText('Find a routine').click();
      await page.getByRole('combobox', { name: 'Body area' }).selectOption({ label: 'Back of the thigh' });
      await expect(page.locator('.routine-card')).toHaveCount(6);
      await audit(page, `filtered home (${scheme})`);
      await screenshot(page, testInfo, `home-filtered-${scheme}`);
    });
  }

  test('the library filters by body area, tool, length and technique, and says how many are left', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    const cards = page.locator('.routine-card');
    await expect(cards).toHaveCount(14);
    await page.getByText('Find a routine').click();
    const count = page.locator('.library-filter__status [aria-live="polite"]');
    await expect(count).toHaveText('14 routines shown');
    await expect(page.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
    await page.getByRole('combobox', { name: 'Body area' }).selectOption({ label: 'Back of the thigh' });
    await expect(count).toHaveText('6 routines shown');
    await expect(cards.locator('h3')).toHaveText([
      'Sit bone and hamstring ease',
      'Foam roller hip and glute flow',
      'Myofascial hip and thigh release',
      'Chair and wall: no floor work',
      'Deep tissue: glutes and hamstrings',
      'Evening wind-down',
    ]);
    await page.getByRole('combobox', { name: 'Tool' }).selectOption({ label: 'Foam roller' });
    await expect(count).toHaveText('2 routines shown');
    await expect(cards.locator('h3')).toHaveText(['Foam roller hip and glute flow', 'Myofascial hip and thigh release']);
    await page.getByRole('combobox', { name: 'Technique' }).selectOption({ label: 'Stretch' });
    await expect(count).toHaveText('No built-in routine matches these filters.');
    await expect(cards).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(cards).toHaveCount(14);
    await page.getByRole('combobox', { name: 'Length' }).selectOption({ label: 'Over 12 minutes' });
    await expect(cards.locator('h3')).toHaveText(['Evening wind-down']);
    // Closing the filters shows the whole library again.
    await page.getByText('Find a routine').click();
    await expect(cards).toHaveCount(14);
  });
});

test('a routine in one massage style says so among its facts', async ({ page }) => {
  for (const [id, style] of [
    ['swedish-back-and-glutes', 'Swedish massage'],
    ['deep-tissue-glute-and-hamstring', 'Deep tissue'],
    ['trigger-point-hip-and-back', 'Trigger-point therapy'],
    ['myofascial-hip-and-thigh', 'Myofascial release'],
  ]) {
    await page.goto(`/routine/${id}`);
    await appReady(page);
    const fact = page.locator('.facts > div').filter({ has: page.locator('dt', { hasText: 'Style' }) });
    await expect(fact.locator('dd')).toHaveText(style);
  }
});
