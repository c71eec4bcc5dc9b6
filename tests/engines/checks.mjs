// The smoke checks, one list for every engine: each drives the app through an Engine
// (webkit.mjs, firefox.mjs), by the words a person sees. In one session they run in order
// (the gates open the player, the player's checks go on from there).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { attributeOf, byRole, controlled, countOf, loadedCount, navLinks, textOf, valueOf, widths } from './in-page.mjs';

/**
 * What the checks need from a browser, the same in each engine.
 * @typedef {object} Engine
 * @property {string} name  "webkit" or "firefox": the screenshots' prefix
 * @property {(url: string) => Promise<void>} goto  loads a URL in the current window and waits for it
 * @property {() => Promise<void>} reload
 * @property {<A extends unknown[], R>(fn: (...args: A) => R, ...args: A) => Promise<Awaited<R>>} evaluate  runs `fn` in the page
 * @property {<A extends unknown[]>(find: (...args: A) => HTMLElement | null, ...args: A) => Promise<boolean>} has
 *   whether `find`, run in the page, returns an element
 * @property {<A extends unknown[]>(find: (...args: A) => HTMLElement | null, ...args: A) => Promise<boolean>} click
 *   clicks (a real pointer click) the element `find` returns in the page; false when it returns none
 * @property {(file: string, selector?: string) => Promise<void>} screenshot  the window, or one element
 * @property {(url: string) => Promise<void>} openWindow  a new window (not a tab) at `url`, now the current one
 * @property {() => Promise<void>} closeWindow  closes the current window, back to the first
 * @property {() => Promise<{ errors: string[], notes: string[] }>} problems
 *   page errors, unhandled rejections and panics (errors), other console errors (notes), since the last call
 * @property {() => Promise<void>} close
 */

/**
 * What a browser is asked for: its language, window size, and the site that relative URLs
 * are on.
 * @typedef {object} LaunchOptions
 * @property {'en' | 'de'} language
 * @property {{ width: number, height: number }} size
 * @property {string} origin
 */

/**
 * An engine and how to start it.
 * @typedef {object} Browser
 * @property {string} name
 * @property {boolean} needsRecorder  whether its pages must record their own errors (no page events)
 * @property {(options: LaunchOptions) => Promise<Engine>} launch
 */

/**
 * @typedef {object} Context
 * @property {Engine} engine
 * @property {import('./site.mjs').Site} site
 */

/** @typedef {{ name: string, run: (context: Context) => Promise<void> }} Check */

/** A phone's screen; WebKitGTK's MiniBrowser will not make its window narrower than 447 px. */
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = path.join('tests', 'engines', 'screenshots');
const ROUTINE = 'hip-unwind';
const BUILT_INS = 14;

/**
 * A text of the app in a language, as locales/<tag>.json has it, placeholders filled in.
 * @param {'en' | 'de'} tag
 * @param {string} key  dotted, e.g. "home.heading"
 * @param {Record<string, string>} [args]
 * @returns {string}
 */
function text(tag, key, args = {}) {
  const texts = JSON.parse(readFileSync(path.join('locales', `${tag}.json`), 'utf8'));
  const entry = key.split('.').reduce((group, name) => group?.[name], texts);
  if (typeof entry !== 'string') throw new Error(`locales/${tag}.json has no text ${key}`);
  return entry.replace(/\{(\w+)\}/g, (whole, name) => args[name] ?? whole);
}
/** @param {string} key @param {Record<string, string>} [args] */
const en = (key, args) => text('en', key, args);
const ROUTINE_TITLE = en('library.hip_unwind.title');

/**
 * Polls `probe` until it returns something truthy, and returns that; a probe that throws (a
 * page between loads) is tried again. Fails with `what` and the last value or error after `ms`.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} probe
 * @param {number} [ms]
 * @returns {Promise<T>}
 */
