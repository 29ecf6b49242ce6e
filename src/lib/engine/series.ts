import type { PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { CacheTtl, Scenario } from '../scenario/schema';
import { breakEvenHitRatio } from './breakEven';
import { ALL_LEVERS } from './levers';
import { activeMix, requestShape } from './monthlyCost';
import { scenarioSheet } from './prices';
import { isCacheable, requestCost } from './requestCost';

/** The three caching choices every chart compares, in legend order. */
export const CACHE_MODES = ['none', '5m', '1h'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/**
 * The average cost of one request of the scenario (all levers on) for a caching choice,
 * as a function of the hit ratio h (0..1). Linear in h: returned as { atZero, slope }.
 */
function costLine(scenario: Scenario, mode: CacheMode, sheet?: PriceSheet): { atZero: number; slope: number } {
	const prices = scenarioSheet(scenario, sheet);
	const shape = requestShape(scenario, ALL_LEVERS);
	// Not requestLevers(): it reads the scenario's hit ratio and TTL, which this line does not
	// depend on; reading them made the page recompute and redraw these series on every hit-ratio step.
	const batchShare = scenario.batchPercent / 100;
	const at = (h: number) =>
		Object.entries(activeMix(scenario, ALL_LEVERS)).reduce((total, [id, share]) => {
			const caching = mode === 'none' ? null : { hitRatio: h, ttl: mode };
			return total + (share / 100) * requestCost(getModel(prices, id), shape, { caching, batchShare }, prices.multipliers).total;
		}, 0);
	const atZero = at(0);
	return { atZero, slope: at(1) - atZero };
}

export interface HitRatioSeries {
	/** x values: hit ratio in percent, 0..100. */
	hitPercent: number[];
	/** y values per caching choice: $ per request (all other levers on). */
	cost: Record<CacheMode, number[]>;
}

/**
 * Cost per request against the cache hit ratio, for no cache, 5-minute and 1-hour TTL.
 * Example: the 5-minute line crosses the no-cache line at 21.7 %.
 */
export function hitRatioSeries(scenario: Scenario, sheet?: PriceSheet, points = 101): HitRatioSeries {
	const hitPercent = Array.from({ length: points }, (_, i) => (i * 100) / (points - 1));
	const line = (mode: CacheMode) => {
		const { atZero, slope } = costLine(scenario, mode, sheet);
		return hitPercent.map((x) => atZero + (slope * x) / 100);
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
 * Break-even markers for the hit-ratio chart: one per TTL, at the engine's break-even hit
 * ratio. Empty when no model of the mix caches the prefix (the lines then coincide).
 */
export function breakEvenPoints(scenario: Scenario, sheet?: PriceSheet): BreakEvenPoint[] {
	if (!cachesAnything(scenario, sheet)) return [];
	const prices = scenarioSheet(scenario, sheet);
	const { atZero } = costLine(scenario, 'none', sheet);
	return (['5m', '1h'] as const).map((ttl) => ({
		ttl,
		hitPercent: breakEvenHitRatio(ttl, prices.multipliers) * 100,
		costPerRequest: atZero
	}));
}

/** True when at least one model of the active mix caches the (trimmed) prefix. */
export function cachesAnything(scenario: Scenario, sheet?: PriceSheet): boolean {
	const prices = scenarioSheet(scenario, sheet);
	const { prefix } = requestShape(scenario, ALL_LEVERS);
	return Object.entries(activeMix(scenario, ALL_LEVERS)).some(
		([id, share]) => share > 0 && isCacheable(getModel(prices, id), prefix)
	);
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
	const requests = Array.from({ length: maxRequests }, (_, i) => i + 1);
	const none = costLine(scenario, 'none', sheet).atZero;
	const cached = (ttl: CacheTtl) => {
		const { atZero: write, slope } = costLine(scenario, ttl, sheet);
		return requests.map((n) => write + (n - 1) * (write + slope));
	};
	const cost = { none: requests.map((n) => n * none), '5m': cached('5m'), '1h': cached('1h') };
	const crossingOf = (line: number[]) => {
		const i = line.findIndex((y, k) => y < (cost.none[k] as number) - 1e-12);
		return i < 0 ? null : (requests[i] as number);
	};
	return { requests, cost, crossing: { '5m': crossingOf(cost['5m']), '1h': crossingOf(cost['1h']) } };
}
