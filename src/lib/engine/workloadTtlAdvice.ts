import type { PriceSheet } from '../pricing/schema';
import type { RequestWorkload, ScenarioV2, Traffic } from '../scenario/types';
import { scenarioSheet } from './prices';
import { isCacheable } from './requestCost';
import { ttlAdvice, ttlAdviceSeries, type TtlAdvice, type TtlAdviceSeries } from './ttlAdvice';
import { workloadCostLines, type WorkloadCostLines } from './workloadCostLines';

/** TTL advice for a request workload, on its Planned main model. */
export interface WorkloadTtlAdvice extends WorkloadCostLines {
	traffic: Traffic;
	advice: TtlAdvice;
	/** False when the (scaled, trimmed) prefix is below the model's minimum: caching changes nothing. */
	cacheable: boolean;
}

/**
 * TTL advice (docs/pricing-model.md §4) for a request workload that gives its traffic: the
 * cost lines of its Planned main model (workloadCostLines) and the requests that model serves,
 * through ttlAdvice:
 *   monthly(none) = R_m × none;  monthly(t) = R_m × (atZero_t + (atOne_t − atZero_t) × h_t)
 *   R_m = requestsPerMonth × the main model's share,  h_t = trafficHitRatio(R_m, traffic, t)
 * With a single Planned model and Planned caching at TTL t, monthly(t) is the Planned month of
 * computePlan. Null without traffic or with an empty Planned mix.
 * Example: 10,080 requests a month, one prefix, 24 hours, 30 days: 14 requests an hour per prefix.
 */
export function workloadTtlAdvice(scenario: ScenarioV2, w: RequestWorkload, prices: PriceSheet = scenarioSheet(scenario)): WorkloadTtlAdvice | null {
	const traffic = w.traffic;
	if (!traffic) return null;
	const costLines = workloadCostLines(scenario, w, prices);
	if (!costLines) return null;
	return {
		...costLines,
		traffic,
		advice: ttlAdvice(costLines.lines, costLines.requests, traffic),
		cacheable: isCacheable(costLines.model, Math.min(costLines.shape.prefix, costLines.shape.input))
	};
}

/** 10^e, exact for negative e too (10 ** -4 is 0.00009999999999999999 in floating point; 1 / 10 ** 4 is 0.0001). */
export function powerOfTen(e: number): number {
	return e < 0 ? 1 / 10 ** -e : 10 ** e;
}

/** The chart's default span of rates (requests an hour per prefix) and its density. */
export const TTL_CHART_RANGE = { fromPerHour: 0.01, toPerHour: 10_000, pointsPerDecade: 12 } as const;

/**
 * The span of the TTL chart: 0.01 to 10,000 requests an hour per prefix, widened to whole
 * decades so that the workload's own rate and every flip lie inside (flips are searched from
 * 1e-4 to 1e6 an hour), with TTL_CHART_RANGE.pointsPerDecade points a decade.
 *   from = min(0.01, 10^floor(log10(min x))),  to = max(10,000, 10^ceil(log10(max x)))
 * Example: a workload at 14 an hour with flips at 0.81 and 82.96: 0.01 to 10,000, 73 points.
 */
export function ttlChartRange(advice: Pick<TtlAdvice, 'ratePerHour' | 'flips'>): { fromPerHour: number; toPerHour: number; points: number } {
	const xs = [advice.ratePerHour, ...advice.flips.map((f) => f.ratePerHour)].filter((x) => x > 0 && Number.isFinite(x));
	const fromExp = Math.min(Math.log10(TTL_CHART_RANGE.fromPerHour), ...xs.map((x) => Math.floor(Math.log10(x))));
	const toExp = Math.max(Math.log10(TTL_CHART_RANGE.toPerHour), ...xs.map((x) => Math.ceil(Math.log10(x))));
	return { fromPerHour: powerOfTen(fromExp), toPerHour: powerOfTen(toExp), points: Math.round((toExp - fromExp) * TTL_CHART_RANGE.pointsPerDecade) + 1 };
}

/**
 * The TTL chart's data for a workload: ttlAdviceSeries on its cost lines and traffic, over
 * ttlChartRange, so the workload's rate and the flips are on the chart.
 */
export function workloadTtlSeries(a: WorkloadTtlAdvice): TtlAdviceSeries {
	return ttlAdviceSeries(a.lines, a.requests, a.traffic, ttlChartRange(a.advice));
}
