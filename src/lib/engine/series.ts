import type { PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { CacheTtl, Scenario } from '../scenario/types';
import { ALL_LEVERS } from './levers';
import { activeMix, modelShape } from './monthlyCost';
import { scenarioSheet } from './prices';
import { isCacheable, requestCost } from './requestCost';

/** The three caching choices every chart compares, in legend order. */
export const CACHE_MODES = ['none', '5m', '1h'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** A straight line of cost per request against the hit ratio h (0..1): its value at h = 0 and h = 1. */
interface CostLine {
	atZero: number;
	atOne: number;
}

/**
 * The average cost of one request of the scenario (all levers on) for each caching choice,
 * as a function of the hit ratio h (0..1). Linear in h: returned as its ends { atZero, atOne }.
 * One pass over the mix: each model's shape is worked out once for the three lines.
 */
function costLines(scenario: Scenario, sheet?: PriceSheet): Record<CacheMode, CostLine> {
	const prices = scenarioSheet(scenario, sheet);
	const factors = { batch: prices.batchMultiplier, usOnlyInference: prices.usOnlyInferenceMultiplier };
	// Not requestLevers(): it reads the scenario's hit ratio and TTL, which these lines do not
	// depend on (reading them made the page redraw these series on every hit-ratio step).
	const batchShare = scenario.batchPercent / 100;
	const usOnlyInference = scenario.usOnlyInference;
	const lines: Record<CacheMode, CostLine> = { none: { atZero: 0, atOne: 0 }, '5m': { atZero: 0, atOne: 0 }, '1h': { atZero: 0, atOne: 0 } };
	for (const [id, share] of Object.entries(activeMix(scenario, ALL_LEVERS))) {
		const model = getModel(prices, id);
		const shape = modelShape(scenario, ALL_LEVERS, model, prices);
		const cost = (caching: { hitRatio: number; ttl: CacheTtl } | null) => requestCost(model, shape, { caching, batchShare, usOnlyInference }, factors).total;
		const weight = share / 100;
		const none = weight * cost(null);
		lines.none.atZero += none;
		lines.none.atOne += none;
		for (const ttl of ['5m', '1h'] as const) {
			lines[ttl].atZero += weight * cost({ hitRatio: 0, ttl });
			lines[ttl].atOne += weight * cost({ hitRatio: 1, ttl });
		}
	}
	return lines;
}

export interface HitRatioSeries {
	/** x values: hit ratio in percent, 0..100 (by default just the two ends: 0 and 100). */
	hitPercent: number[];
	/** y values per caching choice: $ per request (all other levers on). */
	cost: Record<CacheMode, number[]>;
}

/**
 * Cost per request against the cache hit ratio, for no cache, 5-minute and 1-hour TTL.
 * Each is a straight line in the hit ratio, so two points (0 % and 100 %) carry all of it:
 * read any other ratio with linear interpolation (charts/captions valueAt), exactly.
 * `points` samples more, evenly (101: every 1 %).
 * Example: the 5-minute line crosses the no-cache line at 21.7 %.
 */
export function hitRatioSeries(scenario: Scenario, sheet?: PriceSheet, points = 2): HitRatioSeries {
	const hitPercent = Array.from({ length: points }, (_, i) => (i * 100) / (points - 1));
	const lines = costLines(scenario, sheet);
	const line = (mode: CacheMode) => {
		const { atZero, atOne } = lines[mode];
		// A blend of the two ends, never below the cheaper one (no float noise under zero).
		return hitPercent.map((x) => (atZero === atOne ? atZero : atZero * (1 - x / 100) + atOne * (x / 100)));
	};
	return { hitPercent, cost: { none: line('none'), '5m': line('5m'), '1h': line('1h') } };
}

/** Where a TTL's line crosses the no-cache line. */
export interface BreakEvenPoint {
	ttl: CacheTtl;
	hitPercent: number;
	costPerRequest: number;
}

/**
 * Break-even markers for the hit-ratio chart: one per TTL, where the mix's caching line
 * crosses its no-cache line. Each model caches at its own write and read rates, so for one
 * model this is its own break-even (21.7 % and 52.6 % at the standard multiples, 20.8 % and
 * 51.3 % on Opus 5.5); for a mix, the cost-weighted blend. Empty when no model of the mix
 * caches the prefix (the lines then coincide).
 */
export function breakEvenPoints(scenario: Scenario, sheet?: PriceSheet): BreakEvenPoint[] {
	if (!cachesAnything(scenario, sheet)) return [];
	const lines = costLines(scenario, sheet);
	const { atZero } = lines.none;
	return (['5m', '1h'] as const).flatMap((ttl) => {
		const line = lines[ttl];
		// atZero + (atOne - atZero) x h = none  ->  h = (line.atZero - none) / (line.atZero - line.atOne)
		const drop = line.atZero - line.atOne;
		if (!(drop > 0)) return [];
		return [{ ttl, hitPercent: Math.min(100, Math.max(0, ((line.atZero - atZero) / drop) * 100)), costPerRequest: atZero }];
	});
}

/** True when at least one model of the active mix caches the (scaled, trimmed) prefix. */
export function cachesAnything(scenario: Scenario, sheet?: PriceSheet): boolean {
	const prices = scenarioSheet(scenario, sheet);
	return Object.entries(activeMix(scenario, ALL_LEVERS)).some(([id, share]) => {
		const model = getModel(prices, id);
		return share > 0 && isCacheable(model, modelShape(scenario, ALL_LEVERS, model, prices).prefix);
	});
}

export interface SharedContextSeries {
	/** x values: number of requests sharing one cached context, 1..max. */
	requests: number[];
	/** y values per caching choice: cumulative $ for that many requests. */
	cost: Record<CacheMode, number[]>;
	/** Per TTL, the first request count at which caching is strictly cheaper (null: never within the range). */
	crossing: Record<CacheTtl, number | null>;
}

/**
 * Cumulative cost of n requests that share one cached context: the first writes the
 * cache, the next n - 1 read it (all within the TTL).
 *   cached(n) = cost(h = 0) + (n - 1) x cost(h = 1);  none(n) = n x cost(no cache)
 * Example (guide sheet, Opus 4.6, 10,000-token context, 10 requests): $1.50 vs $0.3225.
 */
export function sharedContextSeries(scenario: Scenario, sheet?: PriceSheet, maxRequests = 50): SharedContextSeries {
	const lines = costLines(scenario, sheet);
	const none = lines.none.atZero;
	const [write5m, read5m, write1h, read1h] = [lines['5m'].atZero, lines['5m'].atOne, lines['1h'].atZero, lines['1h'].atOne];
	const requests: number[] = [];
	const cost: Record<CacheMode, number[]> = { none: [], '5m': [], '1h': [] };
	const crossing: Record<CacheTtl, number | null> = { '5m': null, '1h': null };
	for (let n = 1; n <= maxRequests; n++) {
		requests.push(n);
		const plain = n * none;
		const fiveMinutes = write5m + (n - 1) * read5m;
		const oneHour = write1h + (n - 1) * read1h;
		cost.none.push(plain);
		cost['5m'].push(fiveMinutes);
		cost['1h'].push(oneHour);
		if (crossing['5m'] === null && fiveMinutes < plain - 1e-12) crossing['5m'] = n;
		if (crossing['1h'] === null && oneHour < plain - 1e-12) crossing['1h'] = n;
	}
	return { requests, cost, crossing };
}
