import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, screenshot, appReady } from './fixtures';
import { DESK_BREAK, T0, timeline } from './player-support';

/** The desk-break routine from the start tap to its end, in ms (default timing). */
const DESK_BREAK_MS = timeline(DESK_BREAK).at(-1)!.end;
const DAY = 86_400_000;

// Dates in the CSV and the history are the person's own: pin the zone.
test.use({ timezoneId: 'UTC' });

/** Plays desk-break to the end on the fake clock (installed by the caller), rating pain before and after. */
async function completeSession(page: Page, start: number, before: number, after: number, note = '') {
  await page.clock.setSystemTime(start - 10_000);
  await page.goto('/routine/desk-break-reset/play');
  await page.getByRole('radio', { name: new RegExp(`^${before},`) }).check();
  await expect(page.locator('.pain-scale__status')).toContainText(`${before} of 10`);
  await page.clock.pauseAt(start);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.clock.runFor(DESK_BREAK_MS + 1_000);
  await expect(page.getByRole('heading', { name: 'Routine complete' })).toBeVisible();
  await expect(page.getByText(`Before the session you said ${before} of 10.`)).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${after},`) }).check();
  if (note) {
    await page.getByLabel('Note for yourself or your therapist (optional)').fill(note);
    await page.getByLabel('Note for yourself or your therapist (optional)').blur();
  }
  await expect(page.locator('.check-in__saved')).toHaveText('Saved in your history.');
}

/** Every recovery copy kept in this page's storage, as [document, raw text]. */
async function keptCopies(page: Page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('kneadtime.recovery.'))
      .map((key) => [key.split('.')[2], localStorage.getItem(key)]),
  );
}

test('two rated sessions show in the history, the chart, the CSV and the backup, and a restore brings them back', async ({ page }, testInfo) => {
  await page.clock.install({ time: T0 - 2 * DAY });
  await completeSession(page, T0 - DAY, 6, 3, 'Tight on the left, "better" after');
  await screenshot(page, testInfo, 'check-in-after');
  await completeSession(page, T0, 5, 2);

  await page.goto('/history');
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
  const rows = page.locator('.session-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Pain 5 → 2');
  await expect(rows.nth(1)).toContainText('Pain 6 → 3');
  await expect(rows.nth(1)).toContainText('Tight on the left, "better" after');
  await expect(page.locator('.chart__before')).toHaveCount(2);
  await expect(page.locator('.chart__after')).toHaveCount(2);
  await expect(page.locator('.chart figcaption')).toContainText('On average pain was 5.5 before and 2.5 after a session (−3.0)');
  await expect(page.locator('.stats')).toContainText('Current streak2 days');
  await expect(page.locator('.data-table')).toContainText('Desk-break');
  await expect(page.locator('.share-progress__summary')).toContainText('2 sessions');

  // CSV: one row per session, oldest first, with the ratings and the note quoted.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe('kneadtime-history-2026-11-25.csv');
  const csv = (await readFile((await csvDownload.path())!, 'utf8')).trim().split('\r\n');
  expect(csv).toHaveLength(3);
  expect(csv[0]).toBe(
    'date,start_time,utc_offset_minutes,routine,routine_id,active_time,active_seconds,steps_completed,steps_skipped,steps_total,completed,pain_before,pain_after,pain_change,note',
  );
  expect(csv[1]).toMatch(/^2026-11-24,08:00,0,.*,desk-break-reset,\d+:\d\d,\d+,4,0,4,yes,6,3,-3,"Tight on the left, ""better"" after"$/);
  expect(csv[2]).toMatch(/^2026-11-25,08:00,0,.*,desk-break-reset,\d+:\d\d,\d+,4,0,4,yes,5,2,-3,$/);

  // Backup: everything, as JSON.
  await page.goto('/settings');
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  const backupPath = (await jsonDownload.path())!;
  const backup = JSON.parse(await readFile(backupPath, 'utf8'));
  expect(backup.kind).toBe('kneadtime-backup');
  expect(backup.history.sessions.map((s: any) => [s.pain_before, s.pain_after])).toEqual([[6, 3], [5, 2]]);
  expect(backup.settings.schema).toBe(4);

  // Wipe everything, import the file: the same history, and a second import adds nothing.
  const before = await page.evaluate(() => localStorage.getItem('kneadtime.history'));
  await page.evaluate(() => localStorage.clear());
  await page.goto('/history');
  await expect(page.getByText('Sessions you finish or end appear here')).toBeVisible();
  await page.goto('/settings');
  await page.locator('input[type=file]').setInputFiles(backupPath);
  const preview = page.getByRole('region', { name: 'What this backup adds' });
  await expect(preview).toContainText('2 new sessions; 0 already here');
  await screenshot(page, testInfo, 'import-preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('.notice--ok')).toHaveText('Imported 0 routines and 2 sessions.');
  expect(await page.evaluate(() => localStorage.getItem('kneadtime.history'))).toBe(before);
  await page.locator('input[type=file]').setInputFiles(backupPath);
  await expect(preview).toContainText('0 new sessions; 2 already here');
  await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled();
  await page.goto('/history');
  await expect(page.locator('.session-row')).toHaveCount(2);
  await expect(page.locator('.chart__after')).toHaveCount(2);
});

test('a bad backup file is refused with a clear message and nothing changes', async ({ page }) => {
  await page.goto('/settings');
  await appReady(page);
  const cases: [string, string][] = [
    ['{"kind":"kneadtime-backup","schema":1,"settings":', 'it is not a JSON file, or it was cut short'],
    ['{"hello":"world"}', 'This JSON file is not a Kneadtime backup.'],
    ['{"kind":"kneadtime-backup","schema":7}', 'made by a newer version of Kneadtime'],
    ['', 'The file is empty.'],
  ];
  for (const [text, message] of cases) {
    await page.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('alert')).toContainText(message);
  }
  expect(await page.evaluate(() => localStorage.getItem('kneadtime.history'))).toBeNull();
});

// Each document is read by the first screen that needs it: the person's routines by the
// home page, the settings by their page (or the player, the builder…), the history on its
// page, the safety record on the safety page (or before a session).
const CORRUPTED: { name: string; key: string; raw: string; message: RegExp; screen: string; heading: string }[] = [
  { name: 'truncated settings', key: 'kneadtime.settings', raw: '{"schema":2,"volume":4', message: /Your settings could not be read/, screen: '/settings', heading: 'Settings' },
  { name: 'history of the wrong type', key: 'kneadtime.history', raw: '{"schema":1,"sessions":{"a":1}}', message: /Your session history could not be read/, screen: '/history', heading: 'Your progress' },
  { name: 'routines from a newer version', key: 'kneadtime.routines', raw: '{"schema":9,"routines":[]}', message: /A newer version of Kneadtime saved your saved routines/, screen: '/', heading: 'Built-in routines' },
  { name: 'a bad session entry', key: 'kneadtime.history', raw: '{"schema":1,"sessions":[{"id":"s-1","pain_before":42}]}', message: /Some of your session history could not be read \(1 session\)/, screen: '/history', heading: 'Your progress' },
  { name: 'a huge value', key: 'kneadtime.safety', raw: `{"schema":1,"red_flags_confirmed_at":1e999,"routines":[]}`, message: /Your safety confirmations could not be read/, screen: '/safety', heading: 'When to see a professional' },
];

for (const state of CORRUPTED) {
  test(`starts with ${state.name}, says so where it is read and keeps the data`, async ({ page }) => {
    await page.addInitScript(({ key, raw }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, raw);
        sessionStorage.setItem('seeded', '1');
      }
    }, state);
    await page.goto(state.screen);
    await appReady(page);
    await expect(page.getByRole('heading', { name: state.heading })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: state.message })).toBeVisible();
    const document = state.key.split('.')[1];
    expect(await keptCopies(page)).toEqual([[document, state.raw]]);
    // The next visit starts clean, and the copy is still there.
    await page.reload();
    await appReady(page);
    await expect(page.getByRole('heading', { name: state.heading })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await keptCopies(page)).toEqual([[document, state.raw]]);
    await page.goto('/settings');
    await expect(page.locator('.kept-copy')).toHaveCount(1);
    await expect(page.locator('.kept-copy')).toContainText(document);
  });
}

test('a session ended while storage is full says so and keeps the old history', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.goto('/routine/desk-break-reset/play');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.evaluate(() => {
    Storage.prototype.setItem = function (key: string) {
      if (key === 'kneadtime.history') throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('alert')).toContainText('Your session history could not be saved');
  await expect(page.getByRole('alert')).toContainText('What was saved before is unchanged');
  expect(await page.evaluate(() => localStorage.getItem('kneadtime.history'))).toBeNull();
});

test('a change in one tab shows in another', async ({ page, context }) => {
  await page.goto('/history');
  await appReady(page);
  const other = await context.newPage();
  await other.goto('/settings');
  await appReady(other);
  await other.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await other.goto('/routine/desk-break-reset/play');
  await other.getByRole('button', { name: 'Start' }).click();
  await other.keyboard.press('Escape');
  await other.getByRole('button', { name: 'End session' }).click();
  await expect(page.locator('.session-row')).toHaveCount(1);
  await expect(page.locator('.session-row')).toContainText('ended early');
});

test.describe('before the first session', () => {
  test.use({ safetyConfirmed: false });

  test('the warning signs come first, then the routine cautions, once', async ({ page }, testInfo) => {
    await page.goto('/routine/piriformis-ball-release/play');
    await expect(page.getByRole('heading', { name: 'Before your first session' })).toBeVisible();
    await expect(page.locator('.red-flags li')).toHaveCount(17);
    await expect(page.locator('.red-flags')).toContainText('saddle area');
    await screenshot(page, testInfo, 'red-flags');
    const fever = page.getByRole('checkbox', { name: /Back pain with a fever/ });
    await fever.check();
    await expect(page.getByRole('alert')).toContainText('Please do not start a routine today');
    await expect(page.getByRole('button', { name: 'Start' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'None of these apply' })).toHaveCount(0);
    await fever.uncheck();
    await page.getByRole('button', { name: 'None of these apply' }).click();
    await expect(page.getByRole('heading', { name: /^Before you start:/ })).toBeVisible();
    await expect(page.locator('.cautions')).toContainText('lower inner buttock');
    await screenshot(page, testInfo, 'routine-cautions');
    await page.getByRole('button', { name: 'I have read these' }).click();
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    // Once read, neither check comes back for this routine; another routine has its own.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
    await page.goto('/routine/hip-unwind/play');
    await expect(page.getByRole('heading', { name: /^Before you start:/ })).toBeVisible();
    // The safety page is in the menu, with the same list.
    await page.getByRole('link', { name: 'Safety' }).first().click();
    await expect(page.getByRole('heading', { name: 'When to see a professional' })).toBeVisible();
    await expect(page.locator('.red-flags li')).toHaveCount(17);
    await page.getByRole('main').getByRole('link', { name: 'About Kneadtime' }).click();
    await expect(page.getByRole('heading', { name: 'Not medical treatment' })).toBeVisible();
  });
});

test('a big rise in pain brings gentle advice', async ({ page }, testInfo) => {
  await page.clock.install({ time: T0 - DAY });
  await completeSession(page, T0, 2, 6);
  await expect(page.getByRole('heading', { name: 'Your pain went up' })).toBeVisible();
  await expect(page.locator('.advice')).toContainText('see a doctor or physiotherapist');
  await screenshot(page, testInfo, 'summary-pain-advice');
  await page.getByRole('radio', { name: /^4,/ }).check();
  await expect(page.getByRole('heading', { name: 'Your pain went up' })).toHaveCount(0);
});

/** 24 rated sessions over the month before T0, three routines, one note. */
async function seedManySessions(page: Page) {
  await page.addInitScript(({ now, day }) => {
    if (localStorage.getItem('kneadtime.history')) return;
    const titles = [
      ['desk-break-reset', 'Desk-break reset'],
      ['hip-unwind', 'Side and front of hip unwind'],
      ['evening-wind-down', 'Evening wind-down'],
    ];
    const sessions = Array.from({ length: 24 }, (_, i) => {
      const [routine_id, routine_title] = titles[i % 3];
      const before = 7 - Math.floor(i / 6);
      return {
        id: `s-seed${i}`,
        routine_id,
        routine_title,
        started_at_ms: now - (30 - i) * day - (i % 4) * 3_600_000,
        utc_offset_min: 0,
        active_ms: 360_000 + i * 7_000,
        steps_completed: 4,
        steps_skipped: 0,
        steps_total: 4,
        completed: i % 5 !== 0,
        pain_before: before,
        pain_after: Math.max(0, before - 2 - (i % 3)),
        note: i === 23 ? 'Sitting at work is much easier this week.' : '',
      };
    });
    localStorage.setItem('kneadtime.history', JSON.stringify({ schema: 1, sessions }));
  }, { now: T0, day: DAY });
}

test('the history reads well with many sessions', async ({ page }, testInfo) => {
  await seedManySessions(page);
  await page.clock.setFixedTime(T0);
  await page.goto('/history');
  await expect(page.locator('.session-row')).toHaveCount(24);
  await expect(page.locator('.chart__before')).toHaveCount(24);
  await expect(page.locator('.week-bars__week')).toHaveCount(8);
  await expect(page.locator('.stats')).toContainText('Sessions in all24');
  await screenshot(page, testInfo, 'history');
});

test('a session that ran to its end while the app was closed is still recorded', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.goto('/routine/desk-break-reset/play');
  await page.getByRole('radio', { name: /^4,/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.goto('about:blank');
  await page.clock.fastForward(DESK_BREAK_MS + 60_000);
  await page.goto('/history');
  const rows = page.locator('.session-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('all 4 steps');
  await expect(rows).toContainText('Pain 4 before');
  expect(await page.evaluate(() => localStorage.getItem('kneadtime.session'))).toBeNull();
});

test('a read-only progress link shows the therapist the same progress, with notes only when chosen', async ({
  page,
  context,
  browser,
}, testInfo) => {
  await seedManySessions(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(T0);
  await page.goto('/history');
  await expect(page.locator('.session-row')).toHaveCount(24);
  const ownStats = await page.locator('.stats').innerText();
  const copyLink = async () => {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.locator('.share-progress [role=status]')).toContainText('Link copied');
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const withoutNotes = await copyLink();
  await page.getByLabel('Include my notes').check();
  const withNotes = await copyLink();
  expect(withoutNotes).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p#[A-Za-z0-9_-]+$/);
  expect(withoutNotes.length).toBeLessThan(8000);
  expect(withNotes).not.toBe(withoutNotes);
  console.log(`[${testInfo.project.name}] progress link, 24 sessions: ${withoutNotes.length} characters, ${withNotes.length} with notes`);

  // The therapist, days later, in a browser with nothing of the client's.
  const therapist = await browser.newContext({ viewport: page.viewportSize()! });
  const theirs = await therapist.newPage();
  await theirs.clock.setFixedTime(T0 + 3 * DAY);
  await theirs.goto(withoutNotes);
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('Shared progress');
  await expect(theirs.locator('.lead')).toContainText('with 24 sessions');
  await expect(theirs.locator('.session-row')).toHaveCount(24);
  await expect(theirs.locator('.chart__before')).toHaveCount(24);
  // Counted up to the day it was sent, so the numbers match what the client saw.
  expect(await theirs.locator('.stats').innerText()).toBe(ownStats);
  await expect(theirs.getByText('Sitting at work is much easier this week.')).toHaveCount(0);
  await screenshot(theirs, testInfo, 'shared-progress');
  expect(await theirs.evaluate(() => localStorage.getItem('kneadtime.history'))).toBeNull();

  await theirs.goto(withNotes);
  await expect(theirs.locator('.session-row__note')).toHaveText('Sitting at work is much easier this week.');

  await theirs.goto(withoutNotes.slice(0, -40));
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('This progress link cannot be opened');
  await expect(theirs.locator('.link-error__reason')).toContainText('damaged');
  await therapist.close();
});

test('text in a progress link is shown as text and never runs', async ({ page, context, browser }) => {
  const hostile = '<img src="/x" onerror="window.__ran = 1">';
  await page.addInitScript(
    ({ hostile, now }) =>
      localStorage.setItem(
        'kneadtime.history',
        JSON.stringify({
          schema: 1,
          sessions: [
            { id: 's-hostile1', routine_id: 'r-hostile', routine_title: hostile, started_at_ms: now - 3_600_000, utc_offset_min: 0, active_ms: 60_000, steps_completed: 1, steps_skipped: 0, steps_total: 1, completed: true, pain_before: 5, pain_after: 3, note: hostile },
          ],
        }),
      ),
    { hostile, now: T0 },
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(T0);
  await page.goto('/history');
  await page.getByLabel('Include my notes').check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share-progress [role=status]')).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  const therapist = await browser.newContext();
  const theirs = await therapist.newPage();
  await theirs.goto(url);
  await expect(theirs.locator('.session-row__what')).toHaveText(hostile);
  await expect(theirs.locator('.session-row__note')).toHaveText(hostile);
  await expect(theirs.locator('main img')).toHaveCount(0);
  expect(await theirs.evaluate(() => (window as any).__ran)).toBeUndefined();
  await therapist.close();
});
