// The tables' raw figures for Download CSV / Copy table, on the worked example of
// docs/pricing-model.md §11.5 (Today $15,750, Prompt caching $7,272, Batch API $5,817.60).
import { describe, expect, it } from 'vitest';
import { computePlan, forecast } from '$lib/engine';
import { forecastTable, modelTable, savingsTable, workloadTable } from '$lib/export/tables';
import { toCsv } from '$lib/export/csv';
import { exampleScenarioV2, neutralWorkload } from '$lib/scenario/defaults';
import type { ScenarioV2 } from '$lib/scenario/types';

const example = exampleScenarioV2();
const plan = computePlan(example);

describe('savingsTable', () => {
	const t = savingsTable(plan.rows);

	it('has a header row with the unit of every number column', () => {
		expect(t.columns).toEqual(['Lever', 'Monthly cost (USD)', 'Saving vs previous (USD)', 'Saving vs previous (%)', 'Cumulative saving (USD)', 'Cumulative saving (%)']);
		expect(t.name).toBe('Stacked savings');
	});

	it('gives the rows of the page in order, with raw numbers (§11.5 by hand)', () => {
		expect(t.rows.map((r) => r[0])).toEqual(['Today', 'Model routing', 'Prompt caching', 'Batch API', 'Fast mode', 'Token optimization']);
		const cost = Object.fromEntries(t.rows.map((r) => [r[0], r[1]]));
		expect(cost.Today).toBeCloseTo(15750, 9);
		expect(cost['Prompt caching']).toBeCloseTo(7272, 9);
		expect(cost['Batch API']).toBeCloseTo(5817.6, 9);
		const caching = t.rows[2] as number[];
		expect(caching[2]).toBeCloseTo(15750 - 7272, 9);
		expect(caching[3]).toBeCloseTo(((15750 - 7272) / 15750) * 100, 9);
		const batch = t.rows[3] as number[];
		expect(batch[4]).toBeCloseTo(15750 - 5817.6, 9);
		expect(batch[5]).toBeCloseTo(((15750 - 5817.6) / 15750) * 100, 9);
	});

	it('leaves the baseline row\'s comparisons empty (the page shows "—")', () => {
		expect(t.rows[0]?.slice(2)).toEqual([null, null, null, null]);
	});

	it('leaves a percentage of an amount that rounds to $0.00 empty (the page shows "n/a")', () => {
		const tiny: ScenarioV2 = { ...example, workloads: [{ ...neutralWorkload('Tiny', 'sonnet-4-6'), requestsPerMonth: 0 }] };
		const rows = savingsTable(computePlan(tiny).rows).rows;
		expect(rows[1]?.[3]).toBeNull();
		expect(rows[1]?.[5]).toBeNull();
		expect(rows[1]?.[2]).toBe(0);
	});

	it('writes CSV number cells without currency or percent signs', () => {
		const lines = toCsv(t).trim().split('\r\n').slice(1);
		for (const line of lines) expect(line).not.toMatch(/[$%]/);
		expect(lines[0]).toBe('Today,15750,,,,');
	});
});

describe('workloadTable and modelTable', () => {
	const two: ScenarioV2 = { ...example, workloads: [example.workloads[0]!, { ...neutralWorkload('Nightly batch', 'haiku-4-5'), requestsPerMonth: 0 }] };
	const p = computePlan(two);

	it('per workload: Total first, then each workload, the saving in dollars and percent', () => {
		const t = workloadTable(p);
		expect(t.rows.map((r) => r[0])).toEqual(['Total', 'Support triage', 'Nightly batch']);
		const total = t.rows[0] as number[];
		expect(total[1]).toBeCloseTo(15750, 9);
		expect(total[2]).toBeCloseTo(5817.6, 9);
		expect(total[3]).toBeCloseTo(9932.4, 9);
		expect(total[4]).toBeCloseTo((9932.4 / 15750) * 100, 9);
		expect(t.rows[2]?.[4]).toBeNull(); // $0 Today: no percentage
	});

	it('per model: Total first, then each model with its sheet id and the change', () => {
		const t = modelTable(plan);
		expect(t.columns).toEqual(['Model', 'Model id', 'Today (USD a month)', 'Planned (USD a month)', 'Change (USD a month)']);
		expect(t.rows[0]?.slice(0, 2)).toEqual(['Total', null]);
		expect(t.rows[1]?.slice(0, 2)).toEqual(['Sonnet 4.6', 'sonnet-4-6']);
		expect(t.rows[1]?.[4] as number).toBeCloseTo(5817.6 - 15750, 9);
	});

	it('does not mutate the plan', () => {
		const before = structuredClone(p);
		workloadTable(p);
		modelTable(p);
		savingsTable(p.rows);
		expect(p).toEqual(before);
	});
});

describe('forecastTable', () => {
	// $15,750 Today and $5,817.60 Planned a month, growing 10 % a month, 3 months from December 2026.
	const f = forecast(example, plan, { startMonth: '2026-12', horizonMonths: 3, growthPercent: 10 });
	const t = forecastTable(f);

	it('exports each month, then each quarter, then the total, told apart by Period', () => {
		expect(t.columns).toEqual(['Period', 'Month or quarter', 'Today (USD)', 'Planned (USD)', 'Saved (USD)']);
		expect(t.rows.map((r) => [r[0], r[1]])).toEqual([
			['month', '2026-12'],
			['month', '2027-01'],
			['month', '2027-02'],
			['quarter', 'Q4 2026'],
			['quarter', 'Q1 2027'],
			['total', 'Total']
		]);
	});

	it('gives raw figures compounded by hand: 15,750 x (1 + 1.1 + 1.21) = 52,132.50', () => {
		expect(t.rows[1]?.[2] as number).toBeCloseTo(17325, 9);
		expect(t.rows[2]?.[3] as number).toBeCloseTo(5817.6 * 1.21, 9);
		expect(t.rows[4]?.[2] as number).toBeCloseTo(15750 * 2.31, 9);
		expect(t.rows[5]?.[2] as number).toBeCloseTo(52132.5, 9);
		expect(t.rows[5]?.[4] as number).toBeCloseTo((15750 - 5817.6) * 3.31, 9);
	});

	it('writes the CSV with plain numbers', () => {
		expect(toCsv(t).split('\r\n')[1]).toBe('month,2026-12,15750,5817.6,9932.4');
	});
});
