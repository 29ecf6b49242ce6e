// TTL advice (docs/pricing-model.md §4 "TTL advice"): each choice at its own derived hit
// ratio, the cheapest and its lead, and the rates at which the cheapest changes. Cost lines
// come from requestCost on the §11.5 support-triage shape (Sonnet 4.6, anthropic-2026-11):
// 13,500 in of which 12,000 cached, 800 out -> none $0.0525; 5 minutes $0.0615 at h = 0 and
// $0.0201 at h = 1; 1 hour $0.0885 and $0.0201 (hand arithmetic: 1,500 × 3 + 12,000 × 3.75
// + 800 × 15 = 61,500 per million, and so on).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CACHE_MODES,
	EQUAL_COST,
	costPerRequestAtRate,
	flipRates,
	requestCost,
	trafficHitRatio,
	ttlAdvice,
	ttlAdviceSeries,
	type CacheMode,
	type CostLines,
	type RequestShape,
	type Traffic
} from '$lib/engine';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';

const november = getSheet('anthropic-2026-11');
const FACTORS = { batch: 0.5, usOnlyInference: 1.1 };

function linesFor(model: ModelPrice, shape: RequestShape): CostLines {
	const at = (caching: { hitRatio: number; ttl: '5m' | '1h' } | null) => requestCost(model, shape, { caching, batchShare: 0 }, FACTORS).total;
	return {
		none: at(null),
		'5m': { atZero: at({ hitRatio: 0, ttl: '5m' }), atOne: at({ hitRatio: 1, ttl: '5m' }) },
		'1h': { atZero: at({ hitRatio: 0, ttl: '1h' }), atOne: at({ hitRatio: 1, ttl: '1h' }) }
	};
}

const sonnet = getModel(november, 'sonnet-4-6');
const TRIAGE = linesFor(sonnet, { input: 13_500, prefix: 12_000, output: 800 });
const OFFICE: Traffic = { distinctPrefixes: 100, activeHoursPerDay: 8, activeDaysPerMonth: 22 };

/** a and b agree to 1e-9 relative. */
const equalTo1e9 = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** The cheapest choice at a rate, by the rule the engine documents (equal costs go to the cheaper write). */
function cheapestAt(lines: CostLines, rate: number, hours: number): CacheMode {
	const cost = CACHE_MODES.map((m) => costPerRequestAtRate(lines, m, rate, hours));
	const min = Math.min(...cost);
	return CACHE_MODES[cost.findIndex((c) => c <= min + EQUAL_COST * Math.abs(min))] as CacheMode;
}

describe('the cost lines (hand arithmetic)', () => {
	it('none $0.0525, 5 minutes $0.0615 -> $0.0201, 1 hour $0.0885 -> $0.0201', () => {
		expect(TRIAGE.none).toBeCloseTo(0.0525, 12);
		expect(TRIAGE['5m'].atZero).toBeCloseTo(0.0615, 12);
		expect(TRIAGE['5m'].atOne).toBeCloseTo(0.0201, 12);
		expect(TRIAGE['1h'].atZero).toBeCloseTo(0.0885, 12);
		expect(TRIAGE['1h'].atOne).toBeCloseTo(0.0201, 12);
	});
});

describe('ttlAdvice', () => {
	it('prices each choice at its own hit ratio: 300,000 requests, 100 prefixes, 8 h, 22 days', () => {
		const advice = ttlAdvice(TRIAGE, 300_000, OFFICE);
		// 300,000 / (100 × 8 × 22) = 17.045 an hour per prefix.
		expect(advice.ratePerHour).toBeCloseTo(300_000 / 17_600, 12);
		const h5 = trafficHitRatio(300_000, OFFICE, '5m');
		const h1 = trafficHitRatio(300_000, OFFICE, '1h');
		expect(advice.hitRatio).toEqual({ '5m': h5, '1h': h1 });
		expect(h5 * 100).toBeCloseTo(75.54, 2);
		expect(h1 * 100).toBeCloseTo(99.27, 2);
		expect(advice.monthly.none).toBeCloseTo(15_750, 9);
		expect(advice.monthly['5m']).toBeCloseTo(300_000 * (0.0615 - 0.0414 * h5), 9);
		expect(advice.monthly['1h']).toBeCloseTo(300_000 * (0.0885 - 0.0684 * h1), 9);
		expect(advice.cheapest).toBe('1h');
		expect(advice.runnerUp).toBe('5m');
		expect(advice.margin).toBeCloseTo(advice.monthly['5m'] - advice.monthly['1h'], 9);
		expect(Math.round(advice.margin)).toBe(2888);
	});

	it('with 10 times the prefixes the 5-minute entries go cold: 1.7 an hour each, and 1 hour still wins', () => {
		const advice = ttlAdvice(TRIAGE, 300_000, { ...OFFICE, distinctPrefixes: 1000 });
		expect(advice.ratePerHour).toBeCloseTo(1.7045, 4);
		expect(advice.hitRatio['5m']).toBeLessThan(0.15);
		expect(advice.cheapest).toBe('1h');
		expect(advice.runnerUp).toBe('none');
	});

	it('0 requests: nothing costs anything and no cache is the choice', () => {
		const advice = ttlAdvice(TRIAGE, 0, OFFICE);
		expect(advice.hitRatio).toEqual({ '5m': 0, '1h': 0 });
		expect(advice.monthly).toEqual({ none: 0, '5m': 0, '1h': 0 });
		expect(advice.cheapest).toBe('none');
		expect(advice.margin).toBe(0);
	});

	it('a prefix below the minimum caches nothing: all three lines are the same, no flips', () => {
		const lines = linesFor(sonnet, { input: 13_500, prefix: 1000, output: 800 });
		const advice = ttlAdvice(lines, 300_000, OFFICE);
		expect(advice.monthly['5m']).toBe(advice.monthly.none);
		expect(advice.cheapest).toBe('none');
		expect(advice.margin).toBe(0);
		expect(advice.flips).toEqual([]);
	});

	it('does not mutate its arguments', () => {
		const lines = structuredClone(TRIAGE);
		const traffic = { ...OFFICE };
		ttlAdvice(Object.freeze(lines), 300_000, Object.freeze(traffic));
		expect(lines).toEqual(TRIAGE);
		expect(traffic).toEqual(OFFICE);
	});
});

