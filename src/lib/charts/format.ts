// Number formatting for the charts: axis ticks, tooltips, captions and data tables.
// Money and percentages come from the UI's own formatter (../format) so that a figure
// reads the same in the savings table, the headline and the charts; this file adds what
// only charts need (per-request precision, axis ticks). Formatters are built once.
import { formatMoney as uiMoney, formatPercent as uiPercent } from '../format';

/**
 * Money as the UI shows it: cents below $100, whole dollars from $100, a minus sign for
 * negatives ($13.50, $1,234, -$5.00). Amounts that round to zero print as "$0.00", never "-$0.00".
 */
export function formatMoney(n: number): string {
	return uiMoney(Math.abs(n) < 0.005 ? 0 : n);
}

/** A percentage (0..100) with one decimal, as the UI shows it: "21.7 %". Never "-0.0 %". */
export function formatPercent(n: number): string {
	return uiPercent(Math.abs(n) < 0.05 ? 0 : n);
}

const perRequestCache = new Map<number, Intl.NumberFormat>();
const axisCache = new Map<number, Intl.NumberFormat>();
const compact = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	notation: 'compact',
	minimumFractionDigits: 0,
	maximumFractionDigits: 1
});
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The most decimals any chart figure shows: $0.0000000001 is already far below a cent. */
const MAX_DECIMALS = 10;

function usd(minimumFractionDigits: number, maximumFractionDigits: number, cache: Map<number, Intl.NumberFormat>) {
	const key = minimumFractionDigits * 100 + maximumFractionDigits;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits, maximumFractionDigits });
		cache.set(key, f);
	}
	return f;
}

/**
 * A small amount such as the cost of one request: below $1, up to 4 significant digits and
 * at least 2 decimals; from $1 on, the same as formatMoney (cents, whole dollars from $100).
 * Examples: 0.003225 -> "$0.003225", 0.0135 -> "$0.0135", 0.5 -> "$0.50", 13.5 -> "$13.50".
 */
export function formatPerRequest(n: number): string {
	const abs = Math.abs(n);
	if (!Number.isFinite(n) || abs >= 1 || abs === 0) return formatMoney(n === 0 ? 0 : n);
	// Decimals for 4 significant digits: 0.003225 has its first digit at 10^-3, so 3 + 3 = 6.
	const decimals = Math.min(MAX_DECIMALS, Math.max(2, 3 - Math.floor(Math.log10(abs))));
	return usd(2, decimals, perRequestCache).format(n);
}

/**
 * One money tick of an axis, formatted consistently with its neighbours: every tick of an
 * axis gets the decimals its step needs (at least cents), whole dollars when the axis
 * reaches $100 with a step of a dollar or more, compact notation from $1M ("$1.5M").
 * `ticks` are Chart.js's ticks of that axis (only `value` is read).
 * Examples: ticks 0, 0.0005, 0.001 -> "$0.0005"; ticks 0, 50, 100, 150 -> "$50".
 */
export function formatMoneyTick(value: number, ticks: readonly { value: number }[] = [{ value }]): string {
	const values = ticks.length ? ticks.map((t) => t.value) : [value];
	const maxAbs = Math.max(...values.map(Math.abs));
	if (maxAbs >= 1e6) return compact.format(value);
	const decimals = decimalsFor(values);
	if (maxAbs >= 100 && decimals <= 2 && values.every((v) => Number.isInteger(round(v, 6)))) {
		return usd(0, 0, axisCache).format(value);
	}
	return usd(Math.max(2, decimals), Math.max(2, decimals), axisCache).format(value);
}

/** A hit-ratio tick or table cell: "20 %", "21.7 %" (no decimal for whole percentages). */
export function formatPercentTick(n: number): string {
	return `${(Number.isInteger(round(n, 6)) ? wholeNumber : oneDecimal).format(n)} %`;
}

/** The fewest decimals (2..MAX_DECIMALS) that show every value exactly (up to float noise). */
function decimalsFor(values: readonly number[]): number {
	for (let d = 2; d < MAX_DECIMALS; d++) {
		const scale = 10 ** d;
		if (values.every((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-6 * Math.max(1, Math.abs(v * scale)))) return d;
	}
	return MAX_DECIMALS;
}

function round(n: number, decimals: number): number {
	return Number(n.toFixed(decimals));
}
