// The benchmark table's rows and verdict (scripts/bench.mjs), apart from the measuring so
// that scripts/bench-verdict.test.mjs can check them.

/** @typedef {{ cells: (string | number)[], ok: boolean | null }} Row */

/**
 * A row of the table: `ok` says whether the measure meets its budget, and is null for a
 * row that only informs (it has no budget).
 * @param {string} what
 * @param {string | number} value
 * @param {string} budget
 * @param {boolean | null} ok
 * @returns {Row}
 */
export function tableRow(what, value, budget, ok) {
  return { cells: [what, value, budget, ok === null ? '' : ok ? 'yes' : '**no**'], ok };
}

/**
 * How many budgeted rows miss their budget; rows that only inform never count.
 * @param {Row[]} rows
 */
export function missedBudgets(rows) {
  return rows.filter((row) => row.ok === false).length;
}

/**
 * The table's last line.
 * @param {number} missed
 */
export function verdict(missed) {
  return missed === 0 ? 'Every budget is met.' : `${missed} budget(s) missed.`;
}
