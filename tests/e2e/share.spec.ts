import { test, expect, screenshot, seedSafety, BUILT_IN_IDS } from './fixtures';
import type { Page } from '@playwright/test';

/** Builds a three-step routine in the builder and returns its share link. */
async function buildAndShare(
  page: Page,
  texts: { title: string; author: string; note: string; summary?: string; howTo?: string },
) {
  await page.goto('/builder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('New routine');
  await page.getByLabel('Title').fill(texts.title);
  await page.getByLabel('Summary').fill(texts.summary ?? 'After our session: three steps for the right hip.');
  await page.getByLabel('Your name (shown to the client)').fill(texts.author);
  await page.getByLabel('Note to the client').fill(texts.note);
  const steps = page.locator('.builder-step');
  // Step 1 starts as kneading the glute on both sides, 1 minute each.
  await expect(steps).toHaveCount(1);
  await page.getByRole('button', { name: '+ Add a step' }).click();
  await steps.nth(1).getByLabel('Technique').selectOption({ label: 'Trigger-point pressure' });
  await steps.nth(1).getByLabel('Area').selectOption({ label: 'Deep buttock (piriformis)' });
  await steps.nth(1).getByLabel('Side', { exact: true }).selectOption({ label: 'Right' });
  await steps.nth(1).getByLabel('Tool').selectOption({ label: 'Massage ball' });
  await steps.nth(1).getByRole('button', { name: '1 min 30 s' }).click();
  if (texts.howTo) await steps.nth(1).getByLabel('How to do it').fill(texts.howTo);
  await page.getByRole('button', { name: '+ Add a step' }).click();
  await steps.nth(2).getByLabel('Technique').selectOption({ label: 'Rest' });
  await steps.nth(2).getByLabel('Side', { exact: true }).selectOption({ label: 'Centre / both at once' });
  await steps.nth(2).getByLabel('Seconds').fill('40');
  // 5 s get-ready + 60 + 8 s switch + 60, then 5 + 90, then 5 + 40.
  await expect(page.locator('.builder__total')).toContainText('4:33');
  await page.getByRole('button', { name: 'Save routine' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(texts.title);
  return (await page.locator('.share-panel__url').inputValue()) as string;
}

test('a routine built, shared and opened by someone else plays the same steps', async ({ page, browser, baseURL }, testInfo) => {
  const link = await buildAndShare(page, {
    title: 'Right hip after our session',
    author: 'Dr. Ana Ruiz, PT',
    note: 'Gently on the right side. See you in two weeks!',
  });
  expect(link).toMatch(new RegExp(`^${baseURL}/r#[A-Za-z0-9_-]+$`));
  expect(link.length).toBeLessThan(500);
  await screenshot(page, testInfo, 'share-panel');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, testInfo, 'print');
  await page.emulateMedia({ media: 'screen' });
  // It is in "My routines" on the sender's device.
  await page.goto('/');
  await expect(page.locator('.my-routines .routine-card h3')).toHaveText(['Right hip after our session']);

  // A new person, with nothing stored.
  const client = await browser.newContext({ viewport: page.viewportSize()! });
  await client.addInitScript(seedSafety, BUILT_IN_IDS);
  const other = await client.newPage();
  await other.goto(link);
  await expect(other.locator('.received__from')).toHaveText('From Dr. Ana Ruiz, PT');
  await expect(other.locator('.received__note')).toHaveText('Gently on the right side. See you in two weeks!');
  const steps = other.locator('.step-item');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText('Kneading');
  await expect(steps.nth(0)).toContainText('1 min each side');
  await expect(steps.nth(1)).toContainText('Trigger-point pressure');
  await expect(steps.nth(1)).toContainText('Deep buttock (piriformis)');
  await expect(steps.nth(1)).toContainText('1 min 30 s');
  await expect(steps.nth(2)).toContainText('40 s');
  await other.screenshot({ path: `tests/e2e/screenshots/${testInfo.project.name}-received.png`, fullPage: true });
  await other.getByRole('button', { name: 'Save to my routines' }).click();
  await expect(other.locator('.received__saved')).toContainText('Saved in your routines');
  await other.getByRole('button', { name: 'Start now' }).click();
  // A routine from a therapist has its own cautions, read once before its first play.
  await expect(other.locator('.cautions')).toContainText('lower inner buttock');
  await other.getByRole('button', { name: 'I have read these' }).click();
  await other.getByRole('button', { name: 'Start' }).click();
  await expect(other.locator('.stage__title')).toHaveText('Get ready');
  await other.goto('/');
  await expect(other.locator('.my-routines')).toContainText('By Dr. Ana Ruiz, PT');
  await expect(other.locator('.my-routines')).toContainText('Received');

  // The therapist edits it and sends it again: the client is offered the update, not a duplicate.
  await page.goto('/');
  await page.locator('.my-routines .routine-card a').click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Note to the client').fill('Updated: add the rest at the end.');
  await page.getByRole('button', { name: 'Save routine' }).click();
  const second = await page.locator('.share-panel__url').inputValue();
  expect(second).not.toBe(link);
  await other.goto(second);
  await other.getByRole('button', { name: /Update to the new version/ }).click();
  await expect(other.locator('.received__saved')).toContainText('Saved in your routines');
  await other.goto('/');
  await expect(other.locator('.my-routines .routine-card')).toHaveCount(1);
  await client.close();
});

test('damaged links show a friendly error page, never a crash', async ({ page }, testInfo) => {
  await page.goto('/routine/desk-break-reset');
  const link = await page.locator('.share-panel__url').inputValue();
  const [base, payload] = link.split('#');
  const flip = (at: number) => payload.slice(0, at) + (payload[at] === 'A' ? 'B' : 'A') + payload.slice(at + 1);
  const damaged = [
    '',
    payload.slice(0, 10),
    payload.slice(0, payload.length - 7),
    payload.slice(0, Math.floor(payload.length / 2)),
    flip(0),
    flip(5),
    flip(Math.floor(payload.length / 2)),
    payload + 'AAAA',
    payload.replace(/[A-Z]/g, '*'),
    'A'.repeat(20_000),
  ];
  for (const [i, variant] of damaged.entries()) {
    await page.goto(`${base}#${variant}`);
    await expect(page.getByRole('heading', { level: 1 }), `variant ${i}`).toHaveText('This routine link cannot be opened');
    await expect(page.locator('.link-error__reason')).not.toBeEmpty();
  }
  await screenshot(page, testInfo, 'link-error');
});

test('markup typed into any field is shown as text and never runs', async ({ page, browser }) => {
  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const title = `Hip ${attack}`.slice(0, 80);
  const link = await buildAndShare(page, { title, summary: attack, author: attack, note: attack, howTo: attack });
  const client = await browser.newContext();
  await client.addInitScript(seedSafety, BUILT_IN_IDS);
  const other = await client.newPage();
  await other.goto(link);
  await expect(other.locator('.received__from')).toHaveText(`From ${attack}`);
  await expect(other.locator('.received__note')).toHaveText(attack);
  await expect(other.locator('.step-item').nth(1)).toContainText(attack);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(other.locator('.routine-detail .lead')).toHaveText(attack);
  expect(await other.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(await other.locator('.routine-detail img, .received img, .routine-detail script, .received script').count()).toBe(0);
  await client.close();
});

test('the builder explains what is wrong next to the field', async ({ page }, testInfo) => {
  await page.goto('/builder');
  const save = page.getByRole('button', { name: 'Save routine' });
  await expect(page.locator('.field__error').first()).toHaveText('This cannot be empty.');
  await expect(save).toBeDisabled();
  await page.getByLabel('Title').fill('Quick glute reset');
  await page.locator('.builder-step').first().getByLabel('Seconds').fill('2');
  await expect(page.locator('.builder-step .field__error')).toHaveText('Choose between 5 seconds and 15 minutes.');
  await expect(save).toBeDisabled();
  await page.locator('.builder-step').first().getByRole('button', { name: '45 s' }).click();
  await expect(save).toBeEnabled();
  // Reorder and copy steps with buttons.
  await page.getByRole('button', { name: 'Duplicate step 1' }).click();
  await page.locator('.builder-step').nth(1).getByLabel('Technique').selectOption({ label: 'Stretch' });
  await page.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(page.locator('.builder-step__title')).toHaveText(['Stretch', 'Kneading']);
  if (testInfo.project.name === 'desktop') {
    // With a mouse, steps can also be dragged into place. A step with its picture and
    // positions is taller than this window, and a drag that scrolls is dropped: on a
    // tall enough screen both steps show at once.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: size.width, height: 2400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const firstHeading = page.locator('.builder-step__head').nth(0);
    await page.locator('.builder-step__grip').nth(1).dragTo(firstHeading);
    await expect(page.locator('.builder-step__title')).toHaveText(['Kneading', 'Stretch']);
    await page.locator('.builder-step__grip').nth(1).dragTo(firstHeading);
    await page.setViewportSize(size);
  }
  await screenshot(page, testInfo, 'builder');
  await page.getByRole('button', { name: 'Remove step 1' }).click();
  await expect(page.locator('.builder-step__title')).toHaveText(['Kneading']);
  await save.click();
  // Removed from "My routines", then brought back with Undo.
  await page.goto('/');
  await page.getByRole('button', { name: 'Remove Quick glute reset' }).click();
  await expect(page.locator('.my-routines .routine-card')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.my-routines .routine-card h3')).toHaveText(['Quick glute reset']);
  await page.reload();
  await expect(page.locator('.my-routines .routine-card h3')).toHaveText(['Quick glute reset']);
});
