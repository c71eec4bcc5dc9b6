// Trunk post-build hook: finishes the release in Trunk's staging directory.
// 1. A Content-Security-Policy <meta> allowing only this origin, plus the
//    sha256 of each inline script: Trunk's loader and index.html's theme and
//    translation ones.
// 2. The prerendered first screens (scripts/prerender-pages.mjs), when the release build
//    made them (KNEADTIME_PRERENDERED names its file): index.html shows the home page,
//    <address>/index.html each other prerendered screen, and 404.html, which static hosts
//    serve for every other address, the frame alone. Without them (`trunk serve`) 404.html
//    is a copy of index.html's stand-in.
// 3. sw.js, the service worker, with this build's file list (every wasm module) and a version
//    derived from their contents: every release gets a new worker and cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileFor, paintFirst, pageHtml, translationsFor, withoutMarkers } from './prerender-pages.mjs';
import { filesOf, loadsOf, preloadHints } from './split-loads.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');

const indexPath = path.join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const scriptHashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`,
);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`,
  // Leptos sets style attributes (the pacer's timing, the progress bar width).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
const prerendered = process.env.KNEADTIME_PRERENDERED;
if (prerendered) {
  /** @type {import('./prerender-pages.mjs').Prerendered} */
  const { pages, frame } = withoutMarkers(JSON.parse(readFileSync(prerendered, 'utf8')));
  /** @param {string} file @param {string} content */
  const write = (file, content) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  // The split points a page's first screen needs: the page asks for all their modules at
  // once (from wasm-split-cli's own dependency list), and for the rest of the texts.
  const modules = readdirSync(dir).find((name) => name.startsWith('app-'));
  const loads = loadsOf(readFileSync(new URL('../target/split/modules/__wasm_split.js', import.meta.url), 'utf8'));
  /** @param {string} page @param {string[]} points */
  const withModules = (page, points) => {
    if (!modules) return page;
    const files = [...new Set(points.flatMap((point) => filesOf(loads, point)))];
    return page.replace('</head>', () => `${preloadHints(files, modules)}  </head>`).replace('<html lang="en"', '<html lang="en" data-all-texts=""');
  };
  for (const page of [...pages, frame]) {
    const { html: pageFile, translations } = pageHtml(html, page);
    const routine = page.path.startsWith('/routine/');
    // A prerendered page shows its first screen before the app starts; the frame shows
    // nothing until it does, so only the frame fetches the app at once.
    if (page === frame) write('404.html', pageFile);
    else write(fileFor(page.path), paintFirst(routine ? withModules(pageFile, ['routine_page']) : pageFile));
    if (page === frame) {
      // A therapist's links (a routine, a program): the frame, with their module on its way.
      const link = withModules(pageFile, ['links']);
      write('r/index.html', link);
      write('program/index.html', link);
    }
    for (const [language, translation] of Object.entries(translations)) {
      write(translationsFor(page.path).replace('{lang}', language).slice(1), JSON.stringify(translation));
    }
  }
  console.log(`post-build: ${pages.length} prerendered pages, the frame in 404.html and for /r and /program`);
} else {
  writeFileSync(indexPath, html);
  writeFileSync(path.join(dir, '404.html'), html);
}

// Every file of the build, the split app's modules in their app-<hash>/ folder included,
// so each screen opens offline after one visit; of the prerendered pages only home and the
// frame, which stands in for the others (the app renders them from the cached code). The
// PNG icons are left to the network: the browser fetches them when it installs the app, and
// no page shows them.
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !['sw.js', 'robots.txt'].includes(entry.name))
  .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
/** @param {string} file */
const keptOffline = (file) =>
  !file.endsWith('/index.html') && !file.endsWith('.png') && !(file.startsWith('prerendered/') && !/^prerendered\/(home|frame)\./.test(file));
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(path.join(dir, file)));
const template = readFileSync(new URL('../public/sw-template.js', import.meta.url), 'utf8');
const worker = template
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__PRECACHE__', JSON.stringify(files.filter(keptOffline).map((file) => `/${file}`)));
writeFileSync(path.join(dir, 'sw.js'), worker);
console.log(`post-build: CSP set, sw.js precaches ${files.filter(keptOffline).length} files`);
