// The benchmark's verdict passes exactly when every budgeted row is met
// (`node --test scripts/bench-verdict.test.mjs`; scripts/test.sh runs it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { missedBudgets, tableRow, verdict } from './bench-verdict.mjs';

const informs = [tableRow('FCP', '900 ms', '', null), tableRow('First paint', 'NaN ms', '', null)];

test('rows that only inform never count, and show no verdict', () => {
  assert.equal(missedBudgets(informs), 0);
  assert.deepEqual(informs.map((row) => row.cells[3]), ['', '']);
  assert.equal(verdict(missedBudgets(informs)), 'Every budget is met.');
});

test('the verdict passes exactly when every budgeted row is met', () => {
  // Every combination of three budgeted rows met or missed, among rows that only inform.
  for (let mask = 0; mask < 8; mask += 1) {
    const met = [0, 1, 2].map((bit) => (mask & (1 << bit)) !== 0);
    const rows = [informs[0], ...met.map((ok, i) => tableRow(`measure ${i}`, i, `≤ ${i}`, ok)), informs[1]];
    const missed = missedBudgets(rows);
    assert.equal(missed, met.filter((ok) => !ok).length);
    assert.equal(verdict(missed) === 'Every budget is met.', met.every(Boolean));
    assert.deepEqual(rows.slice(1, 4).map((row) => row.cells[3]), met.map((ok) => (ok ? 'yes' : '**no**')));
  }
});

test('a measurement that failed (NaN) misses its budget', () => {
  assert.equal(missedBudgets([tableRow('LCP', 'NaN ms', '≤ 1200 ms', NaN <= 1200)]), 1);
});

test('every budget in bench/budgets.json has a row in the benchmark', () => {
  const budgets = Object.keys(JSON.parse(readFileSync(new URL('../bench/budgets.json', import.meta.url), 'utf8')));
  const bench = readFileSync(new URL('./bench.mjs', import.meta.url), 'utf8');
  assert.deepEqual(budgets.filter((name) => !bench.includes(`budgets.${name}`)), []);
});
