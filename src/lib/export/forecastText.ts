// The forecast in words: month names, the chart's caption and data table, the warnings about
// models that retire inside the horizon. Pure; loaded with the forecast section, after the
// first paint.
import type { ChartTable } from '../charts/captions';
import type { Forecast, Retirement } from '../engine/forecast';
import { formatMoney } from '../format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A `YYYY-MM` month in words, long ("December 2026") or short ("Dec 2026").
 * Example: monthLabel('2027-01', 'short') = 'Jan 2027'.
 */
export function monthLabel(month: string, length: 'long' | 'short' = 'long'): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const name = MONTHS[m - 1] ?? month;
	return `${length === 'short' ? name.slice(0, 3) : name} ${y}`;
}

/** A sheet date (`2027-01-22` or `2027-01`) in words: "22 January 2027", "January 2027". */
export function dateLabel(date: string): string {
	const [, , d] = date.split('-');
	return d ? `${Number(d)} ${monthLabel(date.slice(0, 7))}` : monthLabel(date);
}

/**
 * One sentence per model that retires inside the horizon, with the replacement the sheet
 * suggests. Example: "Opus 4.5 retires on 22 January 2027, inside the forecast: the price
 * sheet suggests moving to Opus 5.5; the forecast keeps pricing Opus 4.5."
 */
export function retirementWarnings(retirements: readonly Retirement[]): string[] {
	return retirements.map((r) => {
		const move = r.replacement ? `the price sheet suggests moving to ${r.replacement.name}` : 'the price sheet names no replacement';
		return `${r.model.name} retires on ${dateLabel(r.date)}, inside the forecast: ${move}; the forecast keeps pricing ${r.model.name}.`;
	});
}

/**
 * The forecast chart's caption: the horizon, both totals and the saving, and the retirements.
 * Example: "Over 12 months from December 2026, Today costs $189,000 and Planned $69,811:
 * $119,189 saved. Traffic grows 0 % a month."
 */
export function forecastCaption(f: Forecast, growthWords: string): string {
	const first = f.months[0]?.month;
	if (!first) return 'The forecast has no months.';
	const saved = f.total.saving;
	const verdict = saved < -0.005 ? `${formatMoney(-saved)} more` : `${formatMoney(saved)} saved`;
	const retiring = f.retirements.length
		? ` ${f.retirements.map((r) => `${r.model.name} retires in ${monthLabel(r.month)}`).join('; ')} (marked on the chart).`
		: '';
	return `Over ${f.months.length} months from ${monthLabel(first)}, Today costs ${formatMoney(f.total.today)} and Planned ${formatMoney(f.total.planned)}: ${verdict}. ${growthWords}${retiring}`;
}

/** The forecast chart as a table (the chart's text alternative): each month, its costs and any retirement in it. */
export function forecastChartTable(f: Forecast): ChartTable {
	return {
		columns: ['Month', 'Today', 'Planned', 'Saved'],
		rows: f.months.map((m) => {
			const retiring = f.retirements.filter((r) => r.month === m.month).map((r) => `${r.model.name} retires`);
			return [`${monthLabel(m.month, 'short')}${retiring.length ? ` (${retiring.join(', ')})` : ''}`, formatMoney(m.today), formatMoney(m.planned), formatMoney(m.saving)];
		})
	};
}
