// Chart series and the month at their edges, against values worked out by hand on the March
// sheet (Sonnet 4.6: $3 in, $3.75 / $6 writes, $0.30 read, $15 out; caches from 1,024 tokens).
import { describe, expect, it } from 'vitest';
import { breakEvenPoints, monthlyCost, sharedContextSeries } from '$lib/engine';
import { defaultScenario } from '$lib/scenario/defaults';
import type { PriceOverride, Scenario } from '$lib/scenario/schema';

/** 1,000 requests on Sonnet 4.6 of 6,000 input tokens, a 5,000-token prefix, 500 output; no batch, no trimming. */
function sonnet(override: PriceOverride = {}, patch: Partial<Scenario> = {}): Scenario {
	return {
		...defaultScenario(),
		requestsPerMonth: 1000,
		baselineModel: 'sonnet-4-6',
		mixPercent: { 'sonnet-4-6': 100 },
		batchPercent: 0,
		inputTrimPercent: 0,
		outputTrimPercent: 0,
		prices: { 'sonnet-4-6': override },
		...patch
	};
}

describe('breakEvenPoints', () => {
	it('leaves out a TTL whose read costs as much as its write (the line never drops)', () => {
		// 1-hour write overridden to the read's $0.30: no break-even for it; 5-minute: 0.25 / 1.15.
		const points = breakEvenPoints(sonnet({ cacheWrite1hPerMTok: 0.3 }));
		expect(points.map((p) => p.ttl)).toEqual(['5m']);
		expect(points[0]?.hitPercent).toBeCloseTo((0.25 / 1.15) * 100, 9);
	});

	it('is empty when reads cost at least the writes of both TTLs', () => {
		expect(breakEvenPoints(sonnet({ cacheReadPerMTok: 6 }))).toEqual([]);
	});
});

describe('sharedContextSeries crossings', () => {
	it('is cheaper from the first request when writing costs less than plain input', () => {
		// 5-minute write at $1 < $3 input: the first request already saves 5,000 x $2 / 1M.
		const series = sharedContextSeries(sonnet({ cacheWrite5mPerMTok: 1 }));
		expect(series.crossing['5m']).toBe(1);
		expect((series.cost.none[0] as number) - (series.cost['5m'][0] as number)).toBeCloseTo(0.01, 12);
		// 1-hour ($6 write, $0.30 read): 3 x 5,000 = 15,000 premium, repaid at 2.7 x 5,000 a read: from request 3.
		expect(series.crossing['1h']).toBe(3);
	});
});

describe('monthlyCost web searches', () => {
	it('bills $10 per 1,000 searches for every request of the month', () => {
		// 1,000 requests x 2 searches x $0.01 = $20
		const month = monthlyCost(sonnet({}, { webSearchesPerRequest: 2 }));
		expect(month.webSearches).toBeCloseTo(20, 12);
		expect(month.models[0]?.webSearches).toBeCloseTo(20, 12);
		expect(month.models[0]?.perRequest.webSearches).toBeCloseTo(0.02, 12);
	});
});
