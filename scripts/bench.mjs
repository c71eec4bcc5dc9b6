// Measures the release build in dist/ and prints one table against bench/budgets.json.
// Run through scripts/bench.sh, which installs the tools and builds first.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createSecureServer } from 'node:http2';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import sirv from 'sirv';
import { missedBudgets, tableRow, verdict } from './bench-verdict.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */
/** What the pages measured here keep on `window` for the benchmark to read. */
/** @typedef {Window & typeof globalThis & { __longTasks: number[], __firstStep: number, __shownAt?: number }} BenchWindow */

const run = promisify(execFile);
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PORT = Number(process.env.BENCH_PORT ?? 4310);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// Another build can be measured beside this one: BENCH_DIST=<folder> node scripts/bench.mjs
const DIST = process.env.BENCH_DIST ?? 'dist';
const SPLIT = readdirSync(DIST).some((name) => name.startsWith('app-'));
const BUILT_INS = ['desk-break-reset', 'low-back-soothe', 'piriformis-ball-release', 'hip-unwind', 'foam-roller-hip-glute', 'evening-wind-down'];
// HTTP/2 needs TLS in every browser: a second host over the same files, on the next port.
const HTTP2_ORIGIN = `https://127.0.0.1:${PORT + 1}`;
// A therapist's tailored routine (not a built-in by reference), as a v3 link: older builds open it too.
const TAILORED_LINK = readFileSync('crates/kneadtime-core/tests/fixtures/share-links-v3.tsv', 'utf8').split('\t')[0];
/** The first screens people wait for on a slow phone, and what shows each is there. */
const FIRST_SCREENS = {
  home: { what: 'home page, routine cards listed', address: '/', selector: '.routine-card' },
  routine: { what: 'a routine page, Start shown', address: '/routine/hip-unwind', selector: 'a[href$="/play"] .button--primary' },
  link: { what: "a therapist's tailored routine link, Start shown", address: `/r#${TAILORED_LINK}`, selector: '.routine-actions button.button--primary' },
};

/** @param {Buffer} bytes */
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** @param {Buffer} bytes */
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
/** @param {number} bytes */
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** dist/ copied with .br and .gz beside every file, as a static host with compression serves it. */
function compressedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kneadtime-bench-'));
  cpSync(DIST, dir, { recursive: true });
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
  return dir;
}

/**
 * The same files served over HTTP/2, as most static hosts serve them: TLS (a certificate made
 * for the benchmark, in target/bench), and sirv's rules as on the HTTP/1.1 host (brotli beside
 * each file, 404.html for an unknown address), through Node's HTTP/2 compatibility API.
 * @param {string} root
 */
async function http2Host(root) {
  const key = 'target/bench/host-key.pem';
  const cert = 'target/bench/host-cert.pem';
  if (!existsSync(cert)) {
    mkdirSync('target/bench', { recursive: true });
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert]);
  }
  const files = sirv(root, { single: '404.html', brotli: true, gzip: true });
  const host = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) =>
    files(/** @type {any} */ (request), /** @type {any} */ (response)),
  );
  await new Promise((resolve) => host.listen(PORT + 1, '127.0.0.1', () => resolve(undefined)));
  return host;
}

/** The service worker's precache list: every file of the build, every wasm module included. */
function precache() {
  const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const list = sw.match(/const PRECACHE = (\[[^\]]*\])/);
  if (!list) throw new Error(`${DIST}/sw.js has no PRECACHE list`);
  /** @type {string[]} */
  const files = JSON.parse(list[1]).map((/** @type {string} */ url) => (url === '/' ? 'index.html' : url.replace(/^\//, '')));
  return { files: files.length, brotli: files.reduce((sum, name) => sum + brotli(readFileSync(path.join(DIST, name))), 0) };
}

/**
 * What the browser itself loads on a first visit (service worker blocked, as on the very
 * first visit before it installs): every response of this origin until `done` resolves,
 * counted as brotli-11 bodies. Navigations count as the HTML shell they are served.
 * @param {Browser} browser
 * @param {string} address
 * @param {(page: Page) => Promise<unknown>} done
 * @param {string} [locale] the browser's language
 */
async function firstVisit(browser, address, done, locale = 'en-US') {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block', locale });
  await context.addInitScript(seedSafety, BUILT_INS);
  const page = await context.newPage();
  /** @type {Set<string>} */
  const loaded = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === ORIGIN) loaded.add(request.isNavigationRequest() ? 'index.html' : decodeURIComponent(url.pathname.slice(1)));
  });
  await page.goto(`${ORIGIN}${address}`);
  await done(page);
  const counted = [...loaded];
  await context.close();
  const bytes = counted.reduce((sum, name) => sum + brotli(readFileSync(path.join(DIST, name))), 0);
  return { bytes, files: counted.length };
}

