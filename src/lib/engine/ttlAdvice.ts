import type { CacheTtl } from '../scenario/types';
import { CACHE_MODES, type CacheMode } from './series';
import { hitRatioAtRate, ratePerHourPerPrefix, requestsAtRate, type Traffic } from './traffic';

/** The cost of one request with a TTL, as a line in the hit ratio: its ends at h = 0 and h = 1. */
export interface CostLine {
	atZero: number;
	atOne: number;
}

/**
 * The cost of one request ($) for each caching choice: flat without a cache, linear in the
 * hit ratio with one. The caller computes them with requestCost (hit ratio 0 and 1).
 */
export interface CostLines {
	none: number;
	'5m': CostLine;
	'1h': CostLine;
}

/** A traffic rate at which the cheapest caching choice changes. */
export interface FlipRate {
	/** Requests an hour per prefix, inside the active window. */
	ratePerHour: number;
	/** The cheapest choice just below this rate ... */
	from: CacheMode;
	/** ... and just above it. */
	to: CacheMode;
	/** What one request costs ($) with either choice at this rate (they are equal there). */
	costPerRequest: number;
	/** The monthly requests of the workload's traffic at this rate (rate × n × H × D). */
	requestsPerMonth: number;
}

export interface TtlAdvice {
	/** The workload's rate: requests an hour per prefix inside the active window. */
	ratePerHour: number;
	/** The hit ratio (0..1) each TTL earns on this traffic. */
	hitRatio: Record<CacheTtl, number>;
	/** The monthly cost ($) of each choice, each TTL at its own hit ratio. */
	monthly: Record<CacheMode, number>;
	/** The cheapest choice, and the next cheapest. */
	cheapest: CacheMode;
	runnerUp: CacheMode;
	/** How much a month ($) the cheapest choice saves against the next cheapest (0 or more). */
	margin: number;
	/** Every rate between 1e-4 and 1e6 an hour at which the cheapest choice changes, ascending. */
	flips: FlipRate[];
}

/** The grid flips are bracketed on: requests an hour per prefix, log-spaced. */
export const FLIP_SEARCH = { fromPerHour: 1e-4, toPerHour: 1e6, pointsPerDecade: 40, relativeTolerance: 1e-9 } as const;

/**
 * Costs within this fraction of each other count as equal, and equal costs go to the cheaper
 * write (no cache, then 5 minutes, then 1 hour). Around the clock at very high rates both
 * TTLs miss next to nothing, and the 1-hour edge falls below a trillionth of the bill and
 * then below float precision: without this, rounding noise would pick the winner.
 */
export const EQUAL_COST = 1e-12;

/**
 * The cost of one request ($) with a caching choice at a traffic rate, with the TTL's own
 * hit ratio: line.atZero + (line.atOne − line.atZero) × h.
 * Example: Sonnet 4.6, 13,500 tokens of which 12,000 cached, 800 out, 5 minutes ($0.0615 at
 *   h = 0, $0.0201 at h = 1), 12 an hour around the clock (h = 63.21 %):
 *   0.0615 − 0.0414 × 0.63212 = $0.03533.
 */
export function costPerRequestAtRate(lines: CostLines, mode: CacheMode, ratePerHour: number, activeHoursPerDay: number): number {
	if (mode === 'none') return lines.none;
	const line = lines[mode];
	const h = hitRatioAtRate(ratePerHour / 60, activeHoursPerDay, mode);
	return line.atZero + (line.atOne - line.atZero) * h;
}

/** The cheapest of the three costs, equal costs (to EQUAL_COST) going to the earlier choice. */
function cheapestOf(cost: Readonly<Record<CacheMode, number>>): CacheMode {
	const min = Math.min(...CACHE_MODES.map((m) => cost[m]));
	const slack = EQUAL_COST * Math.abs(min);
	return CACHE_MODES.find((m) => cost[m] <= min + slack) as CacheMode;
}

