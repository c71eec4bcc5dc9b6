// Trunk post-build hook: finishes the release in Trunk's staging directory.
// 0. The static shell's words in every language but English (index.html's
//    `data-shell-text` elements), from locales/, so the shell paints in the
//    person's language.
// 1. A Content-Security-Policy <meta> allowing only this origin, plus the
//    sha256 of each inline script: Trunk's loader and index.html's theme/shell one.
// 2. 404.html, a copy of the app shell, so deep links work on static hosts.
// 3. sw.js, the service worker, with this build's file list (every wasm module) and a version
//    derived from their contents: every release gets a new worker and cache.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');

const indexPath = path.join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const shellKeys = [...new Set([...html.matchAll(/data-shell-(?:text|label)="([^"]+)"/g)].map(([, key]) => key))];
const localeDir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'locales');
/** @type {Record<string, Record<string, string>>} */
const shellTexts = {};
for (const file of readdirSync(localeDir).filter((name) => name.endsWith('.json') && name !== 'en.json')) {
  const texts = JSON.parse(readFileSync(path.join(localeDir, file), 'utf8'));
  shellTexts[file.replace(/\.json$/, '')] = Object.fromEntries(
    shellKeys.map((key) => [key, key.split('.').reduce((group, name) => group?.[name], texts)]),
  );
}
const emptyTable = 'var texts = {}[document.documentElement.lang];';
if (!html.includes(emptyTable)) throw new Error("post-build: index.html's shell-text script is missing");
html = html.replace(emptyTable, () => `var texts = ${JSON.stringify(shellTexts).replace(/</g, "\\u003c")}[document.documentElement.lang];`);
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
writeFileSync(indexPath, html);
writeFileSync(path.join(dir, '404.html'), html);

// Every file of the build, the split app's modules in their app-<hash>/ folder included,
// so each screen opens offline after one visit.
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !['sw.js', '404.html', 'robots.txt'].includes(entry.name))
  .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  .sort();
const version = createHash('sha256');
for (const file of files) version.update(file).update(readFileSync(path.join(dir, file)));
const template = readFileSync(new URL('../public/sw-template.js', import.meta.url), 'utf8');
const worker = template
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__PRECACHE__', JSON.stringify(files.map((file) => `/${file}`)));
writeFileSync(path.join(dir, 'sw.js'), worker);
console.log(`post-build: CSP set, 404.html written, sw.js precaches ${files.length} files`);
