// Display formatting: the only place numbers are rounded.
import type { Tokenizer } from './pricing/schema';
import type { CacheTtl } from './scenario/types';

/** How a cache TTL reads in a sentence: "the 5-minute TTL". */
export const TTL_WORDS: Readonly<Record<CacheTtl, string>> = { '5m': '5-minute', '1h': '1-hour' };

/** How a tokenizer generation reads: the models that use it. */
export const TOKENIZER_WORDS: Readonly<Record<Tokenizer, string>> = {
	legacy: 'Claude 4.6 and earlier',
	'2026': 'Claude 4.7 and later'
};

const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const fine = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 4 });
const perRequest = new Map<number, Intl.NumberFormat>();
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Money with cents below $100 and whole dollars from $100, a minus sign for negatives:
 * $13.50, $1,234, -$5.00. Amounts that round to zero print as "$0.00", never "-$0.00".
 */
export function formatMoney(n: number): string {
	if (Math.abs(n) < 0.005) return cents.format(0);
	return (Math.abs(n) < 100 ? cents : dollars).format(n);
}

/** The most decimals a per-request figure shows: $0.0000000001 is already far below a cent. */
const MAX_DECIMALS = 10;

/**
 * A small amount such as the cost of one request: below $1, up to 4 significant digits and
 * at least 2 decimals; from $1 on, the same as formatMoney.
 * Examples: 0.003225 -> "$0.003225", 0.0135 -> "$0.0135", 0.5 -> "$0.50", 13.5 -> "$13.50".
 */
export function formatPerRequest(n: number): string {
	const abs = Math.abs(n);
	if (!Number.isFinite(n) || abs >= 1 || abs === 0) return formatMoney(n);
	// Decimals for 4 significant digits: 0.003225 has its first digit at 10^-3, so 3 + 3 = 6.
	const decimals = Math.min(MAX_DECIMALS, Math.max(2, 3 - Math.floor(Math.log10(abs))));
	let f = perRequest.get(decimals);
	if (!f) {
		f = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: decimals });
		perRequest.set(decimals, f);
	}
	return f.format(n);
}

/** A price per million tokens: $3.00, $0.80, $22.50, $1.36. */
export function formatPrice(n: number): string {
	return Math.abs(n) < 1 && n !== 0 && Math.round(n * 100) !== n * 100 ? fine.format(n) : cents.format(n);
}

/** A percentage (0..100) with one decimal: "21.7 %". Never "-0.0 %". */
export function formatPercent(n: number): string {
	return `${oneDecimal.format(Math.abs(n) < 0.05 ? 0 : n)} %`;
}

/** A count of tokens or requests: 10,000. */
export function formatCount(n: number): string {
	return integer.format(n);
}

/** A plain number with up to two decimals: 1.25. */
export function formatNumber(n: number): string {
	return decimal.format(n);
}
