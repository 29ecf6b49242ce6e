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
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * Money with cents below $100 and whole dollars from $100, a minus sign for negatives:
 * $13.50, $1,234, -$5.00. Amounts that round to zero print as "$0.00", never "-$0.00".
 */
export function formatMoney(n: number): string {
	if (roundsToZeroCents(n)) return cents.format(0);
	return (Math.abs(n) < 100 ? cents : dollars).format(n);
}

/** True when an amount prints as $0.00: under half a cent either way. */
export function roundsToZeroCents(n: number): boolean {
	return Math.abs(n) < 0.005;
}

/**
 * The most decimals a small figure shows: $0.0000000001 is already far below a cent, and a
 * figure never runs to dozens of zeros or switches to scientific notation ("1e-7").
 */
export const MAX_DECIMALS = 10;

/** The most significant digits a small figure shows after its leading zeros. */
const SIGNIFICANT_DIGITS = 4;

const smallFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number below 1 with up to 4 significant digits after its leading zeros and at most
 * MAX_DECIMALS decimals (at least `minDecimals`); below half of the smallest step it prints
 * as "<0.0000000001" (">-0.0000000001" when negative), never as 0 or in scientific notation.
 *   decimals = min(10, max(minDecimals, 3 - floor(log10 |n|)))
 * Example: 0.003225 has its first digit at 10^-3, so 3 + 3 = 6 decimals: "0.003225".
 */
function formatSmall(n: number, currency: boolean, minDecimals: number): string {
	const abs = Math.abs(n);
	const smallest = 10 ** -MAX_DECIMALS;
	if (abs < smallest / 2) return `${n < 0 ? '>' : '<'}${formatSmall(n < 0 ? -smallest : smallest, currency, minDecimals)}`;
	const decimals = Math.min(MAX_DECIMALS, Math.max(minDecimals, SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(abs))));
	const key = `${currency}${minDecimals}-${decimals}`;
	let f = smallFormats.get(key);
	if (!f) {
		f = new Intl.NumberFormat('en-US', {
			...(currency ? { style: 'currency', currency: 'USD' } : {}),
			minimumFractionDigits: minDecimals,
			maximumFractionDigits: decimals
		});
		smallFormats.set(key, f);
	}
	return f.format(n);
}

/**
 * A small amount such as the cost of one request: below $1, up to 4 significant digits and
 * at least 2 decimals (at most 10; a smaller amount prints as "<$0.0000000001"); from $1 on,
 * the same as formatMoney.
 * Examples: 0.003225 -> "$0.003225", 0.0135 -> "$0.0135", 0.5 -> "$0.50", 13.5 -> "$13.50".
 */
export function formatPerRequest(n: number): string {
	const abs = Math.abs(n);
	if (!Number.isFinite(n) || abs >= 1 || abs === 0) return formatMoney(n);
	return formatSmall(n, true, 2);
}

/**
 * A price per million tokens: whole cents as cents, a price below $1 that is not whole cents
 * with up to 4 significant digits (at most 10 decimals, never scientific notation).
 * Examples: 3 -> "$3.00", 0.8 -> "$0.80", 22.5 -> "$22.50", 0.0375 -> "$0.0375",
 * 0.0000001 -> "$0.0000001", 1e-12 -> "<$0.0000000001".
 */
export function formatPrice(n: number): string {
	if (!Number.isFinite(n) || Math.abs(n) >= 1 || Math.round(n * 100) === n * 100) return cents.format(n);
	return formatSmall(n, true, 2);
}

/** A percentage (0..100) with one decimal: "21.7 %". Never "-0.0 %". */
export function formatPercent(n: number): string {
	return `${oneDecimal.format(Math.abs(n) < 0.05 ? 0 : n)} %`;
}

/** A count of tokens or requests: 10,000. */
export function formatCount(n: number): string {
	return integer.format(n);
}

/**
 * A plain number: up to two decimals from 0.01 on (1.25, 0.77, 1,234.5); below that up to 4
 * significant digits after the leading zeros (0.001234), at most 10 decimals ("<0.0000000001"
 * below), never scientific notation and never a misleading 0 for a number that is not 0.
 */
export function formatNumber(n: number): string {
	if (!Number.isFinite(n) || Math.abs(n) >= 0.01) return decimal.format(n);
	return n === 0 ? decimal.format(0) : formatSmall(n, false, 0); // 0, never "-0"
}

/** What a percentage shows when the amount it is relative to rounds to $0.00. */
export const NO_PERCENT = 'n/a';

/** Why a percentage shows NO_PERCENT, for a note next to it. */
export const NO_PERCENT_NOTE = 'n/a: the amount it would be a percentage of rounds to $0.00 a month, so a percentage would mean nothing.';

/**
 * A saving as a percentage of `base` (the row it is measured against), or "n/a" when
 * `base` rounds to $0.00: a tiny baseline makes any change a meaningless percentage
 * ("-79,478,124,999 %").
 * Examples: formatSavingPercent(86.8, 4250) -> "86.8 %"; formatSavingPercent(-8e10, 0.001) -> "n/a".
 */
