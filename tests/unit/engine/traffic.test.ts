// Hit ratio from traffic (docs/pricing-model.md §4). Reference values: the spec's checks,
// to the digits it shows, and its hand-worked intermediate figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalsPerMinute, hitRatioAtRate, ratePerHourPerPrefix, requestsAtRate, trafficHitRatio, type Traffic } from '$lib/engine';

const traffic = (distinctPrefixes: number, activeHoursPerDay: number, activeDaysPerMonth: number): Traffic => ({
	distinctPrefixes,
	activeHoursPerDay,
	activeDaysPerMonth
});

describe('arrivalsPerMinute', () => {
	it('λ = requests / (n × D × 60H): 10,000 a month, one prefix, 8 h, 22 days -> 0.94697', () => {
		expect(arrivalsPerMinute(10_000, traffic(1, 8, 22))).toBeCloseTo(10_000 / (22 * 480), 12);
		expect(arrivalsPerMinute(10_000, traffic(1, 8, 22))).toBeCloseTo(0.94697, 5);
	});

	it('spreads over prefixes and the rate per hour is 60 λ', () => {
		expect(arrivalsPerMinute(10_000, traffic(4, 8, 22))).toBeCloseTo(10_000 / (4 * 22 * 480), 12);
		expect(ratePerHourPerPrefix(440, traffic(1, 10, 22))).toBeCloseTo(2, 12);
		expect(requestsAtRate(2, traffic(1, 10, 22))).toBeCloseTo(440, 12);
	});

	it('says how to fix a call with impossible traffic', () => {
		expect(() => arrivalsPerMinute(100, traffic(0, 8, 22))).toThrow(/distinctPrefixes/);
		expect(() => arrivalsPerMinute(100, traffic(1, 25, 22))).toThrow(/activeHoursPerDay.*at most 24/);
		expect(() => arrivalsPerMinute(100, traffic(1, 8, 0))).toThrow(/activeDaysPerMonth/);
		expect(() => arrivalsPerMinute(-1, traffic(1, 8, 22))).toThrow(/requestsPerMonth/);
		expect(() => arrivalsPerMinute(Number.NaN, traffic(1, 8, 22))).toThrow(/requestsPerMonth/);
	});
});

