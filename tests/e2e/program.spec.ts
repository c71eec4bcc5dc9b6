import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { test, expect, screenshot, seedSafety, appReady, BUILT_IN_IDS } from './fixtures';
import { audit } from './a11y-support';
import { DESK_BREAK, timeline } from './player-support';

/** The client's days, in their own time zone: the plan starts on Monday 7 December 2026. */
const ZONE = 'Europe/Berlin';
const at = (isoLocal: string) => new Date(`${isoLocal}+01:00`).getTime();
const MONDAY = '2026-12-07';
const SESSION_MS = timeline(DESK_BREAK).at(-1)!.end;

/** A therapist composes the program: three weeks of one routine, then three of two taking turns, Mon/Wed/Fri 19:00. */
async function buildProgram(page: Page) {
  await page.goto('/program-builder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make a program');
  // Nothing to send before it has a title and routines.
  await expect(page.getByText('Give the program a title (at most 80 characters).')).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Six weeks for your hip');
  await page.getByLabel('Your name (shown to the client)').fill('Dr. Ana Ruiz, PT');
  await page.getByLabel('Note to the client').fill('Gently; stop if it tingles, and tell me.');
  const first = page.getByRole('group', { name: 'Phase 1' });
  await expect(first.getByLabel('Weeks')).toHaveValue('3');
  for (const [day, on] of [['Mon', true], ['Tue', false], ['Wed', true], ['Thu', false], ['Fri', true], ['Sat', false], ['Sun', false]] as const) {
    await expect(first.getByRole('checkbox', { name: day })).toBeChecked({ checked: on });
  }
  await expect(first.getByLabel('Time of day')).toHaveValue('19:00');
  await expect(page.getByText('Phase 1: choose from 1 to 4 routines.')).toBeVisible();
  await first.getByLabel('Add a routine').selectOption({ label: 'Desk-break glute reset' });
  await expect(first.getByRole('listitem')).toHaveText(['Desk-break glute reset']);

  await page.getByRole('button', { name: 'Add a phase' }).click();
  const second = page.getByRole('group', { name: 'Phase 2' });
  await second.getByLabel('Add a routine').selectOption({ label: 'Side and front of hip unwind' });
  await second.getByLabel('Add a routine').selectOption({ label: 'Low-back soothe' });
  // A routine added by mistake comes out again.
  await second.getByLabel('Add a routine').selectOption({ label: 'Desk-break glute reset' });
  await second.getByRole('button', { name: 'Remove Desk-break glute reset from phase 2' }).click();
  await expect(second.getByRole('listitem')).toHaveText(['Side and front of hip unwind', 'Low-back soothe']);

  const plan = page.locator('.program-plan__phase');
  await expect(plan).toHaveCount(2);
  await expect(plan.nth(0)).toContainText('Phase 1: weeks 1 to 3');
  await expect(plan.nth(1)).toContainText('Phase 2: weeks 4 to 6');
  await expect(plan.nth(1)).toContainText('Mon, Wed, Fri at 19:00 · 3 sessions a week');
  await expect(page.locator('.program-preview__weeks li')).toHaveCount(6);
  const link = await page.locator('.share-panel__url').inputValue();
  return link;
}

/** A client's browser: nothing stored but the safety record, on a fake clock in their time zone. */
async function clientPage(browser: Browser, page: Page, now: number) {
  const context = await browser.newContext({ viewport: page.viewportSize()!, timezoneId: ZONE, isMobile: !!(await page.evaluate(() => 'ontouchstart' in window)) });
  await context.addInitScript(seedSafety, BUILT_IN_IDS);
  const client = await context.newPage();
  await client.clock.install({ time: now });
  return client;
}