export function formatSavingPercent(percent: number, base: number): string {
	return roundsToZeroCents(base) || !Number.isFinite(percent) ? NO_PERCENT : formatPercent(percent);
}

// ---------------------------------------------------------------------------------------
// Number fields (NumberSlider): what a typed number means, and how a field shows its value.

/** What a number field read: a number, or why the text is not one (shown at the field). */
export type TypedNumber = { ok: true; value: number } | { ok: false; message: string };

/** A number field's limits: inclusive bounds, whole numbers only, the unit shown after it. */
export interface NumberFieldRule {
	min: number;
	max: number;
	integer?: boolean;
	unit?: string;
}

/** Powers of ten of the suffixes a field accepts: 300k, 1.2M (m and K too). */
const FIELD_SUFFIXES: Readonly<Record<string, number>> = { k: 3, K: 3, m: 6, M: 6 };

/**
 * Digits with an optional sign, decimal point, thousands commas (groups of exactly three) and
 * a k/M suffix. No exponent, no hexadecimal, no decimal comma.
 */
const FIELD_NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)\s*([kKmM]?)$/;

/** Up to 24 characters of what was typed, quoted, with invisible characters shown as \u escapes. */
function quoteTyped(text: string): string {
	const chars = Array.from(text);
	const head = chars.slice(0, 24).join('') + (chars.length > 24 ? '…' : '');
	return `“${head.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}”`;
}

/**
 * The number typed into a number field. Spaces around it are ignored; commas may separate
 * thousands; a k or M suffix multiplies by a thousand or a million (exactly: "1.1M" is
 * 1,100,000). Anything else is refused with a sentence saying why, never guessed at: "0x10"
 * is not read as 16, and "1,5" not as 1.5 or 15.
 * Examples: "300k" -> 300000, "1.2M" -> 1200000, "300,000" -> 300000, " 12 " -> 12,
 * "1,5" -> refused (decimal comma), "0x10" -> refused, "1e-7" -> refused.
 */
export function readNumberField(text: string): TypedNumber {
	const t = text.trim();
	if (t === '') return { ok: false, message: 'Enter a number.' };
	const match = FIELD_NUMBER.exec(t);
	if (!match) {
		if (/^[+-]?\d+(?:,\d+)+$/.test(t)) {
			return { ok: false, message: `${quoteTyped(t)} is not a number: write decimals with a point (1.5), and commas only between groups of three digits (300,000).` };
		}
		return { ok: false, message: `${quoteTyped(t)} is not a number: type digits, such as 300000, 300,000 or 300k.` };
	}
	const [, sign = '', digits = '', suffix = ''] = match;
	// The suffix goes into the exponent, so 1.1M is exactly 1,100,000 (1.1 x 1e6 is not).
	const value = Number(`${sign}${digits.replace(/,/g, '')}e${FIELD_SUFFIXES[suffix] ?? 0}`);
	if (!Number.isFinite(value)) return { ok: false, message: `${quoteTyped(t)} is too large to be a number here.` };
	return { ok: true, value: value + 0 };
}

/**
 * The number typed into a field with limits: readNumberField, then the field's bounds and,
 * for whole numbers, no fraction. Every refusal is a sentence the field shows.
 * Examples: ("150", 0..100 %) -> "Above the maximum, 100 %."; ("2.5", whole) -> "Enter a whole number."
 */
export function checkNumberField(text: string, rule: NumberFieldRule): TypedNumber {
	const read = readNumberField(text);
	if (!read.ok) return read;
	const show = (n: number) => `${rule.integer ? formatCount(n) : formatNumber(n)}${rule.unit ? ` ${rule.unit}` : ''}`;
	if (read.value < rule.min) return { ok: false, message: `Below the minimum, ${show(rule.min)}.` };
	if (read.value > rule.max) return { ok: false, message: `Above the maximum, ${show(rule.max)}.` };
	if (rule.integer && !Number.isInteger(read.value)) return { ok: false, message: 'Enter a whole number.' };
	return read;
}

const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * A number as a field shows it while it is being edited: digits only, no thousands commas, at
 * most 12 significant digits (0.1 + 0.2 reads 0.3) and never scientific notation.
 * Examples: 300000 -> "300000", 1e-7 -> "0.0000001", 1e21 -> "1000000000000000000000".
 */
export function editableNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	return plain.format(Number(n.toPrecision(12)) + 0);
}

/**
 * A number as a field shows it at rest: thousands commas, whole numbers for whole-number
 * fields, never scientific notation (formatCount and formatNumber).
 * Examples: (300000, whole) -> "300,000", (92.5) -> "92.5", (1e-7) -> "0.0000001".
 */
export function fieldNumber(n: number, integer = false): string {
	return integer ? formatCount(n) : formatNumber(n);
}