describe('trafficHitRatio: the checks of §4', () => {
	it('12 an hour on one prefix around the clock: 5 minutes 1 − e^(−1) = 63.21 %, 1 hour 1 − e^(−12) = 99.9994 %', () => {
		// 12 an hour = 8,640 in a 30-day month.
		const t = traffic(1, 24, 30);
		expect(trafficHitRatio(8640, t, '5m')).toBeCloseTo(1 - Math.exp(-1), 12);
		expect(trafficHitRatio(8640, t, '5m') * 100).toBeCloseTo(63.21, 2);
		expect(trafficHitRatio(8640, t, '1h')).toBeCloseTo(1 - Math.exp(-12), 12);
		expect(trafficHitRatio(8640, t, '1h') * 100).toBeCloseTo(99.9994, 4);
	});

	it('10,000 a month, one prefix, 8 h, 22 days: misses 4.94225 of 454.55 -> 98.91 %; one miss a window -> 99.78 %', () => {
		const t = traffic(1, 8, 22);
		const h5 = trafficHitRatio(10_000, t, '5m');
		// The spec's misses per window: 0.99122 + 0.94697 × 475 × 0.0087838 = 4.94225.
		expect((1 - h5) * (10_000 / 22)).toBeCloseTo(4.94225, 4);
		expect(h5 * 100).toBeCloseTo(98.91, 2);
		const h1 = trafficHitRatio(10_000, t, '1h');
		expect(h1).toBeCloseTo(1 - 22 / 10_000, 12); // exactly one miss in each of 22 windows
		expect(h1 * 100).toBeCloseTo(99.78, 2);
	});

	it('440 a month, 10 h, 22 days (2 an hour): misses 16.942072 of 20 -> 15.29 %; 3.300700 of 20 -> 83.50 %', () => {
		const t = traffic(1, 10, 22);
		expect((1 - trafficHitRatio(440, t, '5m')) * 20).toBeCloseTo(16.942072, 5);
		expect(trafficHitRatio(440, t, '5m') * 100).toBeCloseTo(15.29, 2);
		expect((1 - trafficHitRatio(440, t, '1h')) * 20).toBeCloseTo(3.3007, 5);
		expect(trafficHitRatio(440, t, '1h') * 100).toBeCloseTo(83.5, 2);
	});

	it('a window shorter than the TTL: every request after the first hits, misses = 1 − e^(−λW)', () => {
		// 30 minutes a day (H = 0.5, W = 30 < 60), λ = 0.1 a minute: λW = 3.
		const h = hitRatioAtRate(0.1, 0.5, '1h');
		expect(h).toBeCloseTo(1 - (1 - Math.exp(-3)) / 3, 12);
		// At W = T the two forms agree: W = 60 with the 1-hour TTL.
		expect(hitRatioAtRate(0.1, 1, '1h')).toBeCloseTo(1 - (1 - Math.exp(-6)) / 6, 12);
	});

	it('0 requests hit nothing; huge and infinite rates stay finite and reach 1', () => {
		expect(trafficHitRatio(0, traffic(1, 8, 22), '5m')).toBe(0);
		expect(trafficHitRatio(0, traffic(1, 24, 30), '1h')).toBe(0);
		for (const hours of [0.5, 8, 24]) {
			for (const ttl of ['5m', '1h'] as const) {
				const h = hitRatioAtRate(1e300, hours, ttl);
				expect(Number.isNaN(h)).toBe(false);
				expect(h).toBeCloseTo(1, 12);
				expect(hitRatioAtRate(Infinity, hours, ttl)).toBe(1);
			}
		}
	});

	it('tiny rates keep their precision: h ≈ λT (1 − T/2W) on a window, λT around the clock', () => {
		const lambda = 1e-12;
		expect(hitRatioAtRate(lambda, 8, '5m') / (lambda * 5 * (1 - 5 / 960))).toBeCloseTo(1, 9);
		expect(hitRatioAtRate(lambda, 24, '1h') / (lambda * 60)).toBeCloseTo(1, 9);
		expect(hitRatioAtRate(lambda, 0.5, '1h') / ((lambda * 30) / 2)).toBeCloseTo(1, 9);
		// Either side of the switch to the power series (λT = 0.01) the value is continuous.
		const below = hitRatioAtRate(0.002 * (1 - 1e-12), 8, '5m');
		const above = hitRatioAtRate(0.002, 8, '5m');
		expect(Math.abs(above - below)).toBeLessThan(1e-14);
	});

	it('does not mutate the traffic it is given', () => {
		const t = Object.freeze(traffic(3, 8, 22));
		expect(trafficHitRatio(10_000, t, '5m')).toBeGreaterThan(0);
		expect(t).toEqual(traffic(3, 8, 22));
	});
});

describe('trafficHitRatio: properties', () => {
	const trafficArb = fc.record({
		distinctPrefixes: fc.integer({ min: 1, max: 100_000 }),
		activeHoursPerDay: fc.oneof(fc.constantFrom(1, 8, 24), fc.double({ min: 0.05, max: 24, noNaN: true })),
		activeDaysPerMonth: fc.integer({ min: 1, max: 31 })
	});
	const requestsArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 }));
	const ttlArb = fc.constantFrom('5m' as const, '1h' as const);
	const SLACK = 1e-12;

	it('h is in [0, 1]', () => {
		fc.assert(
			fc.property(requestsArb, trafficArb, ttlArb, (r, t, ttl) => {
				const h = trafficHitRatio(r, t, ttl);
				expect(h).toBeGreaterThanOrEqual(0);
				expect(h).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 2000 }
		);
	});

	it('h never falls as the rate rises', () => {
		fc.assert(
			fc.property(requestsArb, requestsArb, trafficArb, ttlArb, (a, b, t, ttl) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				expect(trafficHitRatio(hi, t, ttl)).toBeGreaterThanOrEqual(trafficHitRatio(lo, t, ttl) - SLACK);
			}),
			{ numRuns: 2000 }
		);
	});

	it('h never rises with more distinct prefixes', () => {
		fc.assert(
			fc.property(requestsArb, trafficArb, fc.integer({ min: 1, max: 1000 }), ttlArb, (r, t, extra, ttl) => {
				const more = { ...t, distinctPrefixes: t.distinctPrefixes + extra };
				expect(trafficHitRatio(r, more, ttl)).toBeLessThanOrEqual(trafficHitRatio(r, t, ttl) + SLACK);
			}),
			{ numRuns: 2000 }
		);
	});

	it('the 1-hour TTL hits at least as often as the 5-minute one', () => {
		fc.assert(
			fc.property(requestsArb, trafficArb, (r, t) => {
				expect(trafficHitRatio(r, t, '1h')).toBeGreaterThanOrEqual(trafficHitRatio(r, t, '5m') - SLACK);
			}),
			{ numRuns: 2000 }
		);
	});
});
