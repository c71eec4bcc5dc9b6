// WebKit: WebKitGTK's MiniBrowser, driven over classic WebDriver by a WebKitWebDriver this
// file starts (Debian's webkit2gtk-driver); selenium-webdriver only talks to it (usingServer:
// no driver lookup, no selenium-manager). MiniBrowser needs a display (run under xvfb-run),
// keeps its window at least 447 px wide, takes its language from the system locale, and
// starts each session with empty storage.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { Builder } from 'selenium-webdriver';
import { until } from './checks.mjs';
import { boxOf, painted } from './in-page.mjs';
import { PROBLEMS_KEY, takeRecorded } from './site.mjs';

/** The locale each language runs under (de_DE.UTF-8 is built by ensure_engines). */
const LOCALES = { en: 'C.UTF-8', de: 'de_DE.UTF-8' };

/** MiniBrowser ships in libwebkit2gtk-4.1-0, under the machine's multiarch folder. */
function miniBrowser() {
  const found = readdirSync('/usr/lib')
    .map((dir) => path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((file) => existsSync(file));
  if (!found) throw new Error('no /usr/lib/*/webkit2gtk-4.1/MiniBrowser: is libwebkit2gtk-4.1-0 installed?');
  return found;
}

/** A port nothing listens on now. @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(address.port));
    });
    probe.on('error', reject);
  });
}

/**
 * Starts WebKitWebDriver with the locale of `language` (MiniBrowser inherits it) and waits
 * until it answers.
 * @param {'en' | 'de'} language
 */
async function startDriver(language) {
  const port = await freePort();
  const { LANGUAGE: _ignored, ...env } = process.env;
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...env, LC_ALL: LOCALES[language] },
  });
  process.on('exit', () => driver.kill());
  let stderr = '';
  driver.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  await until('WebKitWebDriver to answer', async () => {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}: ${stderr}`);
    return (await fetch(`${url}/status`)).ok;
  });
  return { url, stop: () => driver.kill() };
}

/**
 * The part of a window screenshot inside `box` (CSS pixels; MiniBrowser draws one device pixel
 * per CSS pixel), as a PNG: WebKitWebDriver's own element screenshots come out black here.
 * @param {Buffer} png
 * @param {{ x: number, y: number, width: number, height: number }} box
 */
function crop(png, { x, y, width, height }) {
  // A PNG's IHDR chunk starts with its width and height.
  const [fullWidth, fullHeight] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}">
    <image href="data:image/png;base64,${png.toString('base64')}" width="${fullWidth}" height="${fullHeight}"/></svg>`;
  return new Resvg(svg).render().asPng();
}

/** @type {import('./checks.mjs').Browser} */
export const WEBKIT = {
  name: 'webkit',
  needsRecorder: true,
  async launch({ language, size, origin }) {
    const server = await startDriver(language);
    const driver = await new Builder()
      .usingServer(server.url)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } })
      .build()
      .catch((error) => {
        server.stop();
        throw error;
      });
    await driver.manage().window().setRect(size);
    const first = await driver.getWindowHandle();
    /** What closed windows had recorded. @type {{ kind: 'error' | 'note', text: string }[]} */
    const fromClosed = [];

    /**
     * Runs `fn` in the page (sent as its source; WebDriver returns an element as a reference).
     * @template T
     * @param {Function} fn
     * @param {unknown[]} args
     * @returns {Promise<T>}
     */
    const run = (fn, args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
    /** @type {import('./checks.mjs').Engine['evaluate']} */
    const evaluate = (fn, ...args) => run(fn, args);
    /**
     * @template {unknown[]} A
     * @param {(...args: A) => HTMLElement | null} find
     * @param {A} args
     * @returns {Promise<import('selenium-webdriver').WebElement | null>}
     */
    const element = (find, args) => run(find, args);
    /** @param {string} url */
    const goto = (url) => driver.get(new URL(url, origin).href);

    return {
      name: 'webkit',
      goto,
      reload: () => driver.navigate().refresh(),
      evaluate,
      has: async (find, ...args) => (await element(find, args)) !== null,
      async click(find, ...args) {
        const target = await element(find, args);
        if (!target) return false;
        await target.click();
        return true;
      },
      async screenshot(file, selector) {
        // WebKitWebDriver copies the last frame drawn, which can be from before the last click.
        await evaluate(painted);
        const png = Buffer.from(await driver.takeScreenshot(), 'base64');
        writeFileSync(file, selector ? crop(png, await evaluate(boxOf, selector)) : png);
      },
      async openWindow(url) {
        // MiniBrowser opens a new tab hidden behind the current one: a new window shows.
        await driver.switchTo().newWindow('window');
        await driver.manage().window().setRect(size);
        await goto(url);
      },
      async closeWindow() {
        fromClosed.push(...(await evaluate(takeRecorded, PROBLEMS_KEY)));
        await driver.close();
        await driver.switchTo().window(first);
      },
      async problems() {
        const recorded = [...fromClosed.splice(0), ...(await evaluate(takeRecorded, PROBLEMS_KEY))];
        const of = (/** @type {string} */ kind) => recorded.filter((entry) => entry.kind === kind).map((entry) => entry.text);
        return { errors: of('error'), notes: of('note') };
      },
      async close() {
        await driver.quit().finally(server.stop);
      },
    };
  },
};