/** Plays the desk-break routine to its end from its player page, starting at `when`, rating pain before and after if given. */
async function playToTheEnd(client: Page, when: number, pain?: [number, number]) {
  await expect(client.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  if (pain) await client.getByRole('radio', { name: new RegExp(`^${pain[0]},`) }).check();
  await client.clock.pauseAt(when);
  await client.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(client.locator('.stage')).toBeVisible();
  await client.clock.runFor(SESSION_MS + 500);
  await expect(client.getByRole('heading', { name: 'Routine complete' })).toBeVisible();
  if (pain) {
    await client.getByRole('radio', { name: new RegExp(`^${pain[1]},`) }).check();
    await expect(client.locator('.check-in__saved')).toHaveText('Saved in your history.');
  }
}

test.use({ timezoneId: ZONE });

test('a therapist builds a six-week program, a client follows it and sees planned versus done, and the calendar file holds all 18 sessions', async ({ page, browser, baseURL }, testInfo) => {
  const link = await buildProgram(page);
  expect(link).toMatch(new RegExp(`^${baseURL}/program#[A-Za-z0-9_-]+$`));
  await screenshot(page, testInfo, 'program-builder');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, testInfo, 'program-print');
  await page.emulateMedia({ media: 'screen' });

  // The client opens it on Monday morning.
  const client = await clientPage(browser, page, at(`${MONDAY}T08:30:00`));
  await client.goto(link);
  await expect(client.locator('.received__from')).toHaveText('From Dr. Ana Ruiz, PT');
  await expect(client.locator('.received__note')).toHaveText('Gently; stop if it tingles, and tell me.');
  await expect(client.getByRole('heading', { level: 1 })).toHaveText('Six weeks for your hip');
  await expect(client.locator('.lead').first()).toHaveText('6 weeks · 18 sessions');
  await expect(client.getByLabel('First day')).toHaveValue(MONDAY);
  await screenshot(client, testInfo, 'program-received');
  await client.getByRole('button', { name: 'Start this program' }).click();
  await expect(client).toHaveURL(/\/my-program$/);
  const today = client.locator('.today-card');
  await expect(today).toContainText('Planned for today: Desk-break glute reset.');

  // Monday evening: started from the Today card on the home page.
  await client.goto('/');
  await appReady(client);
  await expect(today).toContainText('Planned for today: Desk-break glute reset.');
  await screenshot(client, testInfo, 'program-today');
  await today.getByRole('button', { name: 'Start Desk-break glute reset' }).click();
  await playToTheEnd(client, at(`${MONDAY}T19:02:00`), [6, 3]);

  // Wednesday, on time.
  await client.clock.pauseAt(at('2026-12-09T18:55:00'));
  await client.goto('/');
  await expect(today).toContainText('Planned for today: Desk-break glute reset.');
  await today.getByRole('button', { name: 'Start Desk-break glute reset' }).click();
  await playToTheEnd(client, at('2026-12-09T19:00:00'), [5, 3]);
  await client.goto('/');
  await expect(today).toContainText("Today's session is done. Well done.");

  // Friday is missed; on Sunday, a rest day, the person plays it anyway: that does not count.
  await client.clock.pauseAt(at('2026-12-13T10:00:00'));
  await client.goto('/');
  await expect(today).toContainText('Rest day: nothing is planned today. Next: Desk-break glute reset, Mon 14 Dec 2026.');
  await client.goto('/routine/desk-break-reset/play');
  await playToTheEnd(client, at('2026-12-13T10:05:00'), [2, 9]);

  // The next Monday: the program page.
  await client.clock.pauseAt(at('2026-12-14T08:00:00'));
  await client.goto('/my-program');
  await expect(client.getByRole('heading', { level: 1 })).toHaveText('Six weeks for your hip');
  await expect(client.locator('.program-standing')).toContainText('So far: 2 of 3 sessions done (66 %)');
  await expect(client.locator('.program-standing')).toContainText('2 of 18 planned sessions done');
  const weeks = client.locator('.week-list__week');
  await expect(weeks).toHaveCount(6);
  await expect(weeks.nth(0).locator('.week-list__count')).toHaveText('2 of 3 done');
  await expect(weeks.nth(0).locator('.week-list__status')).toHaveText(['done', 'done', 'missed']);
  await expect(weeks.nth(1).locator('.week-list__status')).toHaveText(['today', 'planned', 'planned']);
  await expect(weeks.nth(5).locator('.week-list__count')).toHaveText('0 of 3 done');
  await expect(weeks.nth(3).locator('.week-list__session').first()).toContainText('Side and front of hip unwind');
  await expect(weeks.nth(3).locator('.week-list__session').nth(1)).toContainText('Low-back soothe');
  // Pain per phase, over the sessions that counted (not Sunday's).
  await expect(client.locator('.program-pain li')).toHaveText([
    'Phase 1: 5.5 before, 3.0 after (mean of 2 rated sessions)',
    'Phase 2: no rated sessions yet.',
  ]);
  await screenshot(client, testInfo, 'program-page');

  // The calendar file, read by an independent parser (ical.js).
  await client.getByLabel('Remind me').selectOption({ label: '30 minutes before' });
  const downloading = client.waitForEvent('download');
  await client.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`kneadtime-program-${MONDAY}.ics`);
  await expect(client.getByText('The calendar file is in your downloads.')).toBeVisible();
  const file = readFileSync((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(file));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(2);
  const occurrences: string[] = [];
  for (const vevent of events) {
    const event = new ICAL.Event(vevent);
    expect(vevent.getFirstPropertyValue('url')).toBe(link);
    expect(event.description).toContain(`Open the program in Kneadtime: ${link}`);
    // Each event lasts as long as the longest routine its description lists.
    const minutes = [...event.description.matchAll(/, (\d+) min/g)].map((found) => Number(found[1]));
    expect(minutes.length).toBeGreaterThan(0);
    expect(event.duration.toSeconds()).toBe(Math.max(...minutes) * 60);
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    expect(String(alarms[0].getFirstPropertyValue('trigger'))).toBe('-PT30M');
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      occurrences.push(next.toString());
      if (occurrences.length > 100) break;
    }
  }
  expect(occurrences).toHaveLength(18);
  const days = occurrences.map((time) => new Date(`${time.slice(0, 10)}T12:00:00Z`).getUTCDay());
  expect(new Set(days)).toEqual(new Set([1, 3, 5]));
  expect(occurrences.every((time) => time.endsWith('T19:00:00'))).toBe(true);
  expect(occurrences[0]).toBe(`${MONDAY}T19:00:00`);
  expect(occurrences[17]).toBe('2027-01-15T19:00:00');
  expect(events.map((vevent) => vevent.getFirstPropertyValue('summary'))).toEqual([
    'Desk-break glute reset · Kneadtime',
    'Side and front of hip unwind / Low-back soothe · Kneadtime',
  ]);

  // The choice is remembered: after a reload the calendar would be made with 30 again.
  await client.reload();
  await expect(client.getByLabel('Remind me').locator('option:checked')).toHaveText('30 minutes before');

  await client.emulateMedia({ media: 'print' });
  await screenshot(client, testInfo, 'program-page-print');
  await client.emulateMedia({ media: 'screen' });

  // The progress link for the therapist carries the program's planned versus done.
  await client.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await client.goto('/history');
  await client.getByRole('button', { name: 'Copy link' }).click();
  await expect(client.getByText('Link copied.')).toBeVisible();
  const progress = await client.evaluate(() => navigator.clipboard.readText());
  await page.goto(progress.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('.shared-progress__program')).toHaveText('Program “Six weeks for your hip”: 2 of 3 sessions due were done (66 %).');
  await client.context().close();
});

