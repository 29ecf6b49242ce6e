// The cells of the stacked savings table (SavingsTable.svelte). Reference strings by hand.
import { describe, expect, it } from 'vitest';
import { computeStack, type StackRow } from '$lib/engine';
import { savingSign, savingsTableRows } from '$lib/explain/savingsRows';
import { DEFAULT_SCENARIO } from '$lib/scenario/defaults';

/** Rows with these monthly costs, percentages as the engine computes them. */
function rowsOf(...costs: number[]): StackRow[] {
	const names = ['Baseline', 'Model routing', 'Prompt caching', 'Batch API', 'Token optimization'] as const;
	const keys = [null, 'routing', 'caching', 'batch', 'trimming'] as const;
	const pct = (from: number, to: number) => (from > 0 ? ((from - to) / from) * 100 : 0);
	const base = costs[0] as number;
	return costs.map((cost, i) => {
		const previous = costs[i - 1] ?? cost;
		return {
			lever: names[i] as StackRow['lever'],
			key: keys[i] as StackRow['key'],
			monthlyCost: cost,
			stepSaving: previous - cost,
			stepSavingPercent: pct(previous, cost),
			cumulativeSaving: base - cost,
			cumulativeSavingPercent: pct(base, cost)
		};
	});
}

const cells = (rows: readonly StackRow[]) =>
	savingsTableRows(rows).rows.map((r) => [r.cost, r.step, r.stepPercent, r.cumulative, r.cumulativePercent, r.stepSign, r.cumulativeSign]);

describe('savingSign', () => {
	it.each([
		[1, 'positive'],
		[2e-9, 'positive'],
		[1e-9, 'zero'],
		[0, 'zero'],
		[-1e-9, 'zero'],
		[-2e-9, 'negative'],
		[-5, 'negative']
	])('%s -> %s', (n, sign) => {
		expect(savingSign(n)).toBe(sign);
	});
});

describe('savingsTableRows', () => {
	it('formats every cell: dollars, then the percentage of the row above and of the baseline', () => {
		expect(cells(rowsOf(100, 80, 90, 90, 45))).toStrictEqual([
			['$100', '—', '—', '—', '—', 'zero', 'zero'],
			['$80.00', '$20.00', '20.0 %', '$20.00', '20.0 %', 'positive', 'positive'],
			['$90.00', '-$10.00', '-12.5 %', '$10.00', '10.0 %', 'negative', 'positive'],
			['$90.00', '$0.00', '0.0 %', '$10.00', '10.0 %', 'zero', 'positive'],
			['$45.00', '$45.00', '50.0 %', '$55.00', '55.0 %', 'positive', 'positive']
		]);
		expect(savingsTableRows(rowsOf(100, 80, 90, 90, 45)).noPercent).toBe(false);
	});

	it('shows the default scenario as the spec does: $4,250 down to $559 (86.8 %)', () => {
		const last = savingsTableRows(computeStack(DEFAULT_SCENARIO)).rows.at(-1);
		expect([last?.cost, last?.cumulative, last?.cumulativePercent]).toEqual(['$559', '$3,691', '86.8 %']);
	});

	it('shows "n/a" for a percentage of a baseline that rounds to $0.00, and says so', () => {
		const table = savingsTableRows(rowsOf(0.000001, 0.000001, 794.78125, 794.78125, 400));
		expect(table.noPercent).toBe(true);
		expect(table.rows.map((r) => [r.stepPercent, r.cumulativePercent])).toStrictEqual([
			['—', '—'],
			['n/a', 'n/a'],
			['n/a', 'n/a'],
			// the step is against the row above ($795), which does not round to $0.00
			['0.0 %', 'n/a'],
			['49.7 %', 'n/a']
		]);
	});

	it('shows "n/a" for a step whose row above rounds to $0.00 even when the baseline does not', () => {
		const table = savingsTableRows(rowsOf(10, 0.001, 5, 5, 5));
		expect(table.rows.map((r) => [r.stepPercent, r.cumulativePercent])).toStrictEqual([
			['—', '—'],
			['100.0 %', '100.0 %'],
			['n/a', '50.0 %'],
			['0.0 %', '50.0 %'],
			['0.0 %', '50.0 %']
		]);
		expect(table.noPercent).toBe(true);
	});

	it('keeps the rows it was given and does not mutate them', () => {
		const rows = rowsOf(100, 80, 90, 90, 45);
		const copy = structuredClone(rows);
		expect(savingsTableRows(rows).rows.map((r) => r.row)).toStrictEqual(rows);
		expect(rows).toStrictEqual(copy);
		expect(savingsTableRows([])).toStrictEqual({ rows: [], noPercent: false });
	});
});
