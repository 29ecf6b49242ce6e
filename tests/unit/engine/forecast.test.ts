// The forecast (issue: plan and present): compounding growth of each workload's Today and
// Planned, quarters, horizon edges and retirements inside the window. Figures by hand.
import { describe, expect, it } from 'vitest';
import { addMonths, computePlan, forecast } from '$lib/engine';
import { emptyScenarioV2, neutralWorkload } from '$lib/scenario/defaults';
import type { RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

/** A workload that costs exactly $1,000 a month Today and Planned: 1,000,000 requests of 0.1 web searches ($0.001), no tokens. */
function thousand(name = 'A'): RequestWorkload {
	const w = neutralWorkload(name, 'sonnet-4-6');
	return {
		...w,
		requestsPerMonth: 1_000_000,
		inputTokens: 0,
		cachedPrefixTokens: 0,
		outputTokens: 0,
		webSearchesPerRequest: 0.1, // $0.001 a request: $1,000 a month, no tokens
		tokensCountedOn: 'legacy',
		planned: { ...w.planned, batchPercent: 0 }
	};
}

function scenario(workloads: RequestWorkload[]): ScenarioV2 {
	return { ...emptyScenarioV2(), workloads };
}

describe('addMonths', () => {
	it.each([
		['2026-11', 0, '2026-11'],
		['2026-11', 1, '2026-12'],
		['2026-11', 2, '2027-01'],
		['2026-01', 23, '2027-12'],
		['2026-03', -3, '2025-12']
	])('%s + %i = %s', (start, n, expected) => {
		expect(addMonths(start, n)).toBe(expected);
	});
});

describe('forecast', () => {
	const s = scenario([thousand()]);
	const plan = computePlan(s);

	it('starts from the plan: $1,000 a month today (100,000 web searches)', () => {
		expect(plan.today).toBeCloseTo(1000, 9);
	});

	it('compounds monthly growth: $1,000, $1,100, $1,210 -> $3,310 over 3 months at 10 %', () => {
		const f = forecast(s, plan, { startMonth: '2026-12', horizonMonths: 3, growthPercent: 10 });
		expect(f.months.map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02']);
		expect(f.months.map((m) => m.today)).toEqual([expect.closeTo(1000, 9), expect.closeTo(1100, 9), expect.closeTo(1210, 9)]);
		expect(f.total.today).toBeCloseTo(3310, 9);
		expect(f.quarters.map((q) => [q.label, q.today])).toEqual([
			['Q4 2026', expect.closeTo(1000, 9)],
			['Q1 2027', expect.closeTo(2310, 9)]
		]);
	});

	it('shrinks with negative growth: -50 % halves each month; -100 % leaves only the first', () => {
		const half = forecast(s, plan, { startMonth: '2027-01', horizonMonths: 3, growthPercent: -50 });
		expect(half.months.map((m) => m.today)).toEqual([expect.closeTo(1000, 9), expect.closeTo(500, 9), expect.closeTo(250, 9)]);
		const gone = forecast(s, plan, { startMonth: '2027-01', horizonMonths: 3, growthPercent: -150 });
		expect(gone.months.map((m) => m.today)).toEqual([expect.closeTo(1000, 9), 0, 0]);
	});

	it('keeps the horizon within 3 to 24 months', () => {
		expect(forecast(s, plan, { startMonth: '2027-01', horizonMonths: 1, growthPercent: 0 }).months).toHaveLength(3);
		expect(forecast(s, plan, { startMonth: '2027-01', horizonMonths: 24, growthPercent: 0 }).months).toHaveLength(24);
		expect(forecast(s, plan, { startMonth: '2027-01', horizonMonths: 99, growthPercent: 0 }).months).toHaveLength(24);
		const year = forecast(s, plan, { startMonth: '2027-01', horizonMonths: 12, growthPercent: 0 });
		expect(year.quarters.map((q) => q.label)).toEqual(['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
		expect(year.total.today).toBeCloseTo(12_000, 9);
	});

	it('lets a workload grow at its own rate', () => {
		const two = scenario([thousand('A'), thousand('B')]);
		const f = forecast(two, computePlan(two), { startMonth: '2027-01', horizonMonths: 3, growthPercent: 0, workloadGrowthPercent: [null, 100] });
		// A stays at 1,000; B doubles: 1,000, 2,000, 4,000.
		expect(f.months.map((m) => m.today)).toEqual([expect.closeTo(2000, 9), expect.closeTo(3000, 9), expect.closeTo(5000, 9)]);
	});

	it('warns of a model in use retiring inside the window, with the suggested replacement', () => {
		const w = { ...thousand(), today: { ...thousand().today, mixPercent: { 'sonnet-4-5': 100 } } };
		const withSonnet45 = scenario([w]);
		const p = computePlan(withSonnet45);
		const inside = forecast(withSonnet45, p, { startMonth: '2026-10', horizonMonths: 3, growthPercent: 0 });
		expect(inside.retirements.map((r) => [r.model.id, r.date, r.month, r.replacement?.id])).toEqual([['sonnet-4-5', '2026-11-30', '2026-11', 'sonnet-5-5']]);
		expect(forecast(withSonnet45, p, { startMonth: '2026-12', horizonMonths: 3, growthPercent: 0 }).retirements).toEqual([]);
		expect(forecast(withSonnet45, p, { startMonth: '2026-08', horizonMonths: 3, growthPercent: 0 }).retirements).toEqual([]);
	});
});

describe('forecast: quarters, the total and the window’s edges', () => {
	// 1,000,000 requests of 1,000 input tokens on Sonnet 4.6 ($3/MTok): $3,000 a month Today;
	// Planned all through the Batch API at half price: $1,500.
	const w = thousand();
	const batched: RequestWorkload = {
		...w,
		inputTokens: 1000,
		webSearchesPerRequest: 0,
		planned: { ...w.planned, batchPercent: 100 }
	};
	const s = scenario([batched]);
	const plan = computePlan(s);

	it('sums Today, Planned and the saving per quarter and in a total labelled Total', () => {
		const f = forecast(s, plan, { startMonth: '2026-12', horizonMonths: 3, growthPercent: 0 });
		expect(f.quarters.map((q) => [q.label, q.today, q.planned, q.saving])).toEqual([
			['Q4 2026', expect.closeTo(3000, 9), expect.closeTo(1500, 9), expect.closeTo(1500, 9)],
			['Q1 2027', expect.closeTo(6000, 9), expect.closeTo(3000, 9), expect.closeTo(3000, 9)]
		]);
		expect([f.total.label, f.total.today, f.total.planned, f.total.saving]).toEqual(['Total', expect.closeTo(9000, 9), expect.closeTo(4500, 9), expect.closeTo(4500, 9)]);
	});

	it('counts a retirement in the first and in the last month of the window (Sonnet 4.5, 2026-11-30)', () => {
		const onSonnet45 = scenario([{ ...w, today: { ...w.today, mixPercent: { 'sonnet-4-5': 100 } } }]);
		const p = computePlan(onSonnet45);
		const ids = (startMonth: string) => forecast(onSonnet45, p, { startMonth, horizonMonths: 3, growthPercent: 0 }).retirements.map((r) => r.month);
		expect(ids('2026-11')).toEqual(['2026-11']);
		expect(ids('2026-09')).toEqual(['2026-11']);
		expect(ids('2026-12')).toEqual([]);
		expect(ids('2026-08')).toEqual([]);
	});
});
