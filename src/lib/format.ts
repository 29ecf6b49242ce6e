// Display formatting: the only place numbers are rounded.
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const fine = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 4 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Money with cents below $100 and whole dollars from $100: $13.50, $1,234. */
export function formatMoney(n: number): string {
	return (Math.abs(n) < 100 ? cents : dollars).format(n);
}

/** Small amounts such as the cost of one request, to 4 significant digits: $0.003225. */
export function formatSmallMoney(n: number): string {
	return Math.abs(n) >= 100 ? formatMoney(n) : fine.format(n);
}

/** A price per million tokens: $3.00, $0.80, $22.50, $1.36. */
export function formatPrice(n: number): string {
	return Math.abs(n) < 1 && n !== 0 && Math.round(n * 100) !== n * 100 ? fine.format(n) : cents.format(n);
}

/** A percentage (0..100) with one decimal: 21.7 %. */
export function formatPercent(n: number): string {
	return `${oneDecimal.format(n)} %`;
}

/** A count of tokens or requests: 10,000. */
export function formatCount(n: number): string {
	return integer.format(n);
}

/** A plain number with up to two decimals: 1.25. */
export function formatNumber(n: number): string {
	return decimal.format(n);
}