test('a newer plan of the same program keeps its calendar events, and stopping keeps the history', async ({ page, browser }) => {
  const link = await buildProgram(page);
  const client = await clientPage(browser, page, at(`${MONDAY}T08:30:00`));
  await client.goto(link);
  await client.getByRole('button', { name: 'Start this program' }).click();
  await expect(client).toHaveURL(/\/my-program$/);
  const uid = async () => {
    const downloading = client.waitForEvent('download');
    await client.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync((await (await downloading).path())!, 'utf8')));
    const event = calendar.getFirstSubcomponent('vevent')!;
    return [event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence')];
  };
  const [firstUid, firstSequence] = await uid();
  expect(firstSequence).toBe(0);

  // The therapist lengthens the first phase and sends the plan again.
  await page.getByRole('group', { name: 'Phase 1' }).getByLabel('Weeks').fill('4');
  await page.getByRole('group', { name: 'Phase 1' }).getByLabel('Weeks').blur();
  await expect(page.locator('.program-plan__phase').nth(1)).toContainText('Phase 2: weeks 5 to 7');
  const newer = await page.locator('.share-panel__url').inputValue();
  await client.goto(newer);
  await expect(client.getByText('This is a newer plan of the program you follow.')).toBeVisible();
  await client.getByRole('button', { name: 'Start this program' }).click();
  await expect(client.locator('.program-standing')).toContainText('0 of 21 planned sessions done');
  expect(await uid()).toEqual([firstUid, 1]);

  await client.getByRole('button', { name: 'Stop following this program' }).click();
  await client.getByRole('button', { name: 'Stop following', exact: true }).click();
  await expect(client.getByText('You do not follow a program.')).toBeVisible();
  // Nothing is left stored, so the home page does not even fetch the Today card's code.
  expect(await client.evaluate(() => localStorage.getItem('kneadtime.program'))).toBeNull();
  await client.goto('/');
  await appReady(client);
  await expect(client.locator('.today-card')).toHaveCount(0);
  await client.context().close();
});

