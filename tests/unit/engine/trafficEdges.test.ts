// Edges of the traffic formulas (docs/pricing-model.md §4) the mutation report found
// untested: the power series used at low rates, checked to 15 digits against the exact
// series summed in rational arithmetic (BigInt, 60 digits); the validation of the inputs;
// TTL advice ties, a flip in the last step of its search, the series' bounds.
import { describe, expect, it } from 'vitest';
import { flipRates, hitRatioAtRate, trafficHitRatio, ttlAdvice, ttlAdviceSeries, type CostLines } from '$lib/engine';
import { derivedHitRatios } from '$lib/engine/derivedHitRatios';
import { neutralWorkload } from '$lib/scenario/defaults';

const SCALE = 10n ** 60n;

/** Σ_{k=1..40} sign(k) × (p/q)^k × coefficient(k), exactly (fixed point, 60 decimal digits), as a number. */
function exactSeries(p: bigint, q: bigint, term: (k: bigint) => { num: bigint; den: bigint; sign: 1n | -1n }): number {
	let sum = 0n;
	for (let k = 1n; k <= 40n; k++) {
		const { num, den, sign } = term(k);
		sum += (sign * num * p ** k * SCALE) / (den * q ** k);
	}
	return Number(sum) / 1e60;
}

const factorial = (n: bigint): bigint => (n <= 1n ? 1n : n * factorial(n - 1n));

/** Agreement to 15 significant digits (the series' own rounding is a few units in the 17th). */
const closeRelative = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-15 * Math.abs(expected));

describe('the low-rate power series (exact to 15 digits)', () => {
	it('a window shorter than the TTL: 1 − (1 − e^(−x)) / x at x = 150/16384', () => {
		// H = 0.5 (W = 30 minutes) with a 1-hour TTL; λ = 5 × 2^-14 a minute, so x = λW = 150/16384 exactly.
		// 1 − (1 − e^(−x)) / x = Σ_{k≥1} (−1)^(k+1) x^k / (k+1)!
		const expected = exactSeries(150n, 16384n, (k) => ({ num: 1n, den: factorial(k + 1n), sign: k % 2n ? 1n : -1n }));
		closeRelative(hitRatioAtRate(5 * 2 ** -14, 0.5, '1h'), expected);
		expect(expected).toBeCloseTo(0.0045637, 7);
	});

	it('a cold window as long as the TTL: (1 − e^(−a)) − (1 − e^(−a) − a e^(−a)) / a at a = 300/32768', () => {
		// H = 1 (W = 60 minutes), 1-hour TTL (T/W = 1); λ = 5 × 2^-15 a minute, so a = λT = 300/32768.
		// 1 − e^(−a) = Σ_{k≥1} (−1)^(k+1) a^k / k!;  the cold start = Σ_{k≥2} (−1)^k (k − 1) a^(k−1) / k!
		const missChance = exactSeries(300n, 32768n, (k) => ({ num: 1n, den: factorial(k), sign: k % 2n ? 1n : -1n }));
		// Index j = k − 1 ≥ 1: (−1)^(j+1) j a^j / (j+1)!
		const coldStart = exactSeries(300n, 32768n, (j) => ({ num: j, den: factorial(j + 1n), sign: j % 2n ? 1n : -1n }));
		closeRelative(hitRatioAtRate(5 * 2 ** -15, 1, '1h'), missChance - coldStart);
		expect(missChance - coldStart).toBeCloseTo(0.0045637, 7);
	});
});

describe('input checks', () => {
	it('refuses a negative or non-numeric rate, with the value in the message', () => {
		expect(() => hitRatioAtRate(-1, 24, '5m')).toThrow(new RangeError('the arrival rate must be 0 or more (got -1)'));
		expect(() => hitRatioAtRate(Number.NaN, 24, '5m')).toThrow(RangeError);
	});

	it.each([0, -1, 24.5, Number.NaN])('refuses %s active hours a day', (hours) => {
		expect(() => hitRatioAtRate(1, hours, '5m')).toThrow(new RangeError(`activeHoursPerDay must be above 0 and at most 24 (got ${hours})`));
		expect(() => trafficHitRatio(1000, { distinctPrefixes: 1, activeHoursPerDay: hours, activeDaysPerMonth: 30 }, '5m')).toThrow(
			/^activeHoursPerDay must be above 0 and at most 24/
		);
	});

	it('accepts 24 hours and 0 requests (which hit nothing, in every kind of window)', () => {
		expect(hitRatioAtRate(0, 24, '5m')).toBe(0);
		expect(hitRatioAtRate(0, 8, '1h')).toBe(0);
		expect(hitRatioAtRate(0, 0.5, '1h')).toBe(0);
		expect(hitRatioAtRate(Infinity, 8, '1h')).toBe(1);
	});
});

