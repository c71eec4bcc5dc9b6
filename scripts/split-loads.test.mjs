// scripts/split-loads.mjs: the files a split point needs, read from a loader shaped as
// wasm-split-cli writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filesOf, loadsOf, preloadHints } from './split-loads.mjs';

/** @param {string} name @param {string} file @param {string[]} deps @param {boolean} exported */
const load = (name, file, deps, exported) => `/* a, b */
${exported ? 'export ' : ''}const ${name} = ${exported ? 'wrapAsyncCb(' : ''}makeLoad(() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps.join(', ')}])${exported ? ')' : ''};
`;

const LOADER =
  'import { initSync } from "./kneadtime.js";\n' +
  load('__chunk_1', 'chunk_1.wasm', [], false) +
  load('__chunk_2', 'chunk_2.wasm', ['__chunk_1'], false) +
  load('__chunk_3', 'chunk_3.wasm', [], false) +
  load('__wasm_split_load_received', 'split_received.wasm', ['__chunk_2', '__chunk_1'], true) +
  load('__wasm_split_load_about', 'split_about.wasm', ['__chunk_3'], true);

test('a split point needs its module and every chunk it waits for, once each', () => {
  const loads = loadsOf(LOADER);
  assert.equal(loads.size, 5);
  assert.deepEqual(filesOf(loads, 'received'), ['split_received.wasm', 'chunk_2.wasm', 'chunk_1.wasm']);
  assert.deepEqual(filesOf(loads, 'about'), ['split_about.wasm', 'chunk_3.wasm']);
});

test('an unknown split point, or a load waited for but not defined, stops the build', () => {
  assert.throws(() => filesOf(loadsOf(LOADER), 'player'), /no split point player/);
  const broken = LOADER.replace("['__chunk_3']", "['__chunk_9']").replace('[__chunk_3]', '[__chunk_9]');
  assert.throws(() => filesOf(loadsOf(broken), 'about'), /__chunk_9 is waited for/);
});

test('the hints point into the build folder, at low priority, as the loader fetches', () => {
  assert.equal(
    preloadHints(['chunk_1.wasm'], 'app-0123'),
    '    <link rel="preload" href="/app-0123/chunk_1.wasm" as="fetch" type="application/wasm" crossorigin="" fetchpriority="low" />\n',
  );
});
