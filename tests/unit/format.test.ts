// Display formatting (src/lib/format.ts). Reference strings typed by hand from the rules in
// the doc comments: cents for whole-cent prices, up to 4 significant digits after the leading
// zeros below that, at most 10 decimals, never scientific notation.
import { describe, expect, it } from 'vitest';
import {
	MAX_DECIMALS,
	NO_PERCENT,
	NO_PERCENT_NOTE,
	TOKENIZER_WORDS,
	TTL_WORDS,
	formatCount,
	formatMoney,
	formatNumber,
	formatPercent,
	formatPerRequest,
	formatPrice,
	formatSavingPercent,
	roundsToZeroCents
} from '$lib/format';

/** Digits after the leading zeros (and the decimal point) of a formatted figure. */
const significantDigits = (text: string) => text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;

describe('formatPrice', () => {
	it.each([
		[3, '$3.00'],
		[0.8, '$0.80'],
		[22.5, '$22.50'],
		[1.36, '$1.36'],
		[0, '$0.00'],
		[10_000, '$10,000.00'],
		[1.005, '$1.01'],
		[3.14159, '$3.14'],
		// below $1 and not whole cents: up to 4 significant digits
		[0.0375, '$0.0375'],
		[0.125, '$0.125'],
		[0.123456, '$0.1235'],
		[0.30000000000000004, '$0.30'],
		[0.07000000000000001, '$0.07'],
		[0.00012345678, '$0.0001235'],
		[0.999999, '$1.00'],
		// tiny prices: plain decimals, never "1e-7"
		[1e-7, '$0.0000001'],
		[1.2345678e-7, '$0.0000001235'],
		[1.5e-9, '$0.0000000015'],
		[6e-11, '$0.0000000001'],
		[4e-11, '<$0.0000000001'],
		[1e-300, '<$0.0000000001'],
		[Number.MIN_VALUE, '<$0.0000000001'],
		[-1e-12, '>-$0.0000000001'],
		[-0.0375, '-$0.0375']
	])('%s -> %s', (n, text) => {
		expect(formatPrice(n)).toBe(text);
	});

	it('never prints scientific notation, more than 10 decimals or more than 4 significant digits below $1', () => {
		for (let exponent = -320; exponent < 0; exponent += 0.37) {
			const text = formatPrice(1.23456789 * 10 ** exponent);
			expect(text).not.toMatch(/e/i);
			const decimals = text.split('.')[1] ?? '';
			expect(decimals.length).toBeLessThanOrEqual(MAX_DECIMALS);
			expect(significantDigits(text)).toBeLessThanOrEqual(4);
		}
	});
});

describe('formatNumber', () => {
	it.each([
		[1.25, '1.25'],
		[1.3, '1.3'],
		[1 / 1.3, '0.77'],
		[1234.5678, '1,234.57'],
		[0, '0'],
		[-0, '0'],
		[0.05, '0.05'],
		[0.0375, '0.04'],
		[0.01, '0.01'],
		// below 0.01: up to 4 significant digits, never a misleading 0
		[0.009, '0.009'],
		[0.0012345678, '0.001235'],
		[1e-7, '0.0000001'],
		[1e-12, '<0.0000000001'],
		[-1e-12, '>-0.0000000001'],
		[-0.005, '-0.005'],
		[Infinity, '∞']
	])('%s -> %s', (n, text) => {
		expect(formatNumber(n)).toBe(text);
	});

	it('never prints scientific notation or more than 10 decimals', () => {
		for (let exponent = -320; exponent < 0; exponent += 0.37) {
			const text = formatNumber(9.87654321 * 10 ** exponent);
			expect(text).not.toMatch(/e/i);
			expect((text.split('.')[1] ?? '').length).toBeLessThanOrEqual(MAX_DECIMALS);
		}
	});
});

describe('formatPerRequest beyond its chart tests', () => {
	it.each([
		[1e-12, '<$0.0000000001'],
		[2.5e-10, '$0.0000000003'],
		[0.0000123456, '$0.00001235'],
		[Infinity, '$∞']
	])('%s -> %s', (n, text) => {
		expect(formatPerRequest(n)).toBe(text);
	});
});

describe('roundsToZeroCents', () => {
	it.each([
		[0, true],
		[0.0049, true],
		[-0.0049, true],
		[0.005, false],
		[-0.005, false],
		[1e-12, true],
		[4250, false]
	])('%s -> %s', (n, zero) => {
		expect(roundsToZeroCents(n)).toBe(zero);
	});

	it('agrees with formatMoney printing $0.00', () => {
		for (const n of [0.004999, 0.005, -0.004999, -0.005, 0.0051]) {
			expect(roundsToZeroCents(n)).toBe(formatMoney(n) === '$0.00');
		}
	});
});

describe('formatSavingPercent', () => {
	it('shows the percentage of an amount that does not round to $0.00', () => {
		expect(formatSavingPercent(86.845, 4250)).toBe('86.8 %');
		expect(formatSavingPercent(-12.34, 0.005)).toBe('-12.3 %');
		expect(formatSavingPercent(-7_999_900, 0.01)).toBe('-7,999,900.0 %');
	});

	it('shows "n/a" against an amount that rounds to $0.00, never "-79,478,124,999 %"', () => {
		expect(formatSavingPercent(-79_478_124_999, 1e-9)).toBe(NO_PERCENT);
		expect(formatSavingPercent(0, 0)).toBe('n/a');
		expect(formatSavingPercent(50, 0.0049)).toBe('n/a');
		expect(formatSavingPercent(50, -0.0049)).toBe('n/a');
	});

	it('shows "n/a" for a percentage that is not a number', () => {
		expect(formatSavingPercent(Number.NaN, 100)).toBe('n/a');
		expect(formatSavingPercent(-Infinity, 100)).toBe('n/a');
	});

	it('explains itself', () => {
		expect(NO_PERCENT_NOTE).toBe('n/a: the amount it would be a percentage of rounds to $0.00 a month, so a percentage would mean nothing.');
	});
});

describe('formatPercent, formatCount and the word tables', () => {
	it.each([
		[0.05, '0.1 %'],
		[0.049, '0.0 %'],
		[-0.049, '0.0 %'],
		[-0.05, '-0.1 %'],
		[100, '100.0 %']
	])('formatPercent(%s) -> %s', (n, text) => {
		expect(formatPercent(n)).toBe(text);
	});

	it('formats counts as whole numbers with thousands separators', () => {
		expect(formatCount(10_000)).toBe('10,000');
		expect(formatCount(17_549.6)).toBe('17,550');
		expect(formatCount(0)).toBe('0');
	});

	it('names TTLs and tokenizer generations', () => {
		expect(TTL_WORDS).toEqual({ '5m': '5-minute', '1h': '1-hour' });
		expect(TOKENIZER_WORDS).toEqual({ legacy: 'Claude 4.6 and earlier', '2026': 'Claude 4.7 and later' });
	});
});
