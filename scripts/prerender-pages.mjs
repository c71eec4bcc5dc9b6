// The release build's prerendered first screens, from the Trunk post-build hook
// (post-build.mjs). `cargo run --bin prerender` (scripts/lib.sh `release_build`) renders the
// app's own components to HTML in every language and writes target/prerender/pages.json;
// this module turns that into the site's pages:
// - each page is the built index.html with the English markup inside #app-shell and its
//   title, at the address a static host serves for it (/routine/<id> → routine/<id>/index.html);
// - for every other language a small file beside it holds only what differs from English
//   (texts and attribute values, by position): index.html's scripts fetch the person's
//   (beside the stylesheet) and swap it in before the first paint, so a German browser
//   paints German and an English one downloads none of it;
// - the frame (header, footer and "Opening Kneadtime…", no page content) is the page for
//   every other address: 404.html, the static host's fallback and the service worker's.
import { parseFragment } from 'parse5';

/** @typedef {{ title: string, body: string }} Rendered */
/** @typedef {{ path: string, languages: Record<string, Rendered> }} Page */
/** @typedef {{ pages: Page[], frame: Page }} Prerendered */
/** @typedef {{ title?: string, texts: [number, string][], attributes: [number, string, string][] }} Translation */

const SHELL_START = '<div id="app-shell" class="app-shell">';
const SHELL_END = '</div><!-- /app-shell -->';
const ROOT_TAG = '<html lang="en">';

/**
 * The file a static host serves for `address`: "/" → "index.html", "/about" → "about/index.html".
 * @param {string} address
 */
export function fileFor(address) {
  const trimmed = address.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? 'index.html' : `${trimmed}/index.html`;
}

/**
 * Every text node and element of `html` (a fragment), in document order, as a browser's
 * TreeWalker and getElementsByTagName('*') list them.
 * @param {string} html
 */
function nodesOf(html) {
  /** @type {string[]} */
  const texts = [];
  /** @type {{ tag: string, attributes: Map<string, string> }[]} */
  const elements = [];
  /** @param {any} node */
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text') texts.push(child.value);
      else if (child.tagName) {
        elements.push({
          tag: child.tagName,
          attributes: new Map(child.attrs.map((/** @type {{ name: string, value: string }} */ a) => [a.name, a.value])),
        });
        walk(child.tagName === 'template' ? child.content : child);
      }
    }
  };
  walk(parseFragment(html));
  return { texts, elements };
}

/**
 * What turns the English markup into `other`'s: the texts and attribute values that
 * differ, by position. Throws when the two are not the same markup in another language
 * (another element, another attribute, another number of texts): the page could then not
 * be translated in place, and the build must say so.
 * @param {string} english
 * @param {string} other
 * @param {string} where  named in the error
 * @returns {Translation}
 */
export function translationOf(english, other, where) {
  const from = nodesOf(english);
  const to = nodesOf(other);
  if (from.elements.length !== to.elements.length || from.texts.length !== to.texts.length) {
    throw new Error(
      `prerender: ${where} has ${to.elements.length} elements and ${to.texts.length} texts, English ${from.elements.length} and ${from.texts.length}`,
    );
  }
  /** @type {[number, string, string][]} */
  const attributes = [];
  from.elements.forEach((element, index) => {
    const target = to.elements[index];
    const names = [...element.attributes.keys()].sort().join(' ');
    if (element.tag !== target.tag || names !== [...target.attributes.keys()].sort().join(' ')) {
      throw new Error(`prerender: ${where}: element ${index} is <${target.tag} ${[...target.attributes.keys()]}>, English <${element.tag} ${names}>`);
    }
    for (const [name, value] of target.attributes) {
      if (element.attributes.get(name) !== value) attributes.push([index, name, value]);
    }
  });
  /** @type {[number, string][]} */
  const texts = [];
  from.texts.forEach((text, index) => {
    if (to.texts[index] !== text) texts.push([index, to.texts[index]]);
  });
  return { texts, attributes };
}

/**
 * Escapes text for an HTML text or attribute position.
 * @param {string} text
 */
const escaped = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Where the changes of the page at `address` into another language are kept: the
 * address's own name with `{lang}` for the language's tag ("/" is "home").
 * @param {string} address
 */
export function translationsFor(address) {
  const trimmed = address.replace(/^\/+|\/+$/g, '');
  return `/prerendered/${trimmed === '' ? 'home' : trimmed}.{lang}.json`;
}

/**
 * `template` (the built index.html) showing `page`: its English markup in the shell, its
 * title, and on `<html>` where its translations are; and each other language's changes.
 * `page.path` names the translations (the frame's is "frame").
 * @param {string} template
 * @param {Page} page
 * @returns {{ html: string, translations: Record<string, Translation> }}
 */
export function pageHtml(template, page) {
  const english = page.languages.en;
  if (!english) throw new Error(`prerender: ${page.path} has no English rendering`);
  const start = template.indexOf(SHELL_START);
  const end = template.indexOf(SHELL_END);
  if (start < 0 || end < start) throw new Error(`prerender: index.html has no ${SHELL_START}…${SHELL_END}`);
  if (!template.includes(ROOT_TAG)) throw new Error(`prerender: index.html has no ${ROOT_TAG}`);
  /** @type {Record<string, Translation>} */
  const translations = {};
  for (const [language, rendered] of Object.entries(page.languages)) {
    if (language === 'en') continue;
    translations[language] = { title: rendered.title, ...translationOf(english.body, rendered.body, `${page.path} in ${language}`) };
  }
  const html = (template.slice(0, start + SHELL_START.length) + english.body + template.slice(end))
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escaped(english.title)}</title>`)
    .replace(ROOT_TAG, () => `<html lang="en" data-translations="${escaped(translationsFor(page.path))}">`);
  return { html, translations };
}

/**
 * `html` for a page whose first screen is all in its HTML: the app's glue and main module
 * are no longer preloaded, and the loader (split-site.mjs) fetches them once the page has
 * painted (`data-paint-first`), so nothing competes with the first paint.
 * @param {string} html  a page of the release build
 */
export function paintFirst(html) {
  const preloads = /^\s*<link rel="(?:modulepreload" href="[^"]*\/kneadtime\.js"|preload" href="[^"]*\/kneadtime_bg\.wasm")[^>]*\/>\n/gm;
  const found = html.match(preloads)?.length ?? 0;
  if (found !== 2) throw new Error(`prerender: expected the glue's and the main module's preloads, found ${found}`);
  return html.replace(preloads, '').replace(/<html lang="en"/, '<html lang="en" data-paint-first=""');
}

/**
 * `prerendered` without the comments Leptos leaves in its markup for hydration (`<!>`,
 * `<!--<() />-->`): the app replaces the static page, it never hydrates it.
 * @param {Prerendered} prerendered
 * @returns {Prerendered}
 */
export function withoutMarkers({ pages, frame }) {
  /** @param {Page} page */
  const strip = (page) => ({
    ...page,
    languages: Object.fromEntries(
      Object.entries(page.languages).map(([language, { title, body }]) => [language, { title, body: body.replace(/<!(?:--[\s\S]*?--)?>/g, '') }]),
    ),
  });
  return { pages: pages.map(strip), frame: strip(frame) };
}