export async function until(what, probe, ms = 15_000) {
  const deadline = Date.now() + ms;
  /** @type {unknown} */
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await sleep(100);
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the element matching `selector` shows `expected`.
 * @param {Engine} engine
 * @param {string} selector
 * @param {string} expected
 */
const shows = (engine, selector, expected) =>
  until(`${selector} to read "${expected}"`, async () => (await engine.evaluate(textOf, selector)) === expected);

/**
 * Waits until the app has replaced the prerendered page: a tap on the static page's
 * links is an ordinary page load, which cancels the app's own loading.
 * @param {Engine} engine
 */
const started = (engine) => until('the app to replace the static page', async () => (await engine.evaluate(countOf, '#app-shell')) === 0);

/**
 * Taps what a person would call `name`, once it is shown.
 * @param {Engine} engine
 * @param {Parameters<typeof byRole>[0]} role
 * @param {string} name
 */
const tap = (engine, role, name) => until(`the ${role} "${name}"`, () => engine.click(byRole, role, name));

/**
 * Waits until what a person would call `name` is shown.
 * @param {Engine} engine
 * @param {Parameters<typeof byRole>[0]} role
 * @param {string} name
 */
const seen = (engine, role, name) => until(`the ${role} "${name}" to show`, () => engine.has(byRole, role, name));

/**
 * Saves tests/engines/screenshots/<engine>-<name>.png, after checking the page fits its
 * width (nothing scrolls sideways).
 * @param {Engine} engine
 * @param {string} name
 * @param {string} [selector]  one element instead of the window
 */
async function screenshot(engine, name, selector) {
  const { viewport, page } = await engine.evaluate(widths);
  assert.ok(page <= viewport, `${name}: the page is ${page} px wide on a ${viewport} px screen`);
  await engine.screenshot(path.join(SCREENSHOTS, `${engine.name}-${name}.png`), selector);
}

/**
 * Waits until the page has finished loading nothing new for a second: its idle-time loads
 * (the other texts, prefetched screens) done. Firefox reports each load that a reload
 * cancels while the service worker answers it as a page error.
 * @param {Engine} engine
 */
async function settled(engine) {
  let last = -1;
  let quietPolls = 0;
  await until('the page to stop loading', async () => {
    const count = await engine.evaluate(loadedCount);
    quietPolls = count === last ? quietPolls + 1 : 0;
    last = count;
    return quietPolls >= 10;
  });
}

/**
 * The session's time left ("8:35 left"), in seconds: unlike the big countdown of the part
 * on screen, it runs on smoothly from one part to the next.
 * @param {Engine} engine
 */
async function secondsLeft(engine) {
  const shown = await engine.evaluate(textOf, '.stage__where span:last-child');
  const [, minutes, seconds] = (shown ?? '').match(/(\d+):(\d\d)/) ?? [];
  assert.ok(minutes && seconds, `the time left reads "${shown}"`);
  return Number(minutes) * 60 + Number(seconds);
}

/** @type {Check[]} */
export const ENGLISH = [
  {
    name: 'home lists the 14 built-in routines at phone width',
    async run({ engine }) {
      await engine.goto('/');
      await until(`${BUILT_INS} routine cards`, async () => (await engine.evaluate(countOf, '.routine-card')) === BUILT_INS);
      await shows(engine, 'main#main h1', en('home.heading'));
      const { viewport, page } = await engine.evaluate(widths);
      assert.ok(viewport <= 447 && page <= viewport, `a ${viewport} px screen showing a ${page} px page`);
    },
  },
  {
    name: 'a routine opens with its heading and Start',
    async run({ engine }) {
      await engine.goto(`/routine/${ROUTINE}`);
      await started(engine);
      await shows(engine, 'main#main h1', ROUTINE_TITLE);
      await seen(engine, 'link', en('routine.start'));
    },
  },
  {
    name: "the first session's gates pass: warning signs, cautions, pain check-in",
    async run({ engine }) {
      await tap(engine, 'link', en('routine.start'));
      await seen(engine, 'heading', en('checks.first_heading'));
      await tap(engine, 'button', en('checks.none_apply'));
      await seen(engine, 'heading', en('checks.caution_heading', { title: ROUTINE_TITLE }));
      await tap(engine, 'button', en('checks.caution_read'));
      const band = en('pain.band.mild');
      await tap(engine, 'radio', en('pain.point', { point: '3', band }));
      await shows(engine, '.pain-scale__status [aria-live]', en('pain.chosen', { point: '3', band }));
      await seen(engine, 'button', en('player.start'));
    },
  },
  {
    name: 'the time left goes down with real time, and Pause holds it',
    async run({ engine }) {
      await tap(engine, 'button', en('player.start'));
      await until('the player', async () => (await engine.evaluate(countOf, '.stage')) === 1);
      await screenshot(engine, 'player-start');
      // Real seconds: the timer runs on the engine's own clock, which nothing fakes here.
      const before = await secondsLeft(engine);
      await sleep(2_500);
      const moved = before - (await secondsLeft(engine));
      assert.ok(moved >= 1 && moved <= 4, `the time left went down ${moved} s in 2.5 s`);
      await tap(engine, 'button', en('player.pause'));
      await seen(engine, 'button', en('player.resume'));
      await shows(engine, '.stage__paused', en('player.paused'));
      const paused = await secondsLeft(engine);
      await sleep(2_000);
      assert.equal(await secondsLeft(engine), paused, 'the time left went down while paused');
    },
  },
  {
    name: 'Skip goes on to the next step',
    async run({ engine }) {
      const step = Number(await engine.evaluate(attributeOf, '.stage', 'data-step'));
      await tap(engine, 'button', en('player.resume'));
      await tap(engine, 'button', en('player.skip'));
      await until(`step ${step + 1}`, async () => Number(await engine.evaluate(attributeOf, '.stage', 'data-step')) === step + 1);
      assert.equal(await engine.evaluate(attributeOf, '.stage', 'data-kind'), 'getready');
    },
  },
  {
    name: 'a share link opens the routine in a new window',
    async run({ engine, site }) {
      await engine.goto(`/routine/${ROUTINE}`);
      const link = await until('the share link', () => engine.evaluate(valueOf, '.share-panel__url'));
      assert.match(link, new RegExp(`^${site.origin}/r#[A-Za-z0-9_-]+$`));
      await engine.openWindow(link);
      try {
        await shows(engine, 'main#main h1', ROUTINE_TITLE);
        await seen(engine, 'button', en('received.start'));
        await seen(engine, 'button', en('received.save'));
      } finally {
        await engine.closeWindow();
      }
    },
  },
  {
    name: 'settings in the light and the dark theme, and the header navigation',
    async run({ engine }) {
      await engine.goto('/settings');
      await shows(engine, 'main#main h1', en('settings.title'));
      const links = ['history', 'safety', 'settings', 'new_routine', 'new_program'].map((name) => en(`app.nav_${name}`));
      assert.deepEqual(await engine.evaluate(navLinks), links);
      // At the top of the page, before the theme buttons scroll it away.
      await screenshot(engine, 'header-nav', 'header');
      for (const theme of /** @type {const} */ (['light', 'dark'])) {
        await tap(engine, 'radio', en(`settings.theme_${theme}`));
        await until(`the ${theme} theme`, async () => (await engine.evaluate(attributeOf, 'html', 'data-theme')) === theme);
        await screenshot(engine, `settings-${theme}`);
      }
    },
  },
  {
    name: 'after one visit the app opens with the server down (service worker)',
    async run({ engine, site }) {
      await engine.goto('/');
      await until('a service worker in control', () => engine.evaluate(controlled));
      await settled(engine);
      await site.offline();
      try {
        await engine.reload();
        await until(`${BUILT_INS} routine cards offline`, async () => (await engine.evaluate(countOf, '.routine-card')) === BUILT_INS);
        await engine.goto(`/routine/${ROUTINE}`);
        await shows(engine, 'main#main h1', ROUTINE_TITLE);
      } finally {
        await site.online();
      }
    },
  },
];

/** @type {Check[]} */
export const GERMAN = [
  {
    name: 'a German browser sees the app in German',
    async run({ engine }) {
      await engine.goto('/');
      await until('lang="de"', async () => (await engine.evaluate(attributeOf, 'html', 'lang')) === 'de');
      await shows(engine, 'main#main h1', text('de', 'home.heading'));
      await until(`${BUILT_INS} routine cards`, async () => (await engine.evaluate(countOf, '.routine-card')) === BUILT_INS);
      await screenshot(engine, 'home-de');
    },
  },
];