function costsAt(lines: CostLines, ratePerHour: number, hours: number): Record<CacheMode, number> {
	return {
		none: costPerRequestAtRate(lines, 'none', ratePerHour, hours),
		'5m': costPerRequestAtRate(lines, '5m', ratePerHour, hours),
		'1h': costPerRequestAtRate(lines, '1h', ratePerHour, hours)
	};
}

/**
 * The rates (requests an hour per prefix) at which the cheapest caching choice changes. A
 * rate fixes both hit ratios (λ = rate / 60 a minute, whatever n and D), so these depend
 * only on the cost lines and the hours a day. Bracketed on a log grid from 1e-4 to 1e6 an
 * hour (40 points a decade), then bisected (geometric midpoints) until the bracket is within
 * 1e-9 of its rate; at each flip the two choices' costs agree to about 1e-9. Two changes
 * closer together than one grid step (6 %) are missed when the same choice wins on both sides.
 * Example: Sonnet 4.6, 13,500 tokens of which 12,000 cached, 800 out, 8 hours a day: no cache
 *   below 0.813 an hour, then 1 hour up to 82.96, then 5 minutes (both TTLs then miss little
 *   more than the first request of each cold window, and a cold 5-minute write is cheaper).
 */
export function flipRates(lines: CostLines, activeHoursPerDay: number): Omit<FlipRate, 'requestsPerMonth'>[] {
	const { fromPerHour, toPerHour, pointsPerDecade, relativeTolerance } = FLIP_SEARCH;
	const steps = Math.round(Math.log10(toPerHour / fromPerHour) * pointsPerDecade);
	const rateAt = (i: number) => fromPerHour * 10 ** (i / pointsPerDecade);
	const cheapestAt = (rate: number) => cheapestOf(costsAt(lines, rate, activeHoursPerDay));

	const flips: Omit<FlipRate, 'requestsPerMonth'>[] = [];
	let lo = rateAt(0);
	let from = cheapestAt(lo);
	for (let i = 1; i <= steps; i++) {
		const gridHi = rateAt(i);
		let to = cheapestAt(gridHi);
		// One grid step can hold more than one change: bisect to the first, then go on from it.
		while (to !== from) {
			let hi = gridHi;
			while (hi / lo - 1 > relativeTolerance) {
				const mid = Math.sqrt(lo * hi);
				if (cheapestAt(mid) === from) lo = mid;
				else hi = mid;
			}
			const next = cheapestAt(hi);
			const rate = Math.sqrt(lo * hi);
			const cost = costsAt(lines, rate, activeHoursPerDay);
			flips.push({ ratePerHour: rate, from, to: next, costPerRequest: (cost[from] + cost[next]) / 2 });
			from = next;
			lo = hi;
			to = cheapestAt(gridHi);
		}
		lo = gridHi;
	}
	return flips;
}

/**
 * TTL advice for one model's workload (docs/pricing-model.md §4 "TTL advice"): the monthly
 * cost with no cache, 5-minute and 1-hour caching, each TTL at the hit ratio its own traffic
 * earns; the cheapest and by how much it beats the next; and the rates at which the cheapest
 * changes (flipRates).
 *   monthly(none) = R × none;   monthly(t) = R × (atZero_t + (atOne_t − atZero_t) × h_t)
 * Pass the requests the model carries (requestsPerMonth × share) and its cost lines.
 * Example: Sonnet 4.6, 300,000 requests of 13,500 tokens (12,000 cached) and 800 out, 100
 *   prefixes, 8 hours, 22 days (17.05 an hour per prefix; h = 75.54 % and 99.27 %): none
 *   $15,750, 5 minutes $9,069, 1 hour $6,180: 1 hour is cheapest, by $2,888 a month.
 */