describe('TTL advice edges', () => {
	const traffic = { distinctPrefixes: 1, activeHoursPerDay: 1, activeDaysPerMonth: 30 };

	it('finds a change of the cheapest choice in the last step of its search (970,000 an hour)', () => {
		// H = 1: at high rates h(5 minutes) = 1 − 1/rate (the one cold miss a window), so
		// 5 minutes at $2 a miss beats no cache at $2/970,000 a request from 970,000 an hour on.
		const lines: CostLines = { none: 2 / 970_000, '5m': { atZero: 2, atOne: 0 }, '1h': { atZero: 100, atOne: 100 } };
		const flips = flipRates(lines, 1);
		expect(flips.map((f) => [f.from, f.to])).toEqual([['none', '5m']]);
		expect(flips[0]!.ratePerHour).toBeCloseTo(970_000, 0);
	});

	it('a tie for second place goes to the shorter TTL, as ties for first do', () => {
		const lines: CostLines = { none: 1, '5m': { atZero: 2, atOne: 2 }, '1h': { atZero: 2, atOne: 2 } };
		const advice = ttlAdvice(lines, 1000, traffic);
		expect(advice.cheapest).toBe('none');
		expect(advice.runnerUp).toBe('5m');
		expect(advice.margin).toBe(1000);
	});

	it('the series: 2 points are enough; its bounds must be above 0 and increasing', () => {
		const lines: CostLines = { none: 1, '5m': { atZero: 2, atOne: 0 }, '1h': { atZero: 3, atOne: 0 } };
		const around = { ...traffic, activeHoursPerDay: 24 };
		const two = ttlAdviceSeries(lines, 1000, around, { points: 2, fromPerHour: 1, toPerHour: 10 });
		expect(two.ratePerHour).toEqual([1, 10]);
		// Around the clock h = 1 − e^(−rate × T): 1 hour at 1 and 10 an hour.
		expect(two.hitRatio['1h']).toEqual([expect.closeTo(1 - Math.exp(-1), 15), expect.closeTo(1 - Math.exp(-10), 15)]);
		expect(two.hitRatio['5m']).toEqual([expect.closeTo(1 - Math.exp(-1 / 12), 15), expect.closeTo(1 - Math.exp(-10 / 12), 15)]);
		const bad = 'the series needs at least 2 points and 0 < fromPerHour < toPerHour';
		expect(() => ttlAdviceSeries(lines, 1000, around, { points: 1 })).toThrow(bad);
		expect(() => ttlAdviceSeries(lines, 1000, around, { fromPerHour: 0 })).toThrow(bad);
		expect(() => ttlAdviceSeries(lines, 1000, around, { fromPerHour: 5, toPerHour: 5 })).toThrow(bad);
	});

	it('the series keeps a flip that falls exactly on either end of its range', () => {
		const lines: CostLines = { none: 1, '5m': { atZero: 2, atOne: 0 }, '1h': { atZero: 100, atOne: 100 } };
		const [flip] = ttlAdvice(lines, 1000, traffic).flips;
		expect(flip).toBeDefined();
		const rate = flip!.ratePerHour;
		expect(ttlAdviceSeries(lines, 1000, traffic, { fromPerHour: rate, toPerHour: rate * 10 }).flips.map((f) => f.ratePerHour)).toEqual([rate]);
		expect(ttlAdviceSeries(lines, 1000, traffic, { fromPerHour: rate / 10, toPerHour: rate }).flips.map((f) => f.ratePerHour)).toEqual([rate]);
		expect(ttlAdviceSeries(lines, 1000, traffic, { fromPerHour: rate * 1.01, toPerHour: rate * 10 }).flips).toEqual([]);
	});
});

describe('derivedHitRatios', () => {
	it('lists a model only Today and a model only Planned, each with the other column empty', () => {
		const w = { ...neutralWorkload('W', 'sonnet-4-6'), traffic: { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 } };
		w.planned.mixPercent = { 'haiku-4-5': 100 };
		const rows = derivedHitRatios(w);
		expect(rows.map((r) => [r.modelId, r.today === null, r.planned === null])).toEqual([
			['sonnet-4-6', false, true],
			['haiku-4-5', true, false]
		]);
	});
});
