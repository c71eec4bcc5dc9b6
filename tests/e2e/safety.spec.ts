import { test, expect, screenshot, appReady } from './fixtures';
import { text } from './i18n-support';

/**
 * Issue 28: emergencies triaged as emergencies, precautions that leave the routines still
 * fine, the structural rules shown to the therapist, and the two new routines.
 */

for (const [browserLocale, tag] of [
  ['en-GB', 'en'],
  ['de-DE', 'de'],
] as const) {
  test.describe(`numbness between the legs, in ${browserLocale}`, () => {
    test.use({ locale: browserLocale, safetyConfirmed: false });

    test('is an emergency on the warning-sign check and on the body map, with no routine', async ({ page }, testInfo) => {
      await page.goto('/routine/piriformis-ball-release/play');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(tag, 'checks.first_heading'));
      const saddle = page.getByRole('checkbox', { name: text(tag, 'safety.red_flag.saddle_numbness') });
      // It is listed under the emergency heading, above "get help today".
      const emergencyGroup = page.getByRole('region', { name: text(tag, 'checks.emergency_heading') });
      await expect(emergencyGroup.getByRole('checkbox', { name: text(tag, 'safety.red_flag.saddle_numbness') })).toBeVisible();
      await saddle.check();
      const advice = page.locator('.advice--emergency');
      await expect(advice).toHaveAttribute('role', 'alert');
      await expect(advice).toContainText(text(tag, 'checks.emergency_advice_heading'));
      await expect(advice).toContainText(text(tag, 'checks.emergency_advice'));
      await expect(advice).toContainText('112');
      // No way on to a routine: no confirmation, no Start, no routine card.
      await expect(page.getByRole('button', { name: text(tag, 'checks.none_apply') })).toHaveCount(0);
      await expect(page.getByRole('button', { name: text(tag, 'routine.start') })).toHaveCount(0);
      await expect(page.locator('.routine-card')).toHaveCount(0);
      // An emergency outranks a precaution ticked beside it.
      await page.getByRole('checkbox', { name: text(tag, 'safety.red_flag.osteoporosis') }).check();
      await expect(page.locator('.advice--precautions')).toHaveCount(0);
      await advice.scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `${tag}-emergency-advice`, false);

      await page.goto('/where-it-hurts');
      await appReady(page);
      await page.locator('.pain-map').getByRole('checkbox').first().click();
      await expect(page.locator('.suggestion').first()).toBeVisible();
      // The same sign, in the same words, with the same advice.
      await page.getByRole('checkbox', { name: text(tag, 'safety.red_flag.saddle_numbness') }).check();
      const mapAdvice = page.locator('.advice--emergency');
      await expect(mapAdvice).toContainText(text(tag, 'checks.emergency_advice'));
      await expect(page.locator('.suggestion')).toHaveCount(0);
      await mapAdvice.scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `${tag}-map-emergency`, false);
    });
  });
}

test.describe('a precaution', () => {
  test.use({ safetyConfirmed: false });

  test('leaves only the routines that fit it, and the player keeps to them', async ({ page }, testInfo) => {
    await page.goto('/routine/foam-roller-hip-glute/play');
    await page.getByRole('checkbox', { name: /^Osteoporosis/ }).check();
    const advice = page.locator('.advice--precautions');
    await expect(advice.getByRole('heading', { level: 2 })).toHaveText('Some routines are still fine');
    await expect(advice).toContainText('keep your body weight off balls and rollers');
    const fitting = advice.locator('.routine-card h3');
    await expect(fitting.filter({ hasText: 'Gentle flare-up care' })).toHaveCount(1);
    await expect(fitting.filter({ hasText: 'Foam roller hip and glute flow' })).toHaveCount(0);
    await expect(fitting.filter({ hasText: 'Piriformis release with a ball' })).toHaveCount(0);
    await screenshot(page, testInfo, 'precautions');
    await page.getByRole('button', { name: 'Follow only these routines' }).click();
    // The roller routine this started from is not one of them.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This routine is not one for you now');
    await expect(page.getByRole('button', { name: 'Start' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Gentle flare-up care' }).click();
    await expect(page).toHaveURL(/\/routine\/gentle-flare-up$/);
    await page.getByRole('link', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'I have read these' }).click();
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    // Asking again clears the precaution, and with it the limit.
    await page.goto('/routine/foam-roller-hip-glute/play');
    await page.getByRole('button', { name: 'Check the warning signs again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Before your first session');
  });
});

test('the builder shows the structural rules as warnings and changes nothing', async ({ page }, testInfo) => {
  await page.goto('/builder');
  await appReady(page);
  const checks = page.locator('.rule-checks');
  const step = page.locator('.builder-step').first();
  await step.getByRole('combobox', { name: /^Tool/ }).selectOption({ label: 'Massage ball' });
  await step.getByRole('combobox', { name: /^Pressure/ }).selectOption({ label: 'Light' });
  await expect(checks).toContainText('Step 1 puts body weight on a ball or roller: that is at least Medium pressure, not Light.');
  // The builder leaves the choice as it was: the therapist decides.
  await expect(step.getByRole('combobox', { name: /^Pressure/ }).locator('option:checked')).toHaveText('Light');
  await screenshot(page, testInfo, 'builder-rules');
  await step.getByRole('combobox', { name: /^Pressure/ }).selectOption({ label: 'Medium' });
  await expect(checks).not.toContainText('at least Medium pressure');
});

for (const id of ['gentle-flare-up', 'chair-and-wall', 'piriformis-ball-release']) {
  test(`the ${id} page reads as a physiotherapist would sign it`, async ({ page }, testInfo) => {
    await page.goto(`/routine/${id}`);
    await appReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.step-item').last()).toBeVisible();
    await screenshot(page, testInfo, `routine-${id}`);
  });
}
