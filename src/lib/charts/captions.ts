// The text alternative of the charts: a caption stating each chart's key figure (the data
// tables are in ./tables, loaded when a reader opens one). Pure and light: the page renders
// these before (and without) Chart.js, so this file must not import ./configs (which loads
// with Chart.js, after the first paint).
import type { SavingsRow as StackRow } from '../engine/computeStack';
import { PLAN_ROW_NAMES } from '../engine/plan';
import { CACHE_MODES, type BreakEvenPoint, type CacheMode, type HitRatioSeries, type SharedContextSeries } from '../engine/series';
import type { CacheTtl } from '../scenario/schema';
import { TTL_WORDS, formatMoney, formatPercent, formatPerRequest, formatSavingPercent } from '../format';
import { formatPercentTick } from './format';
import { MODE_LABEL } from './palette';

/** A chart's data as a table: header cells and body rows, every cell already formatted. */
export interface ChartTable {
	columns: string[];
	rows: string[][];
}

/** Name of the final bar of the waterfall (and the last row of its table). */
export const OPTIMIZED_LABEL = 'Optimized';

export const TTLS = ['5m', '1h'] as const satisfies readonly CacheTtl[];

// ---------------------------------------------------------------------------------------
// 1. Cost per request against the cache hit ratio
// ---------------------------------------------------------------------------------------

/**
 * The caption of the hit-ratio chart: where each TTL pays off, what a request costs at
 * the current hit ratio, and whether the chosen TTL pays there.
 * Example: "5-minute caching pays off above a 21.7 % hit ratio; 1-hour caching above 52.6 %.
 * At your 80.0 % hit ratio a request costs $0.0036 without caching, ... Your 5-minute cache
 * saves $0.0038 a request."
 */
export function hitRatioCaption(
	series: HitRatioSeries,
	breakEven: readonly BreakEvenPoint[],
	currentHitPercent: number,
	ttl: CacheTtl
): string {
	const at = (m: CacheMode) => formatPerRequest(valueAt(series.hitPercent, series.cost[m], currentHitPercent));
	if (breakEven.length === 0) {
		return (
			'The cached prefix is shorter than the minimum cacheable length of every model in the mix, ' +
			`so caching changes nothing: a request costs ${at('none')} at any hit ratio.`
		);
	}
	const payOff = breakEven
		.map((p, i) => `${TTL_WORDS[p.ttl]} caching ${i === 0 ? 'pays off above a ' : 'above '}${formatPercent(p.hitPercent)}${i === 0 ? ' hit ratio' : ''}`)
		.join('; ');
	const delta = valueAt(series.hitPercent, series.cost.none, currentHitPercent) - valueAt(series.hitPercent, series.cost[ttl], currentHitPercent);
	const verdict =
		Math.abs(delta) < 1e-12
			? `Your ${TTL_WORDS[ttl]} cache breaks even here.`
			: `Your ${TTL_WORDS[ttl]} cache ${delta > 0 ? 'saves' : 'costs'} ${formatPerRequest(Math.abs(delta))} a request${delta > 0 ? '' : ' more than no caching'}.`;
	return (
		`${capitalize(payOff)}. At your ${formatPercent(currentHitPercent)} hit ratio a request costs ` +
		`${at('none')} without caching, ${at('5m')} with a 5-minute and ${at('1h')} with a 1-hour cache. ${verdict}`
	);
}

// ---------------------------------------------------------------------------------------
// 2. Cumulative cost of requests sharing one cached context
// ---------------------------------------------------------------------------------------

/**
 * The caption of the shared-context chart: from which request each TTL is cheaper, and the
 * cost of the whole range.
 * Example: "With one shared context, 5-minute caching is cheaper from request 2 (one write
 * repaid by 1 read) and 1-hour caching from request 3 (2 reads). For 50 requests: ..."
 */
export function sharedContextCaption(series: SharedContextSeries): string {
	const i = series.requests.length - 1;
	const n = series.requests[i] ?? 0;
	const total = (m: CacheMode) => formatPerRequest(series.cost[m][i] ?? 0);
	const same = TTLS.every((ttl) => series.cost[ttl].every((y, k) => Math.abs(y - (series.cost.none[k] ?? 0)) < 1e-12));
	if (same) {
		return (
			'The cached prefix is shorter than the minimum cacheable length of every model in the mix, ' +
			`so caching changes nothing: ${plural(n, 'request')} cost ${total('none')} either way.`
		);
	}
	const from = TTLS.map((ttl) => {
		const c = series.crossing[ttl];
		return c === null
			? `${TTL_WORDS[ttl]} caching does not pay off within ${plural(n, 'request')}`
			: `${TTL_WORDS[ttl]} caching is cheaper from request ${c} (the write is repaid after ${plural(c - 1, 'read')})`;
	});
	return (
		`When requests share one cached context, ${from.join('; ')}. ` +
		`For ${plural(n, 'request')}: ${total('none')} without caching, ${total('5m')} with a 5-minute and ${total('1h')} with a 1-hour cache.`
	);
}

