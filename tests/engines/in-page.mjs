// Functions that run in the page, through either driver: each is sent as its source text,
// so it uses nothing from outside its own body.

/**
 * The shown element a person would call `name`: a button, link, heading, radio or checkbox by
 * its label or visible words (text inside aria-hidden, such as icons, is not part of a name).
 * For a radio or checkbox, its label: what a finger taps.
 * @param {'button' | 'link' | 'heading' | 'radio' | 'checkbox'} role
 * @param {string} name
 * @returns {HTMLElement | null}
 */
export function byRole(role, name) {
  const kinds = {
    button: 'button, [role="button"]',
    link: 'a[href]',
    heading: 'h1, h2, h3, h4, h5, h6',
    radio: 'input[type="radio"]',
    checkbox: 'input[type="checkbox"]',
  };
  /** @param {Node} node @returns {string} */
  const words = (node) =>
    node instanceof Element && node.getAttribute('aria-hidden') === 'true'
      ? ''
      : node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : [...node.childNodes].map(words).join('');
  /** @param {HTMLElement} element */
  const nameOf = (element) => {
    const label = element instanceof HTMLInputElement ? element.labels?.[0] : undefined;
    return (element.getAttribute('aria-label') ?? words(label ?? element)).replace(/\s+/g, ' ').trim();
  };
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(kinds[role]))) {
    if (nameOf(element) !== name) continue;
    const target = element instanceof HTMLInputElement ? (element.labels?.[0] ?? element) : element;
    if (target.getClientRects().length > 0 && getComputedStyle(target).visibility !== 'hidden') return target;
  }
  return null;
}

/**
 * The trimmed text of the first shown element matching `selector`, or null.
 * @param {string} selector
 */
export function textOf(selector) {
  const element = /** @type {HTMLElement | null} */ (document.querySelector(selector));
  return element && element.getClientRects().length > 0 ? element.innerText.replace(/\s+/g, ' ').trim() : null;
}

/** @param {string} selector */
export function countOf(selector) {
  return document.querySelectorAll(selector).length;
}

/**
 * An attribute of the first element matching `selector`, or null.
 * @param {string} selector
 * @param {string} name
 */
export function attributeOf(selector, name) {
  return document.querySelector(selector)?.getAttribute(name) ?? null;
}

/**
 * The value of the first input matching `selector`, or '' while there is none.
 * @param {string} selector
 */
export function valueOf(selector) {
  return /** @type {HTMLInputElement | null} */ (document.querySelector(selector))?.value ?? '';
}

/** The main navigation's link texts, in order. */
export function navLinks() {
  const links = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('header nav a'));
  return [...links].map((link) => link.innerText.trim());
}

/** The layout width, and how wide the page is drawn: wider means it scrolls sideways. */
export function widths() {
  return { viewport: innerWidth, page: document.documentElement.scrollWidth };
}

/** Whether a service worker controls this page (so it can open offline). */
export function controlled() {
  return !!navigator.serviceWorker?.controller;
}

/** Resolves once the page has drawn a frame after everything done so far. */
export function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
}

/**
 * Where the first element matching `selector` is drawn in the window, in CSS pixels.
 * @param {string} selector
 */
export function boxOf(selector) {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector} on the page`);
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
}

/** How many files the page has finished loading. */
export function loadedCount() {
  return performance.getEntriesByType('resource').length;
}
