// Chart number formatting. Reference strings: the spec's conventions (cents below $100,
// whole dollars from $100, one-decimal percentages "21.7 %") and hand arithmetic.
import { describe, expect, it } from 'vitest';
import { formatMoneyTick, formatPercentTick } from '$lib/charts/format';
import { formatMoney, formatPercent, formatPerRequest } from '$lib/format';

const ticks = (...values: number[]) => values.map((value) => ({ value }));

describe('formatMoney', () => {
	it.each([
		[13.5, '$13.50'],
		[0.3225, '$0.32'],
		[99.99, '$99.99'],
		[100, '$100'],
		[1234, '$1,234'],
		[1234.5, '$1,235'],
		[-5, '-$5.00'],
		[-1234, '-$1,234'],
		[0, '$0.00'],
		// float noise never prints as "-$0.00"
		[-0.001, '$0.00'],
		[-0, '$0.00']
	])('%s -> %s', (n, text) => {
		expect(formatMoney(n)).toBe(text);
	});
});

describe('formatPerRequest', () => {
	it.each([
		[0.003225, '$0.003225'],
		[0.0135, '$0.0135'],
		[0.00943512, '$0.009435'],
		[0.5, '$0.50'],
		[0.12345, '$0.1235'],
		[1.5, '$1.50'],
		[13.5, '$13.50'],
		[250, '$250'],
		[0, '$0.00'],
		[-0, '$0.00'],
		[-0.0025, '-$0.0025']
	])('%s -> %s', (n, text) => {
		expect(formatPerRequest(n)).toBe(text);
	});
});

describe('formatPercent', () => {
	it.each([
		[(0.25 / 1.15) * 100, '21.7 %'],
		[(1 / 1.9) * 100, '52.6 %'],
		[80, '80.0 %'],
		[78.5, '78.5 %'],
		[0, '0.0 %'],
		[-0.01, '0.0 %'],
		[-12.34, '-12.3 %']
	])('%s -> %s', (n, text) => {
		expect(formatPercent(n)).toBe(text);
	});
});

describe('formatPercentTick', () => {
	it('drops the decimal for whole percentages only', () => {
		expect([0, 20, 100, 21.739].map(formatPercentTick)).toEqual(['0 %', '20 %', '100 %', '21.7 %']);
	});
});

describe('formatMoneyTick', () => {
	it('gives small per-request ticks the decimals their step needs', () => {
		const axis = ticks(0, 0.0005, 0.001, 0.0015);
		expect(axis.map((t) => formatMoneyTick(t.value, axis))).toEqual(['$0.0000', '$0.0005', '$0.0010', '$0.0015']);
	});

	it('shows cents below $100', () => {
		const axis = ticks(0, 0.25, 0.5, 0.75);
		expect(axis.map((t) => formatMoneyTick(t.value, axis))).toEqual(['$0.00', '$0.25', '$0.50', '$0.75']);
	});

	it('shows whole dollars on an axis that reaches $100 in whole steps', () => {
		const axis = ticks(0, 500, 1000, 1500);
		expect(axis.map((t) => formatMoneyTick(t.value, axis))).toEqual(['$0', '$500', '$1,000', '$1,500']);
	});

	it('uses compact notation from $1M so the axis stays narrow at 360 px', () => {
		const axis = ticks(0, 2_500_000, 5_000_000);
		expect(axis.map((t) => formatMoneyTick(t.value, axis))).toEqual(['$0', '$2.5M', '$5M']);
	});

	it('formats a lone value without ticks', () => {
		expect(formatMoneyTick(13.5)).toBe('$13.50');
	});
});
