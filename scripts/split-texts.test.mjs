// The release's locale split loses nothing and duplicates nothing
// (`node --test scripts/split-texts.test.mjs`; scripts/test.sh runs it).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { splitTexts } from './split-texts.mjs';

const localeDir = new URL('../locales/', import.meta.url);
/** @type {{ patterns: string[] }} */
const { patterns } = JSON.parse(readFileSync(new URL('./first-screen-texts.json', import.meta.url), 'utf8'));

/**
 * Every dotted key with its text (a plural set counts as one text).
 * @param {Record<string, unknown>} texts
 * @param {string} [key] the key above `texts`
 * @returns {[string, string][]}
 */
function entries(texts, key = '') {
  return Object.entries(texts).flatMap(([name, value]) => {
    const dotted = key ? `${key}.${name}` : name;
    const isGroup = typeof value === 'object' && value !== null && !('other' in value);
    return isGroup
      ? entries(/** @type {Record<string, unknown>} */ (value), dotted)
      : [/** @type {[string, string]} */ ([dotted, JSON.stringify(value)])];
  });
}

/**
 * Whether a dotted pattern matches the first segments of a key.
 * @param {string} pattern
 * @param {string} key
 */
const matches = (pattern, key) =>
  pattern.split('.').every((part, index) => part === '*' || part === key.split('.')[index]);

for (const file of readdirSync(localeDir).filter((name) => name.endsWith('.json'))) {
  test(`${file}: the two parts hold every text once, the first exactly those the patterns name`, () => {
    const texts = JSON.parse(readFileSync(new URL(file, localeDir), 'utf8'));
    const [first, rest] = splitTexts(texts, patterns);
    const whole = entries(texts);
    assert.deepEqual([...entries(first), ...entries(rest)].sort(), [...whole].sort());
    const wanted = whole.filter(([key]) => patterns.some((pattern) => matches(pattern, key)));
    assert.deepEqual(entries(first).sort(), wanted.sort());
  });
}

test('every pattern names some text, and the first part is the smaller', () => {
  const english = entries(JSON.parse(readFileSync(new URL('en.json', localeDir), 'utf8')));
  assert.deepEqual(patterns.filter((pattern) => !english.some(([key]) => matches(pattern, key))), []);
  const [first, rest] = splitTexts(JSON.parse(readFileSync(new URL('en.json', localeDir), 'utf8')), patterns);
  assert.ok(JSON.stringify(first).length * 3 < JSON.stringify(rest).length);
});

test('a pattern may stop inside a group or at a plural set, and * matches any one segment', () => {
  const texts = {
    a: { x: 'A.x', y: { one: '1', other: 'n' } },
    lib: { one: { title: 'T1', steps: 'S1' }, two: { title: 'T2', steps: 'S2' } },
    b: 'B',
  };
  assert.deepEqual(splitTexts(texts, ['a.y', 'lib.*.title']), [
    { a: { y: { one: '1', other: 'n' } }, lib: { one: { title: 'T1' }, two: { title: 'T2' } } },
    { a: { x: 'A.x' }, lib: { one: { steps: 'S1' }, two: { steps: 'S2' } }, b: 'B' },
  ]);
});
