// Splits a locale's texts into what the home page shows and the rest (see
// scripts/first-screen-texts.json and kneadtime_core::i18n::Catalog::merge).

/**
 * Splits nested texts into those a pattern matches (a prefix of the key's segments, `*`
 * for any one segment) and the rest, each keeping the nesting.
 * @param {Record<string, unknown>} texts
 * @param {string[]} patterns dotted, such as `library.*.title`
 * @returns {[Record<string, unknown>, Record<string, unknown>]}
 */
export function splitTexts(texts, patterns) {
  return splitBelow(
    texts,
    patterns.map((pattern) => pattern.split('.')),
    [],
  );
}

/**
 * @param {Record<string, unknown>} texts
 * @param {string[][]} patterns
 * @param {string[]} key the segments above `texts`
 * @returns {[Record<string, unknown>, Record<string, unknown>]}
 */
function splitBelow(texts, patterns, key) {
  /** @type {[Record<string, unknown>, Record<string, unknown>]} */
  const parts = [{}, {}];
  for (const [name, value] of Object.entries(texts)) {
    const segments = [...key, name];
    const within = patterns.filter((pattern) =>
      pattern.slice(0, segments.length).every((part, index) => part === '*' || part === segments[index]),
    );
    if (within.some((pattern) => pattern.length <= segments.length)) parts[0][name] = value;
    else if (within.length === 0 || typeof value !== 'object' || value === null) parts[1][name] = value;
    else {
      const [first, rest] = splitBelow(/** @type {Record<string, unknown>} */ (value), within, segments);
      if (Object.keys(first).length > 0) parts[0][name] = first;
      if (Object.keys(rest).length > 0) parts[1][name] = rest;
    }
  }
  return parts;
}