describe('flipRates', () => {
	it('8 hours a day: no cache below 0.813 an hour, then 1 hour, then 5 minutes above 82.96', () => {
		const flips = flipRates(TRIAGE, 8);
		expect(flips.map((f) => [f.from, f.to])).toEqual([
			['none', '1h'],
			['1h', '5m']
		]);
		expect(flips[0]!.ratePerHour).toBeCloseTo(0.8129, 4);
		expect(flips[1]!.ratePerHour).toBeCloseTo(82.96, 2);
	});

	it('at each flip the two choices cost the same to 1e-9, and each side has the stated winner', () => {
		for (const hours of [0.5, 1, 8, 10, 16, 24]) {
			const flips = flipRates(TRIAGE, hours);
			expect(flips.length).toBeGreaterThan(0);
			for (const f of flips) {
				const from = costPerRequestAtRate(TRIAGE, f.from, f.ratePerHour, hours);
				const to = costPerRequestAtRate(TRIAGE, f.to, f.ratePerHour, hours);
				expect(equalTo1e9(from, to), `${hours} h at ${f.ratePerHour}: ${from} vs ${to}`).toBe(true);
				expect(equalTo1e9(f.costPerRequest, from)).toBe(true);
				expect(cheapestAt(TRIAGE, f.ratePerHour * (1 - 1e-6), hours)).toBe(f.from);
				expect(cheapestAt(TRIAGE, f.ratePerHour * (1 + 1e-6), hours)).toBe(f.to);
			}
		}
	});

	it('around the clock, 5 minutes takes over from 1 hour where their costs agree to a trillionth', () => {
		// Both TTLs miss next to nothing: 1 − h_5m = e^(−5λ). The 1-hour edge falls below EQUAL_COST.
		const [first, second] = flipRates(TRIAGE, 24);
		expect(first).toMatchObject({ from: 'none', to: '1h' });
		expect(second).toMatchObject({ from: '1h', to: '5m' });
		const gap = costPerRequestAtRate(TRIAGE, '5m', second!.ratePerHour, 24) - costPerRequestAtRate(TRIAGE, '1h', second!.ratePerHour, 24);
		// The documented rule: equal to 1e-12 (EQUAL_COST), equal costs go to the cheaper write.
		expect(EQUAL_COST).toBe(1e-12);
		expect(gap / TRIAGE['5m'].atOne).toBeCloseTo(1e-12, 14);
	});

	it('depend on the hours a day only: ttlAdvice gives the same rates for any n and D, with their monthly requests', () => {
		const a = ttlAdvice(TRIAGE, 1000, OFFICE).flips;
		const b = ttlAdvice(TRIAGE, 5, { distinctPrefixes: 3, activeHoursPerDay: 8, activeDaysPerMonth: 30 }).flips;
		expect(a.map((f) => f.ratePerHour)).toEqual(b.map((f) => f.ratePerHour));
		expect(a[0]!.requestsPerMonth).toBeCloseTo(a[0]!.ratePerHour * 100 * 8 * 22, 9);
		expect(b[0]!.requestsPerMonth).toBeCloseTo(b[0]!.ratePerHour * 3 * 8 * 30, 9);
	});

	it('(property) a dense scan finds a change of winner only next to a reported flip, and flips are solved to 1e-9', () => {
		const positive = fc.double({ min: 1e-4, max: 10, noNaN: true });
		const linesArb = fc
			.record({ none: positive, r: positive, w5: fc.double({ min: 1, max: 3, noNaN: true }), w1: fc.double({ min: 1, max: 4, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
			.map(({ none, r, w5, w1, share }): CostLines => {
				// A request of cost `none` whose cached share reads at r × (input) and writes at w5 or w1 × input.
				const rest = none * (1 - share);
				const read = Math.min(r / 10, 1) * none * share;
				return { none, '5m': { atZero: rest + w5 * none * share, atOne: rest + read }, '1h': { atZero: rest + w1 * none * share, atOne: rest + read } };
			});
		const hoursArb = fc.constantFrom(0.5, 1, 2, 8, 12, 23, 24);
		fc.assert(
			fc.property(linesArb, hoursArb, (lines, hours) => {
				const flips = flipRates(lines, hours);
				for (const f of flips) {
					const a = costPerRequestAtRate(lines, f.from, f.ratePerHour, hours);
					const b = costPerRequestAtRate(lines, f.to, f.ratePerHour, hours);
					// The bracket is 1e-9 of the rate wide; where a cost line is steeper than the cost
					// itself (a write far dearer than the cost at the flip), the costs at its middle
					// can differ by a little more than 1e-9 of it (seed 823429514: 1.00006e-9).
					expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-8 * Math.max(a, b));
				}
				// 200 points a decade from 1e-4 to 1e6: each change of winner sits within a step of a
				// flip, unless the two choices cost the same to 1e-9 on both sides of the step (then
				// the winner is decided by EQUAL_COST and float noise, and may change back and forth).
				const tied = (a: CacheMode, b: CacheMode, rate: number) =>
					equalTo1e9(costPerRequestAtRate(lines, a, rate, hours), costPerRequestAtRate(lines, b, rate, hours));
				let previous = cheapestAt(lines, 1e-4, hours);
				for (let i = 1; i <= 2000; i++) {
					const lo = 1e-4 * 10 ** ((i - 1) / 200);
					const hi = 1e-4 * 10 ** (i / 200);
					const now = cheapestAt(lines, hi, hours);
					if (now !== previous && !(tied(previous, now, lo) && tied(previous, now, hi))) {
						expect(flips.some((f) => f.ratePerHour >= lo * (1 - 1e-9) && f.ratePerHour <= hi * (1 + 1e-9))).toBe(true);
					}
					previous = now;
				}
			}),
			{ numRuns: 60 }
		);
	});
});

describe('ttlAdviceSeries', () => {
	it('60 points from 0.01 to 10,000 an hour; requests = rate × n × H × D; each choice at its own hit ratio', () => {
		const s = ttlAdviceSeries(TRIAGE, 300_000, OFFICE);
		expect(s.ratePerHour).toHaveLength(60);
		expect(s.ratePerHour[0]).toBeCloseTo(0.01, 15);
		expect(s.ratePerHour[59]).toBeCloseTo(10_000, 9);
		expect(s.ratePerHour[1]! / s.ratePerHour[0]!).toBeCloseTo(10 ** (6 / 59), 12);
		for (let i = 0; i < 60; i++) {
			const rate = s.ratePerHour[i]!;
			const requests = rate * 100 * 8 * 22;
			expect(s.requestsPerMonth[i]).toBeCloseTo(requests, 6);
			expect(s.monthly.none[i]).toBeCloseTo(requests * 0.0525, 6);
			expect(s.hitRatio['5m'][i]).toBeCloseTo(trafficHitRatio(requests, OFFICE, '5m'), 12);
			expect(s.monthly['1h'][i]).toBeCloseTo(requests * (0.0885 - 0.0684 * trafficHitRatio(requests, OFFICE, '1h')), 6);
		}
	});

	it('carries the flips inside the range, with their monthly cost, and the workload itself', () => {
		const s = ttlAdviceSeries(TRIAGE, 300_000, OFFICE);
		expect(s.flips.map((f) => f.to)).toEqual(['1h', '5m']);
		for (const f of s.flips) expect(f.monthly).toBeCloseTo(f.ratePerHour * 17_600 * f.costPerRequest, 6);
		expect(s.workload.ratePerHour).toBeCloseTo(300_000 / 17_600, 12);
		expect(s.workload.monthly).toEqual(ttlAdvice(TRIAGE, 300_000, OFFICE).monthly);
		expect(ttlAdviceSeries(TRIAGE, 300_000, OFFICE, { fromPerHour: 1, toPerHour: 50, points: 5 }).flips).toEqual([]);
	});

	it('says how to fix a bad range', () => {
		expect(() => ttlAdviceSeries(TRIAGE, 1, OFFICE, { points: 1 })).toThrow(/at least 2 points/);
		expect(() => ttlAdviceSeries(TRIAGE, 1, OFFICE, { fromPerHour: 10, toPerHour: 1 })).toThrow(/fromPerHour < toPerHour/);
	});
});
