// Smoke tests of the release build (dist/) in real WebKit and real Firefox, beside the
// Chromium e2e suite: the same checks (checks.mjs) in each engine, in English and German
// sessions at phone size. Run under a display for WebKit: `xvfb-run -a node --test-reporter=tap
// tests/engines/smoke.mjs` (scripts/lib.sh's engines_smoke). ENGINES=webkit runs one engine.
// Every page error, unhandled rejection or panic fails the check it happened in (the release
// build's panics trap as "RuntimeError: unreachable", a page error); other console errors are
// printed as notes. WebKit's notes from a page being left can show one check late (that
// page's last sessionStorage write lands after the next page has read it).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGLISH, GERMAN, PHONE, SCREENSHOTS } from './checks.mjs';
import { FIREFOX } from './firefox.mjs';
import { openSite, startSirv } from './site.mjs';
import { WEBKIT } from './webkit.mjs';

/** The front the browsers load; sirv listens on the port after it. Browsers refuse a few
 * ports (4190 among them): keep to ones they load. */
const PORT = Number(process.env.ENGINES_PORT ?? 4180);
const CHOSEN = (process.env.ENGINES ?? 'webkit,firefox').split(',');

/** @type {() => void} */
let stopSirv = () => {};
before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stopSirv = await startSirv(PORT + 1);
});
after(() => stopSirv());

for (const browser of [WEBKIT, FIREFOX].filter((browser) => CHOSEN.includes(browser.name))) {
  describe(browser.name, () => {
    /** @type {import('./site.mjs').Site} */
    let site;
    before(async () => {
      site = await openSite({ port: PORT, upstream: PORT + 1, recorder: browser.needsRecorder });
    });
    after(() => site?.close());
    session(browser, 'en', ENGLISH, () => site);
    session(browser, 'de', GERMAN, () => site);
  });
}

/**
 * One browser session running `checks` in order; after a failure the rest are skipped (they
 * go on from where it stopped).
 * @param {import('./checks.mjs').Browser} browser
 * @param {'en' | 'de'} language
 * @param {import('./checks.mjs').Check[]} checks
 * @param {() => import('./site.mjs').Site} site
 */
function session(browser, language, checks, site) {
  describe(`${browser.name} in ${language}`, () => {
    /** @type {import('./checks.mjs').Engine} */
    let engine;
    let broken = false;
    before(async () => {
      engine = await browser.launch({ language, size: PHONE, origin: site().origin });
    });
    after(() => engine?.close());
    checks.forEach((check, index) => {
      it(check.name, { timeout: 60_000 }, async (t) => {
        if (broken) return t.skip('an earlier check in this session failed');
        /** @type {unknown} */
        let failure;
        try {
          await check.run({ engine, site: site() });
        } catch (error) {
          failure = error;
        }
        const { errors, notes } = await engine.problems().catch((error) => ({ errors: [`could not read them: ${error}`], notes: [] }));
        for (const note of notes) t.diagnostic(`note: ${note}`);
        if (failure || errors.length > 0) {
          broken = true;
          await engine.screenshot(path.join(SCREENSHOTS, `${browser.name}-${language}-failed-${index + 1}.png`)).catch(() => {});
        }
        if (failure) {
          for (const error of errors) t.diagnostic(`in the page: ${error}`);
          throw failure;
        }
        assert.deepEqual(errors, [], 'errors in the page');
      });
    });
  });
}