/**
 * The safety record of the built-ins `ids` at the library's revision (2), so no check stands
 * between a page and its content. Runs in the page, so it takes the ids as an argument.
 * @param {string[]} ids
 */
function seedSafety(ids) {
  const routines = ids.map((id) => ({ id, revision: 2 }));
  localStorage.setItem('kneadtime.safety', JSON.stringify({ schema: 1, red_flags_confirmed_at: 1, routines }));
}

/**
 * Per route: the home page, a routine page, a therapist's link, the body map, and the player after Start.
 * @param {Browser} browser
 * @param {string} shareLink
 */
async function routeLoads(browser, shareLink) {
  // The prerendered cards show before the app starts: the visit ends when the app has
  // taken over (the static page is gone), so the row counts the app's files too.
  const appStarted = (/** @type {Page} */ page) => page.waitForFunction(() => !document.getElementById('app-shell'));
  const home = await firstVisit(browser, '/', appStarted);
  // German is the longest of the six languages.
  const homeGerman = await firstVisit(browser, '/', appStarted, 'de-DE');
  // The first screen is complete when its share panel is; the player is fetched only later, at idle.
  const routine = await firstVisit(browser, '/routine/hip-unwind', (page) => page.locator('.share-panel').waitFor());
  const received = await firstVisit(browser, shareLink.replace(/^https?:\/\/[^/]+/, ''), (page) =>
    page.getByRole('button', { name: 'Start now' }).waitFor(),
  );
  // A therapist's program link (the core's golden v1 link); a build from before programs
  // has no such screen, and its row says so.
  const programPayload = readFileSync('crates/kneadtime-core/tests/fixtures/program-link-v1.txt', 'utf8').trim();
  const program = await firstVisit(browser, `/program#${programPayload}`, (page) =>
    page.getByRole('button', { name: 'Start this program' }).waitFor({ timeout: 15_000 }),
  ).catch(() => null);
  // The body map ("where does it hurt?"); a build from before it has no such screen.
  const bodyMap = await firstVisit(browser, '/where-it-hurts', (page) =>
    page.locator('.pain-spot').first().waitFor({ timeout: 15_000 }),
  ).catch(() => null);
  const player = await firstVisit(browser, '/routine/hip-unwind', async (page) => {
    await page.locator('.share-panel').waitFor();
    await page.getByRole('link', { name: 'Start routine' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  });
  return { home, homeGerman, routine, received, program, bodyMap, player };
}

// `simulate` (Lighthouse's default) loads the page at full speed and models slow 4G and a
// 4x slower CPU from that trace; `devtools` really throttles the network and CPU while
// loading. The full reports stay in target/bench/lighthouse-<method>.json.
/** @param {'simulate' | 'devtools'} method */
async function lighthouse(method) {
  const { stdout } = await run(
    'bench/node_modules/.bin/lighthouse',
    [
      `${ORIGIN}/`,
      '--quiet',
      '--output=json',
      '--form-factor=mobile',
      `--throttling-method=${method}`,
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=--headless=new ${FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  mkdirSync('target/bench', { recursive: true });
  writeFileSync(`target/bench/lighthouse-${method}.json`, stdout);
  const report = JSON.parse(stdout);
  const audit = (/** @type {string} */ id) => report.audits[id].numericValue;
  const lcpNode = report.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    bestPractices: Math.round(report.categories['best-practices'].score * 100),
    lcp: audit('largest-contentful-paint'),
    lcpElement: lcpNode?.selector ?? 'unknown',
    fcp: audit('first-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
  };
}

/**
 * Busy time and long tasks while a session runs in real time with the pacer on screen; memory after 30 simulated minutes.
 * @param {Browser} browser
 */
async function session(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(seedSafety, BUILT_INS);
  await context.addInitScript(() => {
    const bench = /** @type {BenchWindow} */ (window);
    bench.__longTasks = [];
    new PerformanceObserver((list) => bench.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (/** @type {string} */ name) => {
    const found = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name);
    if (!found) throw new Error(`Chromium reports no ${name} metric`);
    return found.value;
  };
  await page.goto(`${ORIGIN}/routine/evening-wind-down/play`);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('.pacer');
  await page.evaluate(() => (/** @type {BenchWindow} */ (window).__longTasks = []));
  const seconds = 20;
  const busyBefore = await metric('TaskDuration');
  await page.waitForTimeout(seconds * 1000);
  const busy = (await metric('TaskDuration')) - busyBefore;
  const longest = Math.max(0, ...(await page.evaluate(() => /** @type {BenchWindow} */ (window).__longTasks)));
  await context.close();

  // 30 minutes of session on the fake clock, then the heap and the wasm memory.
  const simulated = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await simulated.addInitScript(seedSafety, BUILT_INS);
  const long = await simulated.newPage();
  await long.clock.install({ time: Date.UTC(2026, 10, 25, 8) });
  await long.goto(`${ORIGIN}/routine/evening-wind-down/play`);
  await long.getByRole('button', { name: 'Start' }).click();
  // The routine is shorter than 30 minutes: play it again until the time is up.
  for (let minute = 0; minute < 30; minute += 1) {
    await long.clock.runFor(60_000);
    const again = long.getByRole('button', { name: 'Play again' });
    if (await again.isVisible()) await again.click();
  }
  const heapCdp = await simulated.newCDPSession(long);
  await heapCdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await heapCdp.send('Runtime.getHeapUsage');
  // The main module's memory, which every split module shares.
  const wasmBytes = await long.evaluate(async () => {
    /** @type {NodeListOf<HTMLLinkElement>} */
    const preloads = document.querySelectorAll('link[rel=modulepreload]');
    const main = [...preloads].map((link) => link.href).find((href) => /\/kneadtime[^/]*\.js$/.test(href));
    if (!main) throw new Error('no modulepreload link names the main module');
    const { initSync } = await import(main);
    return initSync(undefined, undefined).memory.buffer.byteLength;
  });
  await simulated.close();
  return { busyPercent: (busy / seconds) * 100, longest, heap: usedSize, wasmBytes };
}

/**
 * Records on `window.__shownAt` the first frame in which an element matching `selector` is
 * visible: the first screen a person came for, whether the prerendered page or the app drew it.
 * Runs in the page before any of its scripts.
 * @param {string} selector
 */
function watchFirstScreen(selector) {
  const bench = /** @type {BenchWindow} */ (window);
  const observer = new MutationObserver(() => {
    if (bench.__shownAt !== undefined) return;
    if (![...document.querySelectorAll(selector)].some((element) => element.checkVisibility())) return;
    bench.__shownAt = Number.NaN;
    observer.disconnect();
    requestAnimationFrame(() => (bench.__shownAt = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

/**
 * A first screen on the slow phone, three fresh visits: ms from navigation start until it
 * shows, first contentful paint, and the files and bytes (as sent, brotli) the browser asked
 * for before it showed, of the median visit.
 * @param {Browser} browser
 * @param {string} origin
 * @param {{ address: string, selector: string }} screen
 */
async function slowScreen(browser, origin, { address, selector }) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const { page, context } = await slowPhone(browser);
    await page.addInitScript(watchFirstScreen, selector);
    await page.goto(`${origin}${address}`);
    const shown = Number(await (await page.waitForFunction(() => /** @type {BenchWindow} */ (window).__shownAt, null, { timeout: 60_000 })).jsonValue());
    // Requests started before the screen showed may still be arriving.
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
    const before = await page.evaluate((at) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const loaded = /** @type {PerformanceResourceTiming[]} */ (entries).filter((entry) => entry.startTime < at && new URL(entry.name).origin === location.origin);
      return { files: loaded.length, bytes: loaded.reduce((sum, entry) => sum + entry.encodedBodySize, 0) };
    }, shown);
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    runs.push({ shown, paint, ...before });
    await context.close();
  }
  return runs.sort((a, b) => a.shown - b.shown)[1];
}

/**
 * A page on the slow phone: slow 4G and a 4x slower CPU, really applied.
 * @param {Browser} browser
 */
async function slowPhone(browser) {
  // The HTTP/2 host's certificate is its own (made for the benchmark).
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block', ignoreHTTPSErrors: true });
  await context.addInitScript(seedSafety, BUILT_INS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { page, context };
}

/**
 * On the slow phone: a routine page left until the player is fetched at idle, then Start routine tapped: ms until the player shows.
 * @param {Browser} browser
 */
async function startTap(browser) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const { page, context } = await slowPhone(browser);
    // An unsplit build has the player in its one module already.
    const prefetched = SPLIT ? page.waitForResponse((response) => response.url().endsWith('/split_player.wasm'), { timeout: 60_000 }) : null;
    await page.goto(`${ORIGIN}/routine/hip-unwind`);
    await prefetched;
    // Let the fetched module compile and any chunk still on the way arrive.
    await page.waitForLoadState('networkidle');
    const tapped = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Start routine' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
    runs.push((await page.evaluate(() => performance.now())) - tapped);
    await context.close();
  }
  return runs.sort((a, b) => a - b)[1];
}

/**
 * Offline, the service worker serving: navigation start to the first step on the routine page.
 * @param {Browser} browser
 */
async function offlineColdStart(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.step-item')) {
        /** @type {BenchWindow} */ (window).__firstStep = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await offline.goto(`${ORIGIN}/routine/desk-break-reset`);
  await offline.waitForSelector('.step-item');
  const ms = await offline.evaluate(() => /** @type {BenchWindow} */ (window).__firstStep);
  await context.close();
  return ms;
}

/**
 * The share link of every built-in, as [id, length on the real origin, link].
 * @param {Browser} browser
 */
async function shareLinks(browser) {
  const page = await browser.newPage();
  /** @type {[string, number, string][]} */
  const lengths = [];
  for (const id of BUILT_INS) {
    await page.goto(`${ORIGIN}/routine/${id}`);
    const link = await page.locator('.share-panel__url').inputValue();
    lengths.push([id, link.replace(ORIGIN, 'https://kneadtime.app').length, link]);
  }
  await page.close();
  return lengths;
}

const dir = compressedCopy();
const server = spawn('node_modules/.bin/sirv', [dir, '--single', '404.html', '--host', '127.0.0.1', '--port', String(PORT), '--quiet'], { stdio: 'ignore' });
const http2Server = await http2Host(dir);
try {
  await new Promise((resolve) => setTimeout(resolve, 800));
  const cache = precache();
  const lh = await lighthouse('simulate');
  const applied = await lighthouse('devtools');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const links = await shareLinks(browser);
  const hipUnwind = links.find(([id]) => id === 'hip-unwind');
  if (!hipUnwind) throw new Error('no share link for hip-unwind');
  const loads = await routeLoads(browser, hipUnwind[2]);
  const live = await session(browser);
  const cold = await offlineColdStart(browser);
  /** @type {Record<string, { http1: Awaited<ReturnType<typeof slowScreen>>, http2: Awaited<ReturnType<typeof slowScreen>> }>} */
  const slow = {};
  for (const [key, screen] of Object.entries(FIRST_SCREENS)) {
    slow[key] = { http1: await slowScreen(browser, ORIGIN, screen), http2: await slowScreen(browser, HTTP2_ORIGIN, screen) };
  }
  const start = await startTap(browser);
  await browser.close();

  /** @type {import('./bench-verdict.mjs').Row[]} */
  const rows = [];
  // `ok` is null for a row that only informs: the verdict counts budgeted rows alone.
  /** @type {(what: string, value: string | number, budget: string, ok: boolean | null) => void} */
  const row = (what, value, budget, ok) => rows.push(tableRow(what, value, budget, ok));
  /** @type {(what: string, measured: { bytes: number, files: number }, budget?: number) => void} */
  const load = (what, measured, budget) =>
    row(what, `${kb(measured.bytes)} KB (${measured.files} files)`, budget === undefined ? '' : `≤ ${budget} KB`, budget === undefined ? null : measured.bytes / 1024 <= budget);
  load('First visit, home page, brotli', loads.home, budgets.home_first_visit_brotli_kb);
  load('First visit, home page in German, brotli', loads.homeGerman);
  const growth = Math.max(loads.home.bytes, loads.homeGerman.bytes) / 1024 - budgets.route_split_home_first_visit_brotli_kb;
  row(
    `First visit, home page: growth over the route-split result (${budgets.route_split_home_first_visit_brotli_kb} KB), larger of English and German`,
    `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} KB`,
    `≤ +${budgets.languages_growth_brotli_kb} KB`,
    growth <= budgets.languages_growth_brotli_kb,
  );
  load('First visit, routine page (with its share panel), brotli', loads.routine, budgets.routine_first_visit_brotli_kb);
  load("First visit, a therapist's link to a built-in (by reference) to its first screen, brotli", loads.received);
  if (loads.program) load("First visit, a therapist's program link to its first screen, brotli", loads.program);
  else row("First visit, a therapist's program link to its first screen, brotli", 'no such screen', '', null);
  if (loads.bodyMap) load('First visit, the body map (where does it hurt?), brotli', loads.bodyMap);
  else row('First visit, the body map (where does it hurt?), brotli', 'no such screen', '', null);
  load('First visit, routine page then Start routine (player shown), brotli', loads.player);
  // No screen's first visit may grow by more than the budget over the build recorded in
  // first_visit_before_kb (the start of the first-screens work).
  const growths = Object.entries(budgets.first_visit_before_kb).map(([key, before]) => {
    const measured = /** @type {Record<string, { bytes: number } | null>} */ (loads)[key];
    return { key, growth: measured ? measured.bytes / 1024 - before : Number.NaN };
  });
  const largest = growths.sort((a, b) => b.growth - a.growth)[0];
  if (largest)
    row(
      `First visit: the largest growth over the recorded build (of ${growths.length} screens)`,
      `${largest.key} ${largest.growth >= 0 ? '+' : ''}${largest.growth.toFixed(1)} KB`,
      `≤ +${budgets.first_visit_growth_kb} KB`,
      largest.growth <= budgets.first_visit_growth_kb,
    );
  // The step pictures (issue 31) load with the screens that show them: home grows by at
  // most pictures_home_growth_kb over the build before them; the others are recorded.
  for (const [key, before] of Object.entries(budgets.pictures_before_kb)) {
    const measured = /** @type {Record<string, { bytes: number } | null>} */ (loads)[key];
    const growth = measured ? measured.bytes / 1024 - before : Number.NaN;
    const budgeted = key === 'home';
    row(
      `First visit, ${key}: growth with the step pictures over the build before them (${before} KB)`,
      `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} KB`,
      budgeted ? `≤ +${budgets.pictures_home_growth_kb} KB` : '',
      budgeted ? growth <= budgets.pictures_home_growth_kb : null,
    );
  }
  row('Service-worker precache (the whole app), brotli', `${kb(cache.brotli)} KB`, `≤ ${budgets.precache_brotli_kb} KB`, cache.brotli / 1024 <= budgets.precache_brotli_kb);
  row('Service-worker precache, files', cache.files, `≤ ${budgets.precache_files}`, cache.files <= budgets.precache_files);
  row('Lighthouse mobile performance', lh.performance, `≥ ${budgets.lighthouse_performance}`, lh.performance >= budgets.lighthouse_performance);
  row('Lighthouse accessibility', lh.accessibility, `≥ ${budgets.lighthouse_accessibility}`, lh.accessibility >= budgets.lighthouse_accessibility);
  row('Lighthouse best practices', lh.bestPractices, `≥ ${budgets.lighthouse_best_practices}`, lh.bestPractices >= budgets.lighthouse_best_practices);
  row('FCP (Lighthouse, simulated mobile)', `${Math.round(lh.fcp)} ms`, '', null);
  row('LCP (Lighthouse, simulated mobile)', `${Math.round(lh.lcp)} ms (${lh.lcpElement})`, `≤ ${budgets.lcp_ms} ms`, lh.lcp <= budgets.lcp_ms);
  row('Lighthouse performance, applied throttling', applied.performance, '', null);
  row('FCP / LCP, applied throttling', `${Math.round(applied.fcp)} / ${Math.round(applied.lcp)} ms (${applied.lcpElement})`, '', null);
  row('Slow phone, home page: first contentful paint (HTTP/1.1)', `${Math.round(slow.home.http1.paint)} ms`, '', null);
  for (const [key, { what }] of Object.entries(FIRST_SCREENS)) {
    for (const protocol of /** @type {const} */ (['http1', 'http2'])) {
      const measured = slow[key][protocol];
      const budget = budgets.slow_phone_first_screen_ms[protocol][key];
      row(
        `Slow phone, ${protocol === 'http1' ? 'HTTP/1.1' : 'HTTP/2 (TLS)'}: ${what} (files and bytes before it)`,
        `${Math.round(measured.shown)} ms (${measured.files} files, ${kb(measured.bytes)} KB)`,
        `≤ ${budget} ms`,
        measured.shown <= budget,
      );
    }
  }
  const link = slow.link.http2;
  row("A therapist's link, files before its first screen (HTTP/2)", link.files, `≤ ${budgets.link_first_screen_files}`, link.files <= budgets.link_first_screen_files);
  row("A therapist's link, bytes before its first screen (HTTP/2, as sent)", `${kb(link.bytes)} KB`, `≤ ${budgets.link_first_screen_brotli_kb} KB`, link.bytes / 1024 <= budgets.link_first_screen_brotli_kb);
  row('Slow phone, after idle prefetch: Start routine tap to player shown', `${Math.round(start)} ms`, `≤ ${budgets.start_tap_ms} ms`, start <= budgets.start_tap_ms);
  row('TBT', `${Math.round(lh.tbt)} ms`, `≤ ${budgets.tbt_ms} ms`, lh.tbt <= budgets.tbt_ms);
  row('CLS', lh.cls.toFixed(3), `≤ ${budgets.cls}`, lh.cls <= budgets.cls);
  row('Main thread busy, running session with pacer', `${live.busyPercent.toFixed(2)} % of wall time`, `< ${budgets.main_thread_busy_percent} %`, live.busyPercent < budgets.main_thread_busy_percent);
  row('Longest task during the session', `${Math.round(live.longest)} ms`, `≤ ${budgets.longest_task_ms} ms`, live.longest <= budgets.longest_task_ms);
  const memory = (live.heap + live.wasmBytes) / 1048576;
  row('JS heap + wasm memory after 30 simulated minutes', `${(live.heap / 1048576).toFixed(1)} MB + ${(live.wasmBytes / 1048576).toFixed(1)} MB`, `≤ ${budgets.memory_after_30_min_mb} MB`, memory <= budgets.memory_after_30_min_mb);
  row('Offline cold start to first step (service worker)', `${Math.round(cold)} ms`, `≤ ${budgets.offline_cold_start_ms} ms`, cold <= budgets.offline_cold_start_ms);
  // A built-in shared unchanged goes by reference: short after any origin.
  const afterOrigin = (/** @type {number} */ length) => length - 'https://kneadtime.app'.length;
  for (const [id, length] of links)
    row(
      `Share link, ${id} (built in, by reference)`,
      `${length} characters, ${afterOrigin(length)} after the origin`,
      `≤ ${budgets.builtin_share_link_after_origin_chars} after the origin`,
      afterOrigin(length) <= budgets.builtin_share_link_after_origin_chars,
    );
  const missed = missedBudgets(rows);

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1073741824).toFixed(1)} GB, Chromium ${(await run(CHROMIUM, ['--version'])).stdout.trim()}`;
  const table = [
    `Kneadtime benchmark of ${DIST}/, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${machine}`,
    '',
    '| measure | value | budget | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.cells.join(' | ')} |`),
    '',
    verdict(missed),
  ].join('\n');
  console.log(table);
  mkdirSync('target/bench', { recursive: true });
  writeFileSync('target/bench/latest.md', `${table}\n`);
  process.exitCode = missed === 0 ? 0 : 1;
} finally {
  server.kill();
  http2Server.close();
}