test('a damaged or hostile program link gets a plain message, never a page error', async ({ page }) => {
  for (const [fragment, reason] of [
    ['', 'This link has no program in it.'],
    ['AQ', 'This program link is damaged'],
    ['Zm9v!!', 'This program link is damaged'],
    ['Bw' + 'A'.repeat(40), 'made by a newer version of Kneadtime'],
    ['A'.repeat(20_000), 'far longer than any program'],
  ] as const) {
    await page.goto(`/program#${fragment}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This program link cannot be opened');
    await expect(page.locator('.link-error__reason')).toContainText(reason);
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the program screens pass axe with 44 px targets in the ${scheme} theme`, async ({ page, browser }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    const link = await buildProgram(page);
    await audit(page, 'program builder');
    const client = await clientPage(browser, page, at(`${MONDAY}T08:30:00`));
    await client.emulateMedia({ colorScheme: scheme });
    await client.goto(link);
    await expect(client.getByRole('button', { name: 'Start this program' })).toBeVisible();
    await audit(client, 'received program');
    await client.getByRole('button', { name: 'Start this program' }).click();
    await expect(client.locator('.week-list__week')).toHaveCount(6);
    await audit(client, 'program page');
    await client.goto('/');
    await expect(client.locator('.today-card')).toBeVisible();
    await audit(client, 'home with the Today card');
    if (scheme === 'dark') {
      await screenshot(client, testInfo, 'program-today-dark');
      await client.goto('/my-program');
      await expect(client.locator('.week-list__week')).toHaveCount(6);
      await screenshot(client, testInfo, 'program-page-dark');
    }
    await client.context().close();
  });
}

test('a routine goes into the calendar on chosen days, with the reminder asked for', async ({ page }, testInfo) => {
  await page.clock.install({ time: at('2026-12-08T12:00:00') });
  await page.goto('/routine/hip-unwind');
  await appReady(page);
  const form = page.locator('.routine-reminder');
  await form.getByText('Add to calendar').click();
  // Tuesday and Thursday at 07:30, for two weeks, no reminder.
  for (const day of ['Mon', 'Wed', 'Fri']) await form.getByRole('checkbox', { name: day }).uncheck();
  await form.getByRole('checkbox', { name: 'Tue' }).check();
  await form.getByRole('checkbox', { name: 'Thu' }).check();
  await form.getByLabel('Time').fill('07:30');
  await form.getByLabel('For how many weeks').fill('2');
  await form.getByLabel('Remind me').selectOption({ label: 'No reminder' });
  await screenshot(page, testInfo, 'routine-add-to-calendar');
  const downloading = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('kneadtime-hip-unwind.ics');
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
  const [vevent] = calendar.getAllSubcomponents('vevent');
  const event = new ICAL.Event(vevent);
  expect(event.summary).toBe('Side and front of hip unwind · Kneadtime');
  expect(vevent.getFirstPropertyValue('url')).toMatch(/\/r#[A-Za-z0-9_-]+$/);
  expect(vevent.getAllSubcomponents('valarm')).toHaveLength(0);
  const iterator = event.iterator();
  const occurrences: string[] = [];
  for (let next = iterator.next(); next && occurrences.length < 50; next = iterator.next()) occurrences.push(next.toString());
  // At noon on a Tuesday, today's 07:30 is gone: Thursday, then Tuesday, Thursday and Tuesday.
  expect(occurrences).toEqual(['2026-12-10T07:30:00', '2026-12-15T07:30:00', '2026-12-17T07:30:00', '2026-12-22T07:30:00']);

  // No day chosen: a plain word instead of a file.
  for (const day of ['Tue', 'Thu']) await form.getByRole('checkbox', { name: day }).uncheck();
  await form.getByRole('button', { name: 'Download calendar file (.ics)' }).click();
  await expect(form.getByText('Choose at least one day.')).toBeVisible();
});
