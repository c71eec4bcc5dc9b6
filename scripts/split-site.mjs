// Step 2 of the release build (scripts/lib.sh `release_build`): turns the split wasm
// modules in target/split/modules into a site folder Trunk can build, without copying
// index.html by hand.
//
// - The modules go into app-<hash>/, the hash taken over every module's bytes, so no
//   HTTP cache can ever serve one build's chunk to another build's page (wasm-split-cli
//   does not hash chunk names, and the chunks find each other by relative name).
// - target/split/site/index.html is index.html with Trunk's `rel="rust"` link (which
//   would build a second, unsplit app) replaced by preloads and a module script that
//   starts the split app. Relative hrefs are re-rooted so Trunk finds styles and icons.
// - Each locale file is split in two, minified: locales/<tag>.json holds what the home
//   page shows (scripts/first-screen-texts.json) and names locales/<tag>.rest.json, which
//   holds everything else and loads later (kneadtime_core::i18n::Catalog::merge).
// - The stylesheets index.html links one by one (base, ui, then one per area, as the
//   source keeps them) become one file, in the same order: every stylesheet blocks the
//   first paint, and one request costs a slow phone one round trip instead of ten.
// - The two JavaScript files (wasm-bindgen's glue, wasm-split's loader) and the stylesheet
//   are minified with esbuild: 6 KB less brotli for every first visit.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { splitTexts } from './split-texts.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const modules = path.join(root, 'target/split/modules');
const site = path.join(root, 'target/split/site');

const files = readdirSync(modules).sort();
for (const required of ['kneadtime.js', 'kneadtime_bg.wasm', '__wasm_split.js']) {
  if (!files.includes(required)) throw new Error(`split-site: ${required} missing from ${modules}`);
}
/** @param {string} code @param {'js' | 'css'} loader */
const minified = (code, loader) =>
  transformSync(code, loader === 'js' ? { loader, minify: true, format: 'esm' } : { loader, minify: true }).code;

/** @type {Map<string, Buffer | string>} */
const built = new Map();
for (const file of files) {
  const bytes = readFileSync(path.join(modules, file));
  built.set(file, file.endsWith('.js') ? minified(bytes.toString('utf8'), 'js') : bytes);
}
const hash = createHash('sha256');
for (const [file, content] of built) hash.update(file).update(content);
const dir = `app-${hash.digest('hex').slice(0, 16)}`;

rmSync(site, { recursive: true, force: true });
mkdirSync(path.join(site, dir), { recursive: true });
for (const [file, content] of built) writeFileSync(path.join(site, dir, file), content);

const locales = path.join(root, 'locales');
const { patterns } = JSON.parse(readFileSync(path.join(root, 'scripts/first-screen-texts.json'), 'utf8'));
mkdirSync(path.join(site, 'locales'));
for (const file of readdirSync(locales).filter((name) => name.endsWith('.json'))) {
  const texts = JSON.parse(readFileSync(path.join(locales, file), 'utf8'));
  const restFile = file.replace(/\.json$/, '.rest.json');
  const [first, rest] = splitTexts(texts, patterns);
  writeFileSync(path.join(site, 'locales', file), JSON.stringify({ _rest: restFile, ...first }));
  writeFileSync(path.join(site, 'locales', restFile), JSON.stringify(rest));
}

const fromSite = path.relative(site, root);
let html = readFileSync(path.join(root, 'index.html'), 'utf8');
const rustLink = /^\s*<link data-trunk rel="rust"[^>]*\/>\n/m;
if (!rustLink.test(html)) throw new Error('split-site: no rel="rust" link in index.html');
const loader = [
  `    <link rel="modulepreload" href="/${dir}/kneadtime.js" />`,
  `    <link rel="preload" href="/${dir}/kneadtime_bg.wasm" as="fetch" type="application/wasm" crossorigin="" />`,
  `    <link data-trunk rel="copy-dir" href="${dir}" />`,
  // A page whose first screen is in its HTML (data-paint-first, set by the post-build hook)
  // fetches the app only once it has painted, so its first paint never shares the network
  // with the main module; the 2 s timer covers a tab opened in the background, which never paints.
  `    <script type="module">const start = () => import('/${dir}/kneadtime.js').then(({ default: init }) => init({ module_or_path: '/${dir}/kneadtime_bg.wasm' })).catch((problem) => console.warn('Kneadtime did not start; the page works as plain links.', problem)); if (document.documentElement.hasAttribute('data-paint-first')) { let started = false; const once = () => { if (!started) { started = true; start(); } }; new PerformanceObserver(once).observe({ type: 'paint', buffered: true }); setTimeout(once, 2000); } else start();</script>`,
  '',
].join('\n');
html = html.replace(rustLink, loader);
const cssLink = /^\s*<link data-trunk rel="css" href="([^"]+)" \/>\n/gm;
const sheets = [...html.matchAll(cssLink)].map((match) => match[1]);
if (sheets.length === 0) throw new Error('split-site: no rel="css" link in index.html');
const css = sheets.map((href) => readFileSync(path.join(root, href), 'utf8')).join('\n');
writeFileSync(path.join(site, 'styles.css'), minified(css, 'css'));
let firstSheet = true;
html = html.replace(cssLink, () => {
  if (!firstSheet) return '';
  firstSheet = false;
  return '    <link data-trunk rel="css" href="styles.css" />\n';
});
html = html.replace(/(<link data-trunk rel="copy-file" href=")(?!\/)([^"]+)"/g, (_, start, href) => `${start}${path.join(fromSite, href)}"`);
writeFileSync(path.join(site, 'index.html'), html);
console.log(
  `split-site: ${files.length} files in ${dir}/, ${sheets.length} stylesheets in styles.css, site at ${path.relative(root, site)}/index.html`,
);
