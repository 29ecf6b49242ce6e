// Axis tick formatting, the one thing only charts need. Money, per-request amounts and
// percentages come from ../format, so a figure reads the same everywhere on the page.

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
const MAX_TICK_DECIMALS = 10;

function usd(minimumFractionDigits: number, maximumFractionDigits: number) {
	const key = minimumFractionDigits * 100 + maximumFractionDigits;
	let f = axisCache.get(key);
	if (!f) {
		f = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits, maximumFractionDigits });
		axisCache.set(key, f);
	}
	return f;
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
		return usd(0, 0).format(value);
	}
	return usd(Math.max(2, decimals), Math.max(2, decimals)).format(value);
}

/** A hit-ratio tick or table cell: "20 %", "21.7 %" (no decimal for whole percentages). */
export function formatPercentTick(n: number): string {
	return `${(Number.isInteger(round(n, 6)) ? wholeNumber : oneDecimal).format(n)} %`;
}

/** The fewest decimals (2..MAX_TICK_DECIMALS) that show every value exactly (up to float noise). */
function decimalsFor(values: readonly number[]): number {
	for (let d = 2; d < MAX_TICK_DECIMALS; d++) {
		const scale = 10 ** d;
		if (values.every((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-6 * Math.max(1, Math.abs(v * scale)))) return d;
	}
	return MAX_TICK_DECIMALS;
}

function round(n: number, decimals: number): number {
	return Number(n.toFixed(decimals));
}
