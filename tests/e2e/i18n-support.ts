import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Entry = string | Record<string, string>;

/** A locale file as the app reads it: nested groups become dotted keys. */
function flatten(value: unknown, prefix: string, out: Map<string, Entry>) {
  if (typeof value === 'string') {
    out.set(prefix, value);
    return;
  }
  const object = value as Record<string, unknown>;
  if ('other' in object && Object.values(object).every((form) => typeof form === 'string')) {
    out.set(prefix, object as Record<string, string>);
    return;
  }
  for (const [name, inner] of Object.entries(object)) flatten(inner, prefix ? `${prefix}.${name}` : name, out);
}

const cache = new Map<string, Map<string, Entry>>();

/** Every text of a locale (`en`, `de`, `es`, `fr`, `it`, `pt-BR`), by key. */
export function catalog(tag: string): Map<string, Entry> {
  let texts = cache.get(tag);
  if (!texts) {
    texts = new Map();
    flatten(JSON.parse(readFileSync(path.join('locales', `${tag}.json`), 'utf8')), '', texts);
    cache.set(tag, texts);
  }
  return texts;
}

/** The text for a key (the "other" form of a counted text), placeholders filled in. */
export function text(tag: string, key: string, args: Record<string, string | number> = {}): string {
  const entry = catalog(tag).get(key);
  if (entry === undefined) throw new Error(`${tag} has no ${key}`);
  const template = typeof entry === 'string' ? entry : entry.other;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? String(args[name]) : whole));
}

/**
 * The English sentences a page in `tag` must not show: every English text that the
 * locale words differently, cut at its placeholders, keeping the pieces of three words
 * or more (short pieces such as "min" or a brand name can be the same in both).
 */
export function englishSentences(tag: string): string[] {
  const english = catalog('en');
  const translated = catalog(tag);
  const pieces = new Set<string>();
  for (const [key, entry] of english) {
    const forms = typeof entry === 'string' ? [entry] : Object.values(entry);
    const other = translated.get(key);
    const otherForms = other === undefined ? [] : typeof other === 'string' ? [other] : Object.values(other);
    for (const form of forms) {
      for (const piece of form.split(/\{\w+\}/)) {
        const trimmed = piece.trim();
        if (trimmed.split(/\s+/).length >= 3 && !otherForms.some((theirs) => theirs.includes(trimmed))) pieces.add(trimmed);
      }
    }
  }
  return [...pieces];
}

/** Fails if any English sentence, or a bare text key, is on screen (visible text, labels and titles) on a page in `tag`. */
export async function expectNoEnglish(page: Page, tag: string, screen: string) {
  const shown = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].map((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? '').join('\n'),
    );
    return [document.body.innerText, document.title, ...labels].join('\n');
  });
  const found = englishSentences(tag).filter((sentence) => shown.includes(sentence));
  expect.soft(found, `English on the ${tag} ${screen} screen`).toEqual([]);
  // A key the catalogue lacked shows as the key itself.
  const keys = [...catalog('en').keys()].filter((key) => shown.includes(key));
  expect.soft(keys, `text keys on the ${tag} ${screen} screen`).toEqual([]);
}