export function ttlAdvice(lines: CostLines, requestsPerMonth: number, traffic: Traffic): TtlAdvice {
	const ratePerHour = ratePerHourPerPrefix(requestsPerMonth, traffic);
	const hours = traffic.activeHoursPerDay;
	const hitRatio = {
		'5m': hitRatioAtRate(ratePerHour / 60, hours, '5m'),
		'1h': hitRatioAtRate(ratePerHour / 60, hours, '1h')
	};
	const perRequest = costsAt(lines, ratePerHour, hours);
	const monthly = { none: requestsPerMonth * perRequest.none, '5m': requestsPerMonth * perRequest['5m'], '1h': requestsPerMonth * perRequest['1h'] };
	const cheapest = cheapestOf(perRequest);
	const rest = CACHE_MODES.filter((m) => m !== cheapest);
	const runnerUp = rest.reduce((best, m) => (perRequest[m] < perRequest[best] ? m : best));
	const flips = flipRates(lines, hours).map((f) => ({ ...f, requestsPerMonth: requestsAtRate(f.ratePerHour, traffic) }));
	return { ratePerHour, hitRatio, monthly, cheapest, runnerUp, margin: Math.max(0, monthly[runnerUp] - monthly[cheapest]), flips };
}

export interface TtlAdviceSeries {
	/** x values: requests an hour per prefix, log-spaced. */
	ratePerHour: number[];
	/** The monthly requests at each x (rate × n × H × D). */
	requestsPerMonth: number[];
	/** y values per caching choice: monthly cost ($) at each x. */
	monthly: Record<CacheMode, number[]>;
	/** The hit ratio (0..1) of each TTL at each x. */
	hitRatio: Record<CacheTtl, number[]>;
	/** The flips inside the x range, with the monthly cost at each (both choices cost the same). */
	flips: (FlipRate & { monthly: number })[];
	/** The workload itself: its rate and the monthly cost of each choice. */
	workload: { ratePerHour: number; monthly: Record<CacheMode, number> };
}

/**
 * The TTL chart's data: the monthly cost of each caching choice against the traffic rate
 * (requests an hour per prefix, log axis), with the workload's n, H and D held fixed, so the
 * monthly requests grow with the rate:
 *   x_i = from × (to / from)^(i / (points − 1));   R_i = x_i × n × H × D
 *   y_i = R_i × cost per request at x_i (each TTL at its own hit ratio)
 * Example: 60 points from 0.01 to 10,000 an hour; x_59 = 10,000, R_59 = 10,000 × n × H × D.
 */
export function ttlAdviceSeries(
	lines: CostLines,
	requestsPerMonth: number,
	traffic: Traffic,
	{ points = 60, fromPerHour = 0.01, toPerHour = 10_000 }: { points?: number; fromPerHour?: number; toPerHour?: number } = {}
): TtlAdviceSeries {
	if (!(points >= 2) || !(fromPerHour > 0) || !(toPerHour > fromPerHour)) {
		throw new RangeError(`the series needs at least 2 points and 0 < fromPerHour < toPerHour (got ${points}, ${fromPerHour}, ${toPerHour})`);
	}
	const hours = traffic.activeHoursPerDay;
	const ratePerHour = Array.from({ length: points }, (_, i) => fromPerHour * (toPerHour / fromPerHour) ** (i / (points - 1)));
	const requests = ratePerHour.map((x) => requestsAtRate(x, traffic));
	const line = (mode: CacheMode) => ratePerHour.map((x, i) => (requests[i] as number) * costPerRequestAtRate(lines, mode, x, hours));
	const advice = ttlAdvice(lines, requestsPerMonth, traffic);
	return {
		ratePerHour,
		requestsPerMonth: requests,
		monthly: { none: line('none'), '5m': line('5m'), '1h': line('1h') },
		hitRatio: {
			'5m': ratePerHour.map((x) => hitRatioAtRate(x / 60, hours, '5m')),
			'1h': ratePerHour.map((x) => hitRatioAtRate(x / 60, hours, '1h'))
		},
		flips: advice.flips
			.filter((f) => f.ratePerHour >= fromPerHour && f.ratePerHour <= toPerHour)
			.map((f) => ({ ...f, monthly: f.requestsPerMonth * f.costPerRequest })),
		workload: { ratePerHour: advice.ratePerHour, monthly: advice.monthly }
	};
}