// ---------------------------------------------------------------------------------------
// 3. Savings waterfall
// ---------------------------------------------------------------------------------------

/** The plan's first row is Today (what the team pays now); a version-1 stack starts from its baseline. */
const TODAY = PLAN_ROW_NAMES.today;
/** What the first row is called in running text: "Today" or "the baseline". */
export const startName = (rows: readonly { lever: string }[]) => (rows[0]?.lever === TODAY ? TODAY : 'the baseline');

/** The tooltip text of one waterfall bar (index rows.length is the optimized total). */
export function waterfallBarText(rows: readonly StackRow[], index: number): string {
	const row = rows[index];
	const baseline = rows[0];
	if (!row || index === 0) {
		const final = index === 0 ? baseline : rows[rows.length - 1];
		if (!final || !baseline) return '';
		const cost = `${formatMoney(final.monthlyCost)} a month`;
		return index === 0
			? cost
			: `${cost}, ${savingWords(final.cumulativeSaving, final.cumulativeSavingPercent, baseline.monthlyCost)} against ${startName(rows)}`;
	}
	const before = rows[index - 1]?.monthlyCost ?? 0;
	return `${capitalize(savingWords(row.stepSaving, row.stepSavingPercent, before))}: ${formatMoney(before)} → ${formatMoney(row.monthlyCost)} a month`;
}

/**
 * The caption of the waterfall: the totals, the largest saving and any lever that adds cost.
 * Example: "From $2,475 today to $341 a month: the levers save $2,134 (86.2 %). The
 * largest step is Model routing, saving $1,832. Each step is measured on top of the ones before it."
 */
export function waterfallCaption(rows: readonly StackRow[]): string {
	const baseline = rows[0];
	const final = rows[rows.length - 1];
	if (!baseline || !final) return '';
	const today = baseline.lever === TODAY;
	if (baseline.monthlyCost <= 0) return `Nothing to save: ${today ? 'today' : 'the baseline'} costs ${formatMoney(0)} a month.`;
	const parts = [
		`From ${today ? `${formatMoney(baseline.monthlyCost)} today` : `a ${formatMoney(baseline.monthlyCost)} baseline`} to ${formatMoney(final.monthlyCost)} a month: ` +
			`the levers ${final.cumulativeSaving < 0 ? 'add' : 'save'} ${formatMoney(Math.abs(final.cumulativeSaving))} (${formatSavingPercent(Math.abs(final.cumulativeSavingPercent), baseline.monthlyCost)}).`
	];
	const levers = rows.slice(1);
	const best = levers.reduce<StackRow | undefined>((b, r) => (r.stepSaving > (b?.stepSaving ?? 0) ? r : b), undefined);
	if (best) parts.push(`The largest step is ${best.lever}, saving ${formatMoney(best.stepSaving)}.`);
	const adding = levers.filter((r) => r.stepSaving < 0);
	if (adding.length) {
		parts.push(`${adding.map((r) => `${r.lever} adds ${formatMoney(-r.stepSaving)}`).join('; ')}.`);
	}
	parts.push('Each step is measured on top of the ones before it, so the split depends on their order.');
	return parts.join(' ');
}

// ---------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------

/**
 * The value of a piecewise-linear series at x (clamped to its ends). The engine's series
 * are straight lines (the hit-ratio lines are just their two ends), so this is exact. The
 * blend is the engine's own (hitRatioSeries: atZero x (1 - t) + atOne x t), so a sampled
 * point and the value read off the two ends are the same number.
 */
export function valueAt(xs: readonly number[], ys: readonly number[], x: number): number {
	if (xs.length === 0) return 0;
	let i = 0;
	while (i < xs.length - 2 && (xs[i + 1] as number) < x) i++;
	const x0 = xs[i] as number;
	const x1 = xs[i + 1] ?? x0;
	const y0 = ys[i] ?? 0;
	const y1 = ys[i + 1] ?? y0;
	if (x <= x0 || x1 === x0) return x <= x0 ? y0 : y1;
	if (x >= x1) return y1;
	if (y0 === y1) return y0;
	const t = (x - x0) / (x1 - x0);
	return y0 * (1 - t) + y1 * t;
}

/**
 * A saving in words with its percentage of `base` (the amount it is measured against; the
 * percentage reads "n/a" when `base` rounds to $0.00).
 * Example: savingWords(-5, -25, 20) -> "adds $5.00 (25.0 %)".
 */
export function savingWords(saving: number, percent: number, base: number): string {
	if (Math.abs(saving) < 0.005) return 'no change';
	return `${saving < 0 ? 'adds' : 'saves'} ${formatMoney(Math.abs(saving))} (${formatSavingPercent(Math.abs(percent), base)})`;
}

/** A saving and its percentage of `base` ("n/a" when `base` rounds to $0.00): "$2,805 (66.0 %)". */
export function savingAmount(saving: number, percent: number, base: number): string {
	return `${formatMoney(saving)} (${formatSavingPercent(percent, base)})`;
}

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
