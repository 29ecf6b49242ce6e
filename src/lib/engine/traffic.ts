import type { CacheTtl, Traffic } from '../scenario/types';

/**
 * How a model's traffic spreads over prefixes and time (docs/pricing-model.md §4): requests
 * spread evenly over `distinctPrefixes` prefixes n, inside one active window of
 * `activeHoursPerDay` hours H (24 = around the clock) on each of `activeDaysPerMonth` days D.
 * The type is the scenario's own.
 */
export type { Traffic };

/** The TTL of each choice, in minutes (T in §4). */
export const TTL_MINUTES: Readonly<Record<CacheTtl, number>> = { '5m': 5, '1h': 60 };

function checkTraffic(traffic: Traffic): void {
	const { distinctPrefixes: n, activeHoursPerDay: h, activeDaysPerMonth: d } = traffic;
	if (!(n > 0) || !Number.isFinite(n)) throw new RangeError(`distinctPrefixes must be a number above 0 (got ${n}); use 1 for a single shared prefix`);
	if (!(h > 0 && h <= 24)) throw new RangeError(`activeHoursPerDay must be above 0 and at most 24 (got ${h}); use 24 for traffic around the clock`);
	if (!(d > 0) || !Number.isFinite(d)) throw new RangeError(`activeDaysPerMonth must be a number above 0 (got ${d})`);
}

function checkRequests(requestsPerMonth: number): void {
	if (!(requestsPerMonth >= 0)) throw new RangeError(`requestsPerMonth must be 0 or more (got ${requestsPerMonth})`);
}

/**
 * Arrivals per minute on one prefix, inside the active window (λ in §4):
 *   λ = requestsPerMonth / (n × D × W),   W = 60 × H minutes
 * Pass the requests of one model (requestsPerMonth × its share): every model has its own cache.
 * Example: 10,000 requests a month, one prefix, 8 hours a day, 22 days:
 *   10,000 / (1 × 22 × 480) = 0.94697 a minute.
 */
export function arrivalsPerMinute(requestsPerMonth: number, traffic: Traffic): number {
	checkTraffic(traffic);
	checkRequests(requestsPerMonth);
	return requestsPerMonth / (traffic.distinctPrefixes * traffic.activeDaysPerMonth * 60 * traffic.activeHoursPerDay);
}

/** 1 − e^(−a), exact for small a. */
function missChance(a: number): number {
	return -Math.expm1(-a);
}

/**
 * (1 − e^(−a) − a e^(−a)) / a: the expected misses (beyond the first) of the first T minutes
 * of a cold window, per λT. A power series below 0.01, where the direct form cancels.
 */
function coldStartExcess(a: number): number {
	if (a < 0.01) {
		// Σ_{k≥2} (−1)^k (k − 1)/k! a^(k−1) = a/2 − a²/3 + a³/8 − a⁴/30 + a⁵/144 − a⁶/840 + a⁷/5760
		return a * (1 / 2 - a * (1 / 3 - a * (1 / 8 - a * (1 / 30 - a * (1 / 144 - a * (1 / 840 - a / 5760))))));
	}
	return (missChance(a) - a * Math.exp(-a)) / a;
}

/**
 * 1 − (1 − e^(−x)) / x: the hit ratio of a window shorter than the TTL, where every request
 * after the first hits. A power series below 0.01, where the direct form cancels.
 */
function shortWindowHitRatio(x: number): number {
	if (x < 0.01) {
		// x/2 − x²/6 + x³/24 − x⁴/120 + x⁵/720 − x⁶/5040
		return x * (1 / 2 - x * (1 / 6 - x * (1 / 24 - x * (1 / 120 - x * (1 / 720 - x / 5040)))));
	}
	return (x + Math.expm1(-x)) / x;
}

/**
 * The hit ratio (0..1) of one prefix on one model, from its arrival rate inside the active
 * window (docs/pricing-model.md §4), with T the TTL in minutes and W = 60 × H:
 *   H = 24:          h = 1 − e^(−λT)
 *   H < 24, W ≥ T:   misses per window = (1 − e^(−λT)) + λ (W − T) e^(−λT)
 *   H < 24, W < T:   misses per window = 1 − e^(−λW)
 *                    h = 1 − misses / (λW)
 * Computed as h = (1 − e^(−λT)) − (T/W) × (1 − e^(−λT) − λT e^(−λT)) / (λT) when W ≥ T, the
 * same formula without the cancellation at low rates. 0 requests hit nothing; an infinite
 * rate hits always.
 * Example: 0.2 a minute around the clock: 5 minutes 1 − e^(−1) = 63.21 %, 1 hour 1 − e^(−12) = 99.9994 %.
 */
export function hitRatioAtRate(perMinute: number, activeHoursPerDay: number, ttl: CacheTtl): number {
	if (!(perMinute >= 0)) throw new RangeError(`the arrival rate must be 0 or more (got ${perMinute})`);
	if (!(activeHoursPerDay > 0 && activeHoursPerDay <= 24)) {
		throw new RangeError(`activeHoursPerDay must be above 0 and at most 24 (got ${activeHoursPerDay})`);
	}
	if (perMinute === Infinity) return 1;
	const t = TTL_MINUTES[ttl];
	const w = 60 * activeHoursPerDay;
	if (activeHoursPerDay >= 24) return missChance(perMinute * t);
	if (w < t) return shortWindowHitRatio(perMinute * w);
	const a = perMinute * t;
	return Math.min(1, Math.max(0, missChance(a) - (t / w) * coldStartExcess(a)));
}

/**
 * The hit ratio (0..1) a model's traffic earns with a TTL (docs/pricing-model.md §4): each
 * request hits when the previous request on the same prefix and model started less than one
 * TTL earlier; arrivals are Poisson inside each day's window and the cache is cold when a
 * window opens (around the clock, H = 24, it never goes cold).
 *   λ = requests / (n × D × 60H);   h = hitRatioAtRate(λ, H, ttl)
 * Pass the requests this model carries (requestsPerMonth × share): caches are per model.
 * Example: 10,000 requests a month, one prefix, 8 hours a day, 22 days: λ = 0.94697 a minute,
 *   5 minutes: misses = 0.99122 + 0.94697 × 475 × 0.0087838 = 4.94225 a window of 454.55,
 *   h = 1 − 4.94225 / 454.55 = 98.91 %;  1 hour: one miss a window, h = 99.78 %.
 */
export function trafficHitRatio(requestsPerMonth: number, traffic: Traffic, ttl: CacheTtl): number {
	return hitRatioAtRate(arrivalsPerMinute(requestsPerMonth, traffic), traffic.activeHoursPerDay, ttl);
}

/**
 * Requests an hour on one prefix inside the active window: the x axis of the TTL advice.
 *   rate = 60 λ = requestsPerMonth / (n × H × D)
 * Example: 10,000 requests a month, one prefix, 8 hours, 22 days: 10,000 / 176 = 56.82 an hour.
 */
export function ratePerHourPerPrefix(requestsPerMonth: number, traffic: Traffic): number {
	return 60 * arrivalsPerMinute(requestsPerMonth, traffic);
}

/**
 * The monthly requests that give a rate per hour per prefix (the inverse of ratePerHourPerPrefix):
 *   requestsPerMonth = rate × n × H × D
 * Example: 2 an hour on one prefix, 10 hours a day, 22 days: 2 × 10 × 22 = 440 a month.
 */
export function requestsAtRate(ratePerHour: number, traffic: Traffic): number {
	checkTraffic(traffic);
	return ratePerHour * traffic.distinctPrefixes * traffic.activeHoursPerDay * traffic.activeDaysPerMonth;
}
