// TTL advice for a workload with traffic (docs/pricing-model.md §4): the figures the browser
// test types (10,080 requests a month, one prefix, 24 hours, 30 days: 14 an hour per prefix),
// worked by hand on the §11.5 shape with 40 % batch (cost lines in workloadCostLines.test.ts).
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { TTL_CHART_RANGE, ttlChartRange, workloadTtlAdvice, workloadTtlSeries } from '$lib/engine/workloadTtlAdvice';
import { exampleScenarioV2 } from '$lib/scenario/defaults';
import type { RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

const AROUND_THE_CLOCK = { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 };

function fourteenAnHour(patch: (w: RequestWorkload) => void = () => {}): { scenario: ScenarioV2; w: RequestWorkload } {
	const scenario = exampleScenarioV2();
	const w = scenario.workloads[0] as RequestWorkload;
	w.requestsPerMonth = 10_080;
	w.traffic = { ...AROUND_THE_CLOCK };
	patch(w);
	return { scenario, w };
}

describe('workloadTtlAdvice', () => {
	it('14 an hour per prefix: each TTL at its own hit ratio, 1 hour cheapest', () => {
		const { scenario, w } = fourteenAnHour();
		const a = workloadTtlAdvice(scenario, w);
		// rate = 10,080 / (1 × 24 × 30) = 14
		expect(a?.advice.ratePerHour).toBeCloseTo(14, 12);
		// λT = 14 × 5/60 = 7/6: h = 1 − e^(−7/6) = 0.688597; λT = 14: h = 1 − e^(−14)
		const h5 = 1 - Math.exp(-7 / 6);
		const h1 = 1 - Math.exp(-14);
		expect(a?.advice.hitRatio['5m']).toBeCloseTo(h5, 12);
		expect(a?.advice.hitRatio['1h']).toBeCloseTo(h1, 12);
		// none 10,080 × 0.042 = 423.36; 5 minutes 10,080 × (0.0492 − 0.03312 h5); 1 hour 10,080 × (0.0708 − 0.05472 h1)
		expect(a?.advice.monthly.none).toBeCloseTo(423.36, 9);
		expect(a?.advice.monthly['5m']).toBeCloseTo(10_080 * (0.0492 - 0.03312 * h5), 9);
		expect(a?.advice.monthly['1h']).toBeCloseTo(10_080 * (0.0708 - 0.05472 * h1), 9);
		expect(a?.advice.cheapest).toBe('1h');
		expect(a?.advice.runnerUp).toBe('5m');
		expect(a?.advice.margin).toBeCloseTo(10_080 * (0.0492 - 0.03312 * h5 - 0.0708 + 0.05472 * h1), 9);
		expect(a?.cacheable).toBe(true);
	});

	it('with one Planned model caching at a TTL, that TTL costs what computePlan bills Planned', () => {
		for (const ttl of ['5m', '1h'] as const) {
			const { scenario, w } = fourteenAnHour((w) => {
				w.planned.caching = { ttl, hitPercent: 90 };
			});
			expect(workloadTtlAdvice(scenario, w)?.advice.monthly[ttl]).toBeCloseTo(computePlan(scenario).planned, 9);
		}
	});

	it('for a Planned mix, the largest share sees only its own requests (a lower hit ratio)', () => {
		const { scenario, w } = fourteenAnHour((w) => {
			w.planned.mixPercent = { 'sonnet-4-6': 50, 'haiku-4-5': 50 };
		});
		const a = workloadTtlAdvice(scenario, w);
		expect(a?.model.id).toBe('sonnet-4-6');
		expect(a?.requests).toBe(5_040);
		// 7 an hour: 1 − e^(−7/12)
		expect(a?.advice.hitRatio['5m']).toBeCloseTo(1 - Math.exp(-7 / 12), 12);
	});

	it('says when the prefix is too short to cache on the model', () => {
		const { scenario, w } = fourteenAnHour((w) => {
			w.cachedPrefixTokens = 1000; // Sonnet 4.6 caches from 1,024
		});
		const a = workloadTtlAdvice(scenario, w);
		expect(a?.cacheable).toBe(false);
		expect(a?.advice.monthly['5m']).toBeCloseTo(a?.advice.monthly.none ?? NaN, 12);
	});

	it('is null without traffic, or with an empty Planned mix', () => {
		const { scenario, w } = fourteenAnHour((w) => {
			w.traffic = null;
		});
		expect(workloadTtlAdvice(scenario, w)).toBeNull();
		const empty = fourteenAnHour((w) => {
			w.planned.mixPercent = {};
		});
		expect(workloadTtlAdvice(empty.scenario, empty.w)).toBeNull();
	});
});

describe('ttlChartRange', () => {
	it('keeps 0.01 to 10,000 an hour (12 points a decade) when the rate and the flips are inside', () => {
		expect(ttlChartRange({ ratePerHour: 14, flips: [] })).toEqual({ fromPerHour: 0.01, toPerHour: 10_000, points: 73 });
		expect(TTL_CHART_RANGE.pointsPerDecade).toBe(12);
	});

	it('widens to whole decades around a rate or a flip outside', () => {
		const flip = (ratePerHour: number) => ({ ratePerHour, from: 'none' as const, to: '1h' as const, costPerRequest: 0, requestsPerMonth: 0 });
		expect(ttlChartRange({ ratePerHour: 0.003, flips: [] })).toEqual({ fromPerHour: 0.001, toPerHour: 10_000, points: 85 });
		expect(ttlChartRange({ ratePerHour: 20_000, flips: [flip(0.0002)] })).toEqual({ fromPerHour: 0.0001, toPerHour: 100_000, points: 109 });
		expect(ttlChartRange({ ratePerHour: 0, flips: [] }).fromPerHour).toBe(0.01);
	});
});

describe('workloadTtlSeries', () => {
	it("spans the chart's range and carries the workload's own figures", () => {
		const { scenario, w } = fourteenAnHour();
		const a = workloadTtlAdvice(scenario, w);
		if (!a) throw new Error('advice expected');
		const s = workloadTtlSeries(a);
		expect(s.ratePerHour).toHaveLength(73);
		expect(s.ratePerHour[0]).toBeCloseTo(0.01, 12);
		expect(s.ratePerHour[72]).toBeCloseTo(10_000, 6);
		expect(s.workload.ratePerHour).toBeCloseTo(14, 12);
		expect(s.workload.monthly).toEqual(a.advice.monthly);
		expect(s.flips.map((f) => f.to)).toEqual(a.advice.flips.map((f) => f.to));
	});
});
