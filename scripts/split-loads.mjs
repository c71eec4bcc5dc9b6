// Which wasm files a split point needs, read from wasm-split-cli's own loader
// (__wasm_split.js, before minifying): each split point's export and each shared chunk is a
// `makeLoad(() => { … fetch(new URL("./<file>", …)) … }, [<the loads it waits for>])`.
// The release build (post-build.mjs) turns the files of a page's split points into preload
// hints, so a page asks for all of them in one wave instead of in the loader's steps.

const LOAD = /(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n\}\s*,\s*\[([^\]]*)\]\)/g;

/**
 * Every load the loader defines: its name, its file, and the loads it waits for.
 * @param {string} loader  the text of __wasm_split.js
 * @returns {Map<string, { file: string, deps: string[] }>}
 */
export function loadsOf(loader) {
  const loads = new Map();
  for (const [, name, file, deps] of loader.matchAll(LOAD)) {
    loads.set(name, { file, deps: deps.split(',').map((dep) => dep.trim()).filter(Boolean) });
  }
  return loads;
}

/**
 * The files split point `point` loads (its own module first, then every chunk it waits
 * for, directly or not), in the loader's order.
 * @param {Map<string, { file: string, deps: string[] }>} loads  from `loadsOf`
 * @param {string} point  as `wasm_split`'s module name, e.g. "received"
 * @returns {string[]}
 */
export function filesOf(loads, point) {
  const root = `__wasm_split_load_${point}`;
  if (!loads.has(root)) throw new Error(`split-loads: the loader has no split point ${point}`);
  /** @type {string[]} */
  const files = [];
  const seen = new Set();
  /** @param {string} name */
  const visit = (name) => {
    const load = loads.get(name);
    if (!load) throw new Error(`split-loads: ${name} is waited for but never defined`);
    if (seen.has(name)) return;
    seen.add(name);
    files.push(load.file);
    load.deps.forEach(visit);
  };
  visit(root);
  return files;
}

/**
 * Preload hints for `files` in the build's module folder `dir`: fetched at once, at low
 * priority so the stylesheet and the main module keep theirs, and taken by the loader's
 * own fetches (same URL, same CORS mode).
 * @param {string[]} files
 * @param {string} dir  e.g. "app-4e143947e4300749"
 */
export function preloadHints(files, dir) {
  return files
    .map((file) => `    <link rel="preload" href="/${dir}/${file}" as="fetch" type="application/wasm" crossorigin="" fetchpriority="low" />\n`)
    .join('');
}
