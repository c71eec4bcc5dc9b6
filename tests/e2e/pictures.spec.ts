import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshot, appReady } from './fixtures';
import { recordOutputs, startRoutine, timeline, type StepDef } from './player-support';

/** The piriformis routine: a ball under the buttock, seated on the floor, in step 2. */
const PIRIFORMIS: StepDef[] = [
  { technique: 'Effleurage', side: 'none', secs: 60 },
  { technique: 'Trigger-point pressure', side: 'both', secs: 90 },
  { technique: 'Myofascial release', side: 'both', secs: 60 },
  { technique: 'Stretch', side: 'both', secs: 45 },
  { technique: 'Rest', side: 'none', secs: 30 },
];

/** Whether `locator` is wholly on the first screen, above the sticky controls. */
async function aboveTheControls(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const controls = (await page.getByRole('group', { name: 'Session controls' }).boundingBox())!;
  const viewport = page.viewportSize()!;
  return box.y >= 0 && box.y + box.height <= Math.min(viewport.height, controls.y + 1);
}

test('every step on a routine page has its picture, saying what it shows', async ({ page }, testInfo) => {
  for (const id of ['piriformis-ball-release', 'foam-roller-hip-glute', 'chair-and-wall']) {
    await page.goto(`/routine/${id}`);
    await appReady(page);
    const steps = page.locator('.step-item');
    const pictures = page.locator('.step-item').getByRole('img');
    await expect(pictures).toHaveCount(await steps.count());
    // Each says what it shows: a position and a movement, and where something works, the spot.
    for (const picture of await pictures.all()) {
      await expect(picture).toHaveAccessibleName(/^[^.]+\. (.+\. Spot: .+\. )?.+\.$/);
    }
    await pictures.first().scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, `pictures-${id}`);
  }
  // Chair and wall: a ball between the outer glute and the wall.
  await expect(
    page.locator('.step-item').getByRole('img', {
      name: 'Standing against a wall. Massage ball between the body and the wall. Spot: outer glute. A still press, held while the spot eases.',
    }),
  ).toHaveCount(1);
});

test.describe('in the player', () => {
  test.beforeEach(async ({ page }) => {
    await recordOutputs(page);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the picture, the headline, the time left and Pause share the first screen (${scheme})`, async ({
      page,
    }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await startRoutine(page, 'piriformis-ball-release');
      const work = timeline(PIRIFORMIS).find((segment) => segment.step === 2 && segment.kind === 'work')!;
      await page.clock.runFor(work.start + 5_000);
      const picture = page.locator('.stage__picture').getByRole('img', {
        name: /^Seated on the floor\. Massage ball under the body\. Spot: left piriformis\./,
      });
      await expect(picture).toBeVisible();
      // On a phone's first screen, clear of the sticky controls: the headline says what and
      // which side. (On a desktop the step card sits beside the timer.)
      const phone = testInfo.project.name === 'phone';
      for (const part of phone ? [] : [picture]) await expect(part).toBeVisible();
      for (const part of !phone ? [] : [
        picture,
        page.getByRole('heading', { level: 1, name: 'Trigger-point pressure' }),
        page.locator('.stage__badge'),
        page.getByRole('timer', { name: 'Time left in this part' }),
      ]) {
        await expect(part).toBeInViewport({ ratio: 1 });
        expect(await aboveTheControls(page, part), 'above the controls').toBe(true);
      }
      await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport({ ratio: 1 });
      await expect(page.locator('.stage__badge')).toHaveText('Left side');
      await screenshot(page, testInfo, `pictures-player-${scheme}`, false);
      // The full how-to text is one tap away.
      const more = page.getByText('How to do it', { exact: true });
      await expect(page.locator('.step-card__how')).toBeHidden();
      await more.click();
      await expect(page.locator('.step-card__how')).toBeVisible();
      await more.click();
    });
  }

  test('the switch-sides moment turns the picture to the other side', async ({ page }, testInfo) => {
    await startRoutine(page, 'piriformis-ball-release');
    const left = timeline(PIRIFORMIS).find((s) => s.step === 2 && s.kind === 'work' && s.side === 'left')!;
    await page.clock.runFor(left.start + 1_000);
    const picture = page.locator('.stage__picture svg.step-picture');
    await expect(picture).toHaveAttribute('data-mirrored', 'false');
    const switching = timeline(PIRIFORMIS).find((segment) => segment.step === 2 && segment.kind === 'switchsides')!;
    await page.clock.runFor(switching.start - left.start);
    await expect(page.locator('.switch-card')).toBeVisible();
    await expect(picture).toHaveAccessibleName(/Spot: right piriformis\./);
    await expect(picture).toHaveAttribute('data-mirrored', 'true');
    // Still, for the screenshot: the turn itself takes under a second.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await screenshot(page, testInfo, 'pictures-switch-sides', false);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    const right = timeline(PIRIFORMIS).find((s) => s.step === 2 && s.kind === 'work' && s.side === 'right')!;
    await page.clock.runFor(right.start - switching.start + 1_000);
    await expect(page.locator('.step-card__side')).toHaveText('Right side');
    await expect(picture).toHaveAttribute('data-mirrored', 'true');
  });

  test('reduced motion holds the picture still; otherwise its marks move', async ({ page }) => {
    const pulse = () =>
      page.locator('.stage__picture .step-picture__pulse').first().evaluate((ring) => getComputedStyle(ring).animationName);
    await startRoutine(page, 'piriformis-ball-release');
    const work = timeline(PIRIFORMIS).find((segment) => segment.step === 2 && segment.kind === 'work')!;
    await page.clock.runFor(work.start + 1_000);
    expect(await pulse()).not.toBe('none');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await pulse()).toBe('none');
  });
});

test('the builder draws the step as the therapist changes it', async ({ page }, testInfo) => {
  await page.goto('/builder');
  await appReady(page);
  const step = page.getByRole('listitem').filter({ has: page.getByRole('group', { name: 'Step 1' }) });
  const live = step.locator('.builder-step__picture').getByRole('img');
  await expect(live).toHaveAccessibleName(/^Standing\. Hands\. Spot: glute\./);
  await step.getByLabel('Tool', { exact: true }).selectOption({ label: 'Massage ball' });
  await step.getByLabel('Area', { exact: true }).selectOption({ label: 'Deep buttock (piriformis)' });
  // The position follows the tool until one is chosen: a ball goes under the body, on the floor.
  await expect(live).toHaveAccessibleName(/^Seated on the floor\. Massage ball under the body\. Spot: piriformis\./);
  await expect(step.getByRole('radio', { name: 'Seated on the floor' })).toBeChecked();
  await step.getByRole('radio', { name: 'Lying on your back' }).check();
  await expect(live).toHaveAccessibleName(/^Lying on your back\. Massage ball under the body\. Spot: piriformis\./);
  await step.getByLabel('Side', { exact: true }).selectOption({ label: 'Right' });
  await expect(live).toHaveAttribute('data-mirrored', 'true');
  await live.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'pictures-builder');
});

test('the printed handout has a picture per step', async ({ page }, testInfo) => {
  await page.goto('/routine/foam-roller-hip-glute');
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  const steps = await page.locator('.step-item').count();
  const printed = page.locator('.step-item svg.step-picture');
  await expect(printed).toHaveCount(steps);
  for (const picture of await printed.all()) await expect(picture).toBeVisible();
  // In black and white: the spot prints black.
  expect(
    await printed.first().locator('.step-picture__spot').evaluate((spot) => getComputedStyle(spot).fill),
  ).toBe('rgb(0, 0, 0)');
  await screenshot(page, testInfo, 'pictures-handout');
});
