// The charts' data as tables, the second half of their text alternative. Loaded when a
// reader first opens a data table (ChartFigure), so it costs nothing before then.
import type { SavingsRow as StackRow } from '../engine/computeStack';
import { CACHE_MODES, type BreakEvenPoint, type HitRatioSeries, type SharedContextSeries } from '../engine/series';
import { TTL_WORDS, formatMoney, formatPerRequest } from '../format';
import { OPTIMIZED_LABEL, TTLS, capitalize, savingAmount, savingWords, startName, valueAt, type ChartTable } from './captions';
import { formatPercentTick } from './format';
import { MODE_LABEL } from './palette';

/**
 * The hit-ratio chart as a table: every 10 % from 0 to 100 %, plus the break-even points and
 * the current hit ratio (marked in the first column), in ascending order. The costs are read
 * off the series' straight lines (valueAt), however few points it carries.
 */
export function hitRatioTable(series: HitRatioSeries, breakEven: readonly BreakEvenPoint[], currentHitPercent: number): ChartTable {
	const marks = new Map<number, string[]>();
	const mark = (x: number, note?: string) => {
		const key = Number(x.toFixed(9));
		const notes = marks.get(key) ?? [];
		if (note) notes.push(note);
		marks.set(key, notes);
	};
	for (let x = 0; x <= 100; x += 10) mark(x);
	for (const p of breakEven) mark(p.hitPercent, `${TTL_WORDS[p.ttl]} break-even`);
	mark(currentHitPercent, 'your hit ratio');
	const rows = [...marks.entries()]
		.sort(([a], [b]) => a - b)
		.map(([x, notes]) => [
			`${formatPercentTick(x)}${notes.length ? ` (${notes.join(', ')})` : ''}`,
			...CACHE_MODES.map((m) => formatPerRequest(valueAt(series.hitPercent, series.cost[m], x)))
		]);
	return { columns: ['Hit ratio', ...CACHE_MODES.map((m) => `${MODE_LABEL[m]}, $ per request`)], rows };
}

/** The shared-context chart as a table: 1 to 10 requests, then every 10th, plus any later crossing. */
export function sharedContextTable(series: SharedContextSeries): ChartTable {
	const crossingNotes = new Map<number, string[]>();
	for (const ttl of TTLS) {
		const c = series.crossing[ttl];
		if (c !== null) crossingNotes.set(c, [...(crossingNotes.get(c) ?? []), `${TTL_WORDS[ttl]} cheaper from here`]);
	}
	const last = series.requests[series.requests.length - 1];
	const rows = series.requests.flatMap((n, i) => {
		const notes = crossingNotes.get(n);
		if (!(n <= 10 || n % 10 === 0 || n === last || notes)) return [];
		return [[`${n}${notes ? ` (${notes.join(', ')})` : ''}`, ...CACHE_MODES.map((m) => formatPerRequest(series.cost[m][i] ?? 0))]];
	});
	return { columns: ['Requests', ...CACHE_MODES.map((m) => `${MODE_LABEL[m]}, cumulative $`)], rows };
}

/** The waterfall as a table: each bar with its cost, its change and the saving against the first row (Today). */
export function waterfallTable(rows: readonly StackRow[]): ChartTable {
	const final = rows[rows.length - 1];
	const baseline = rows[0]?.monthlyCost ?? 0;
	const body = rows.map((r, i) => [
		r.lever,
		formatMoney(r.monthlyCost),
		i === 0 ? '—' : capitalize(savingWords(r.stepSaving, r.stepSavingPercent, rows[i - 1]?.monthlyCost ?? 0)),
		i === 0 ? '—' : savingAmount(r.cumulativeSaving, r.cumulativeSavingPercent, baseline)
	]);
	if (final) {
		body.push([OPTIMIZED_LABEL, formatMoney(final.monthlyCost), '—', savingAmount(final.cumulativeSaving, final.cumulativeSavingPercent, baseline)]);
	}
	return { columns: ['Step', 'Monthly cost', 'Change against the step above', `Saving against ${startName(rows)}`], rows: body };
}
