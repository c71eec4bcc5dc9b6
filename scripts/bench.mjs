// Measures the release build in dist/ and prints one table against bench/budgets.json.
// Run through scripts/bench.sh, which installs the tools and builds first.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const run = promisify(execFile);
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PORT = Number(process.env.BENCH_PORT ?? 4310);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const BUILT_INS = ['desk-break-reset', 'low-back-soothe', 'piriformis-ball-release', 'hip-unwind', 'foam-roller-hip-glute', 'evening-wind-down'];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** dist/ copied with .br and .gz beside every file, as a static host with compression serves it. */
function compressedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kneadtime-bench-'));
  cpSync('dist', dir, { recursive: true });
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
  return dir;
}

function sizes() {
  const html = readFileSync('dist/index.html', 'utf8');
  const referenced = [...html.matchAll(/(?:href|src)="\/([^"]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  // The loader imports the wasm by name; count it even if not linked as a preload.
  const wasm = readdirSync('dist').filter((name) => name.endsWith('.wasm'));
  const firstLoad = [...new Set(['index.html', ...referenced, ...wasm])];
  const total = (names, measure) => names.reduce((sum, name) => sum + measure(readFileSync(path.join('dist', name))), 0);
  const sw = readFileSync('dist/sw.js', 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\])/)[1]).map((url) => (url === '/' ? 'index.html' : url.replace(/^\//, '')));
  return {
    files: firstLoad,
    raw: total(firstLoad, (b) => b.length),
    gzip: total(firstLoad, gzip),
    brotli: total(firstLoad, brotli),
    precacheFiles: precache.length,
    precacheBrotli: total(precache, brotli),
  };
}

// `simulate` (Lighthouse's default) loads the page at full speed and models slow 4G and a
// 4x slower CPU from that trace; `devtools` really throttles the network and CPU while
// loading. The full reports stay in target/bench/lighthouse-<method>.json.
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
  const audit = (id) => report.audits[id].numericValue;
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

/** Busy time and long tasks while a session runs in real time with the pacer on screen; memory after 30 simulated minutes. */
async function session(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript(() => {
    localStorage.setItem('kneadtime.safety', JSON.stringify({ schema: 1, red_flags_confirmed_at: 1, routines: [{ id: 'evening-wind-down', revision: 1 }] }));
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
    addEventListener('TrunkApplicationStarted', (event) => (window.__wasm = event.detail.wasm));
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  await page.goto(`${ORIGIN}/routine/evening-wind-down/play`);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('.pacer');
  await page.evaluate(() => (window.__longTasks = []));
  const seconds = 20;
  const busyBefore = await metric('TaskDuration');
  await page.waitForTimeout(seconds * 1000);
  const busy = (await metric('TaskDuration')) - busyBefore;
  const longest = Math.max(0, ...(await page.evaluate(() => window.__longTasks)));
  await context.close();

  // 30 minutes of session on the fake clock, then the heap and the wasm memory.
  const simulated = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await simulated.addInitScript(() => {
    localStorage.setItem('kneadtime.safety', JSON.stringify({ schema: 1, red_flags_confirmed_at: 1, routines: [{ id: 'evening-wind-down', revision: 1 }] }));
    addEventListener('TrunkApplicationStarted', (event) => (window.__wasm = event.detail.wasm));
  });
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
  const wasmBytes = await long.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  await simulated.close();
  return { busyPercent: (busy / seconds) * 100, longest, heap: usedSize, wasmBytes };
}

/**
 * A first visit on a slow phone, really throttled as Lighthouse's mobile profile models
 * it (slow 4G, 4x slower CPU): when something is first painted, and when the routines
 * are listed and can be tapped. Median of three fresh visits.
 */
async function slowFirstVisit(browser) {
  const runs = [];
  for (let i = 0; i < 3; i += 1) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${ORIGIN}/`);
    await page.locator('.routine-card').first().waitFor();
    const ready = await page.evaluate(() => performance.now());
    const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    runs.push({ paint, ready });
    await context.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[1];
  return { paint: median(runs.map((run) => run.paint)), ready: median(runs.map((run) => run.ready)) };
}

/** Offline, the service worker serving: navigation start to the first step on the routine page. */
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
        window.__firstStep = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await offline.goto(`${ORIGIN}/routine/desk-break-reset`);
  await offline.waitForSelector('.step-item');
  const ms = await offline.evaluate(() => window.__firstStep);
  await context.close();
  return ms;
}

async function shareLinks(browser) {
  const page = await browser.newPage();
  const lengths = [];
  for (const id of BUILT_INS) {
    await page.goto(`${ORIGIN}/routine/${id}`);
    lengths.push([id, (await page.locator('.share-panel__url').inputValue()).replace(ORIGIN, 'https://kneadtime.app').length]);
  }
  await page.close();
  return lengths;
}

const dir = compressedCopy();
const server = spawn('node_modules/.bin/sirv', [dir, '--single', '404.html', '--host', '127.0.0.1', '--port', String(PORT), '--quiet'], { stdio: 'ignore' });
try {
  await new Promise((resolve) => setTimeout(resolve, 800));
  const size = sizes();
  const lh = await lighthouse('simulate');
  const applied = await lighthouse('devtools');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const live = await session(browser);
  const cold = await offlineColdStart(browser);
  const slow = await slowFirstVisit(browser);
  const links = await shareLinks(browser);
  await browser.close();

  const rows = [];
  const row = (what, value, budget, ok) => rows.push([what, value, budget, ok === null ? '' : ok ? 'yes' : '**no**']);
  row('First load (HTML+JS+WASM+CSS), brotli', `${kb(size.brotli)} KB (gzip ${kb(size.gzip)} KB, raw ${kb(size.raw)} KB)`, `≤ ${budgets.first_load_brotli_kb} KB`, size.brotli / 1024 <= budgets.first_load_brotli_kb);
  row('Service-worker precache, brotli', `${kb(size.precacheBrotli)} KB (${size.precacheFiles} files)`, `≤ ${budgets.precache_brotli_kb} KB`, size.precacheBrotli / 1024 <= budgets.precache_brotli_kb);
  row('Lighthouse mobile performance', lh.performance, `${budgets.lighthouse_performance}`, lh.performance >= budgets.lighthouse_performance);
  row('Lighthouse accessibility', lh.accessibility, `≥ ${budgets.lighthouse_accessibility}`, lh.accessibility >= budgets.lighthouse_accessibility);
  row('Lighthouse best practices', lh.bestPractices, `≥ ${budgets.lighthouse_best_practices}`, lh.bestPractices >= budgets.lighthouse_best_practices);
  row('FCP (Lighthouse, simulated mobile)', `${Math.round(lh.fcp)} ms`, '', null);
  row('LCP (Lighthouse, simulated mobile)', `${Math.round(lh.lcp)} ms (${lh.lcpElement})`, `≤ ${budgets.lcp_ms} ms`, lh.lcp <= budgets.lcp_ms);
  row('Lighthouse performance, applied throttling', applied.performance, '', null);
  row('FCP / LCP, applied throttling', `${Math.round(applied.fcp)} / ${Math.round(applied.lcp)} ms (${applied.lcpElement})`, '', null);
  row('First visit, slow 4G + 4x CPU: first paint / routines listed', `${Math.round(slow.paint)} / ${Math.round(slow.ready)} ms`, '', null);
  row('TBT', `${Math.round(lh.tbt)} ms`, `≤ ${budgets.tbt_ms} ms`, lh.tbt <= budgets.tbt_ms);
  row('CLS', lh.cls.toFixed(3), `${budgets.cls}`, lh.cls <= budgets.cls);
  row('Main thread busy, running session with pacer', `${live.busyPercent.toFixed(2)} % of wall time`, `< ${budgets.main_thread_busy_percent} %`, live.busyPercent < budgets.main_thread_busy_percent);
  row('Longest task during the session', `${Math.round(live.longest)} ms`, `≤ ${budgets.longest_task_ms} ms`, live.longest <= budgets.longest_task_ms);
  const memory = (live.heap + live.wasmBytes) / 1048576;
  row('JS heap + wasm memory after 30 simulated minutes', `${(live.heap / 1048576).toFixed(1)} MB + ${(live.wasmBytes / 1048576).toFixed(1)} MB`, `≤ ${budgets.memory_after_30_min_mb} MB`, memory <= budgets.memory_after_30_min_mb);
  row('Offline cold start to first step (service worker)', `${Math.round(cold)} ms`, `≤ ${budgets.offline_cold_start_ms} ms`, cold <= budgets.offline_cold_start_ms);
  for (const [id, length] of links) row(`Share link, ${id}`, `${length} characters`, `≤ ${budgets.share_link_chars}`, length <= budgets.share_link_chars);

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1073741824).toFixed(1)} GB, Chromium ${(await run(CHROMIUM, ['--version'])).stdout.trim()}`;
  const table = [
    `Kneadtime benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${machine}`,
    '',
    '| measure | value | budget | met |',
    '| --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  console.log(table);
  mkdirSync('target/bench', { recursive: true });
  writeFileSync('target/bench/latest.md', `${table}\n`);
  process.exitCode = rows.every((cells) => cells[3] === 'yes') ? 0 : 1;
} finally {
  server.kill();
}
