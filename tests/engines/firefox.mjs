// Firefox: Debian's firefox-esr, headless, driven over WebDriver BiDi by puppeteer-core (no
// geckodriver, nothing downloaded). Each launch gets a new, empty profile.
import puppeteer from 'puppeteer-core';

/** What the browser asks sites for, per language (Firefox's own setting, not the system's). */
const ACCEPT_LANGUAGES = { en: 'en-US, en', de: 'de-DE, de' };

/** @type {import('./checks.mjs').Browser} */
export const FIREFOX = {
  name: 'firefox',
  needsRecorder: false,
  async launch({ language, size, origin }) {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: {
        'intl.accept_languages': ACCEPT_LANGUAGES[language],
        // Remote Settings (blocklists and the like) from a port nothing answers on, not from
        // Mozilla; a release build reads this pref only with MOZ_REMOTE_SETTINGS_DEVTOOLS set.
        'services.settings.server': 'http://127.0.0.1:9/remote-settings/',
      },
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    });
    /** @type {string[]} */
    const errors = [];
    /** @type {string[]} */
    const notes = [];
    /**
     * Keeps what a page reports: Firefox sends uncaught errors, unhandled rejections and
     * CSP violations as page errors, from the first script on.
     * @param {import('puppeteer-core').Page} page
     */
    const watch = async (page) => {
      page.on('pageerror', (error) => errors.push(`${page.url()}: page error: ${error instanceof Error ? error.message : error}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url ?? page.url();
        (message.text().includes('panicked at') ? errors : notes).push(`${where}: console.error: ${message.text()}`);
      });
      await page.setViewport(size);
      return page;
    };
    const first = await watch((await browser.pages())[0] ?? (await browser.newPage()));
    let page = first;

    // Puppeteer's own types for these calls are stricter than the checks need (the checks
    // pass plain values only): the Engine's types stand in for them.
    /** @type {import('./checks.mjs').Engine['evaluate']} */
    const evaluate = (fn, ...args) => page.evaluate(/** @type {(...args: unknown[]) => any} */ (fn), ...args);
    /**
     * @template {unknown[]} A
     * @param {(...args: A) => HTMLElement | null} find
     * @param {A} args
     */
    const element = async (find, args) => {
      const handle = await page.evaluateHandle(/** @type {(...args: unknown[]) => HTMLElement | null} */ (find), ...args);
      const found = /** @type {import('puppeteer-core').ElementHandle<HTMLElement> | null} */ (handle.asElement());
      if (!found) await handle.dispose();
      return found;
    };
    /** @param {string} url */
    const goto = async (url) => {
      await page.goto(new URL(url, origin).href);
    };

    return {
      name: 'firefox',
      goto,
      reload: async () => {
        await page.reload();
      },
      evaluate,
      async has(find, ...args) {
        const found = await element(find, args);
        await found?.dispose();
        return found !== null;
      },
      async click(find, ...args) {
        const found = await element(find, args);
        if (!found) return false;
        await found.click();
        await found.dispose();
        return true;
      },
      async screenshot(file, selector) {
        const target = selector ? await page.$(selector) : page;
        if (!target) throw new Error(`no ${selector} to screenshot`);
        await target.screenshot({ path: /** @type {`${string}.png`} */ (file) });
      },
      async openWindow(url) {
        page = await watch(await browser.newPage({ type: 'window' }));
        await goto(url);
      },
      async closeWindow() {
        await page.close();
        page = first;
        await page.bringToFront();
      },
      async problems() {
        return { errors: errors.splice(0), notes: notes.splice(0) };
      },
      close: () => browser.close(),
    };
  },
};
