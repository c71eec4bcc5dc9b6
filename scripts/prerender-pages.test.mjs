// scripts/prerender-pages.mjs: where pages go, and that the other languages' changes turn
// the English markup into theirs, checked by applying them as index.html's script does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFragment, serialize } from 'parse5';
import { fileFor, paintFirst, pageHtml, translationOf, translationsFor, withoutMarkers } from './prerender-pages.mjs';

const ENGLISH =
  '<header><nav aria-label="Main"><a href="/history">History</a><a href="/safety">Safety</a></nav></header>' +
  '<main><h1>Guided self-massage</h1><p>About 6 min &amp; <b>light</b></p><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></main>';
const GERMAN =
  '<header><nav aria-label="Haupt"><a href="/history">Verlauf</a><a href="/safety">Sicherheit</a></nav></header>' +
  '<main><h1>Geführte Selbstmassage</h1><p>Etwa 6 min &amp; <b>leicht</b></p><svg viewBox="0 0 1 1"><path d="M0 0"></path></svg></main>';

/**
 * `english` with `translation` applied the way index.html's script applies it (text nodes and
 * elements by document order), serialized.
 * @param {string} english
 * @param {import('./prerender-pages.mjs').Translation} translation
 */
function applied(english, translation) {
  const fragment = parseFragment(english);
  /** @type {any[]} */
  const texts = [];
  /** @type {any[]} */
  const elements = [];
  /** @param {any} node */
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') texts.push(child);
      else if (child.tagName) {
        elements.push(child);
        walk(child);
      }
    }
  };
  walk(fragment);
  for (const [index, text] of translation.texts) texts[index].value = text;
  for (const [index, name, value] of translation.attributes) {
    const attribute = elements[index].attrs.find((/** @type {{ name: string }} */ a) => a.name === name);
    attribute.value = value;
  }
  return serialize(fragment);
}

test('each address goes where a static host looks for it', () => {
  assert.equal(fileFor('/'), 'index.html');
  assert.equal(fileFor('/about'), 'about/index.html');
  assert.equal(fileFor('/routine/hip-unwind'), 'routine/hip-unwind/index.html');
  assert.equal(fileFor('/routine/hip-unwind/'), 'routine/hip-unwind/index.html');
});

test("the changes turn the English markup into the other language's", () => {
  const translation = translationOf(ENGLISH, GERMAN, 'home in de');
  assert.equal(applied(ENGLISH, translation), serialize(parseFragment(GERMAN)));
  // Only what differs is carried: every text here, but of the attributes only the label
  // (not the addresses, not the drawing).
  assert.deepEqual(translation.attributes, [[1, 'aria-label', 'Haupt']]);
  assert.equal(translation.texts.length, 5);
});

test('the same language needs no changes', () => {
  assert.deepEqual(translationOf(ENGLISH, ENGLISH, 'home in en'), { texts: [], attributes: [] });
});

test('markup that is not the same page in another language stops the build', () => {
  const extraElement = GERMAN.replace('<b>leicht</b>', '<b>leicht</b><i>!</i>');
  assert.throws(() => translationOf(ENGLISH, extraElement, 'home in de'), /home in de has 11 elements and 6 texts, English 10 and 5/);
  const otherElement = GERMAN.replace('<b>leicht</b>', '<i>leicht</i>');
  assert.throws(() => translationOf(ENGLISH, otherElement, 'home in de'), /element 7 is <i/);
  const otherAttribute = GERMAN.replace('href="/safety"', 'href="/safety" lang="en"');
  assert.throws(() => translationOf(ENGLISH, otherAttribute, 'home in de'), /element 3/);
});

test("a page is the template with its English markup and title, and names its translations", () => {
  const template =
    '<html lang="en"><head><title>Kneadtime</title></head><body>' +
    '<div id="app-shell" class="app-shell"><main>stand-in</main></div><!-- /app-shell --></body></html>';
  const { html, translations } = pageHtml(template, {
    path: '/routine/hip-unwind',
    languages: {
      en: { title: 'Tips & <tricks> · Kneadtime', body: ENGLISH },
      de: { title: 'Tipps · Kneadtime', body: GERMAN },
    },
  });
  assert.ok(html.includes(`<div id="app-shell" class="app-shell">${ENGLISH}</div><!-- /app-shell -->`));
  assert.ok(!html.includes('stand-in'));
  assert.ok(html.includes('<title>Tips &amp; &lt;tricks&gt; · Kneadtime</title>'));
  assert.ok(html.startsWith('<html lang="en" data-translations="/prerendered/routine/hip-unwind.{lang}.json">'));
  assert.deepEqual(Object.keys(translations), ['de']);
  assert.deepEqual(translations.de, { title: 'Tipps · Kneadtime', ...translationOf(ENGLISH, GERMAN, 'de') });
});

test('translations sit under the page their address names', () => {
  assert.equal(translationsFor('/'), '/prerendered/home.{lang}.json');
  assert.equal(translationsFor('frame'), '/prerendered/frame.{lang}.json');
  assert.equal(translationsFor('/about'), '/prerendered/about.{lang}.json');
});

test('a page without its English rendering, or a template without the shell, stops the build', () => {
  const shell = '<html lang="en"><div id="app-shell" class="app-shell"></div><!-- /app-shell -->';
  assert.throws(() => pageHtml(shell, { path: '/', languages: {} }), /no English/);
  assert.throws(() => pageHtml('<html lang="en"><body></body>', { path: '/', languages: { en: { title: 'x', body: '' } } }), /index.html has no/);
});

test("Leptos's hydration markers are left out, and nothing else", () => {
  const body = '<!--<() />--><a href="/">Home<!></a><p>a &lt;!&gt; b</p>';
  const { pages, frame } = withoutMarkers({
    pages: [{ path: '/', languages: { en: { title: 't', body } } }],
    frame: { path: '/', languages: { en: { title: 't', body: '<main><!>x</main>' } } },
  });
  assert.equal(pages[0].languages.en.body, '<a href="/">Home</a><p>a &lt;!&gt; b</p>');
  assert.equal(frame.languages.en.body, '<main>x</main>');
});

test('a prerendered page drops the app\'s preloads and waits for its first paint to fetch the app', () => {
  const page = [
    '<!doctype html>',
    '<html lang="en" data-translations="/prerendered/home.{lang}.json">',
    '  <head>',
    '    <link rel="modulepreload" href="/app-1/kneadtime.js" />',
    '    <link rel="preload" href="/app-1/kneadtime_bg.wasm" as="fetch" type="application/wasm" crossorigin="" />',
    '    <link rel="preload" href="/app-1/split_routine_page.wasm" as="fetch" type="application/wasm" crossorigin="" fetchpriority="low" />',
    '  </head>',
    '</html>',
  ].join('\n');
  const first = paintFirst(page);
  assert.match(first, /^<html lang="en" data-paint-first="" data-translations=/m);
  assert.doesNotMatch(first, /kneadtime\.js|kneadtime_bg\.wasm/);
  // A screen's own modules keep their hints.
  assert.match(first, /split_routine_page\.wasm/);
  // A page without them is not what the build makes: it stops rather than guess.
  assert.throws(() => paintFirst(first), /found 0/);
});
