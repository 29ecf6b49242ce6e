// The data tables of the TTL advice chart and the cost-per-conversation chart: the second half
// of their text alternative (the captions are in ./cachingCaptions).
import type { ConversationSeries } from '../engine/conversation';
import { CACHE_MODES, type CacheMode } from '../engine/series';
import { requestsAtRate } from '../engine/traffic';
import { EQUAL_COST, costPerRequestAtRate } from '../engine/ttlAdvice';
import type { WorkloadTtlAdvice } from '../engine/workloadTtlAdvice';
import { powerOfTen, ttlChartRange } from '../engine/workloadTtlAdvice';
import { formatCount, formatMoney, formatNumber, formatPerRequest } from '../format';
import type { ChartTable } from './captions';
import { MODE_LABEL } from './palette';

/** The cheapest of three costs, equal costs (to EQUAL_COST) going to the cheaper write, as ttlAdvice decides. */
function cheapest(cost: Readonly<Record<CacheMode, number>>): CacheMode {
	const min = Math.min(...CACHE_MODES.map((m) => cost[m]));
	return CACHE_MODES.find((m) => cost[m] <= min + EQUAL_COST * Math.abs(min)) as CacheMode;
}

/**
 * The TTL chart as a table: the monthly cost of each choice at every decade of the chart's
 * rates, at each flip and at the workload's own rate (marked), with the monthly requests and
 * the cheapest choice at each rate ("No cache = 1-hour TTL" at a flip, where the two cost the
 * same). Costs are exact at each rate, not read off the chart.
 * Example row: ["14 (your traffic)", "10,080", "$423.36", "$266.05", "$162.09", "1-hour TTL"].
 */
export function ttlAdviceTable(a: WorkloadTtlAdvice): ChartTable {
	const { fromPerHour, toPerHour } = ttlChartRange(a.advice);
	const notes = new Map<number, string[]>();
	const key = (x: number) => Number(x.toPrecision(12));
	const mark = (x: number, note?: string) => {
		const list = notes.get(key(x)) ?? [];
		if (note) list.push(note);
		notes.set(key(x), list);
	};
	// At a flip the two choices cost the same (to about 1e-9): say so rather than pick one.
	const flipAt = new Map(a.advice.flips.map((f) => [key(f.ratePerHour), f]));
	for (let e = Math.round(Math.log10(fromPerHour)); e <= Math.round(Math.log10(toPerHour)); e++) mark(powerOfTen(e));
	for (const f of a.advice.flips) mark(f.ratePerHour, `cheapest changes to ${MODE_LABEL[f.to]}`);
	if (a.advice.ratePerHour > 0) mark(a.advice.ratePerHour, 'your traffic');
	const hours = a.traffic.activeHoursPerDay;
	const rows = [...notes.entries()]
		.sort(([x], [y]) => x - y)
		.map(([x, list]) => {
			const requests = requestsAtRate(x, a.traffic);
			const flip = flipAt.get(x);
			const perRequest = { none: 0, '5m': 0, '1h': 0 } as Record<CacheMode, number>;
			for (const m of CACHE_MODES) perRequest[m] = costPerRequestAtRate(a.lines, m, x, hours);
			return [
				`${formatNumber(x)}${list.length ? ` (${list.join(', ')})` : ''}`,
				formatCount(requests),
				...CACHE_MODES.map((m) => formatMoney(requests * perRequest[m])),
				flip ? `${MODE_LABEL[flip.from]} = ${MODE_LABEL[flip.to]}` : MODE_LABEL[cheapest(perRequest)]
			];
		});
	return {
		columns: ['Requests an hour per prefix', 'Requests a month', ...CACHE_MODES.map((m) => `${MODE_LABEL[m]}, $ a month`), 'Cheapest'],
		rows
	};
}

/**
 * The cost-per-conversation chart as a table: 1 to 10 turns, then every 5th, the workload's
 * own length (marked) and the last point, with the prompt tokens a conversation sends in all.
 * Example row: ["20 (your conversations)", "344,000", "$1.15", "$0.3064", "$0.3946"].
 */
export function conversationSeriesTable(series: ConversationSeries, turnsPerConversation: number): ChartTable {
	const last = series.turns[series.turns.length - 1];
	const rows = series.turns.flatMap((n, i) => {
		const own = n === turnsPerConversation;
		if (!(n <= 10 || n % 5 === 0 || n === last || own)) return [];
		return [[`${n}${own ? ' (your conversations)' : ''}`, formatCount(series.promptTokens[i] ?? 0), ...CACHE_MODES.map((m) => formatPerRequest(series.cost[m][i] ?? 0))]];
	});
	return { columns: ['Turns', 'Prompt tokens in all', ...CACHE_MODES.map((m) => `${MODE_LABEL[m]}, $ a conversation`)], rows };
}
