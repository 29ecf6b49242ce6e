// What the price editor accepts, and how accepted values become overrides. Expected
// figures are hand arithmetic on the rates of docs/pricing-model.md §1.3 and §1.4.
import { describe, expect, it } from 'vitest';
import {
	checkInput,
	effectiveValue,
	followsInput,
	readTypedNumber,
	resetOverride,
	setOverride,
	showValue
} from '$lib/pricing/priceInput';
import { getModel, getSheet } from '$lib/pricing/sheets';

const november = getSheet('anthropic-2026-11');
const march = getSheet('anthropic-2026-03');
const opus55 = getModel(november, 'opus-5-5');
const haiku55 = getModel(november, 'haiku-5-5');
const opus45 = getModel(november, 'opus-4-5');
const opus46march = getModel(march, 'opus-4-6');

describe('readTypedNumber', () => {
	it.each([
		['4', 4],
		[' 4.50 ', 4.5],
		['$4.50', 4.5],
		['$ 4', 4],
		['-$1', -1],
		['.5', 0.5],
		['4.', 4],
		['1,024', 1024],
		['10,000.5', 10000.5],
		['1e3', 1000],
		['-1', -1],
		['-0', 0],
		['abc', null],
		['', null],
		['4 dollars', null],
		['1,5', null],
		['1,0000', null],
		['0x10', null],
		['Infinity', null],
		['NaN', null],
		['1e999', null],
		['４', null]
	] as const)('%j -> %s', (text, expected) => {
		expect(readTypedNumber(text)).toBe(expected);
	});
});

describe('checkInput', () => {
	it.each([
		['4', 4],
		['0', 0],
		['10000', 10000],
		['$0.20', 0.2]
	] as const)('accepts the price %j', (text, value) => {
		expect(checkInput(text, { kind: 'price' })).toEqual({ ok: true, value });
	});

	it.each([
		['-1', 'A price cannot be negative.'],
		['-0.01', 'A price cannot be negative.'],
		['10000.01', 'Above $10,000 per million tokens, more than any model costs: check for extra zeros.'],
		['1e9', 'Above $10,000 per million tokens, more than any model costs: check for extra zeros.'],
		['abc', '“abc” is not a number.'],
		['', 'Enter a price in dollars per million tokens.'],
		['  ', 'Enter a price in dollars per million tokens.'],
		['5\u202E0', '“5\\u202e0” is not a number.'],
		['<img src=x onerror=alert(1)> and then some', '“<img src=x onerror=alert…” is not a number.']
	] as const)('refuses the price %j: %s', (text, message) => {
		expect(checkInput(text, { kind: 'price' })).toEqual({ ok: false, message });
	});

	it('takes a minimum cacheable prefix up to the model context window, in whole tokens', () => {
		const rule = { kind: 'tokens', modelName: 'Opus 4.5', contextWindow: 200_000 } as const;
		expect(checkInput('200,000', rule)).toEqual({ ok: true, value: 200_000 });
		expect(checkInput('0', rule)).toEqual({ ok: true, value: 0 });
		expect(checkInput('200001', rule)).toEqual({ ok: false, message: "Above Opus 4.5's context window of 200,000 tokens." });
		expect(checkInput('1024.5', rule)).toEqual({ ok: false, message: 'Enter a whole number of tokens.' });
		expect(checkInput('-1', rule)).toEqual({ ok: false, message: 'A number of tokens cannot be negative.' });
		expect(checkInput('', rule)).toEqual({ ok: false, message: 'Enter a number of tokens.' });
		const huge = { kind: 'tokens', modelName: 'Big', contextWindow: 50_000_000 } as const;
		expect(checkInput('20000000', huge)).toEqual({ ok: false, message: 'Above 10,000,000 tokens, the most the calculator takes.' });
	});

	it('takes a context window of at least the minimum cacheable prefix', () => {
		const rule = { kind: 'contextWindow', minCacheTokens: 4096 } as const;
		expect(checkInput('1,000,000', rule)).toEqual({ ok: true, value: 1_000_000 });
		expect(checkInput('4095', rule)).toEqual({
			ok: false,
			message: "Below the model's minimum cacheable prefix of 4,096 tokens; lower that first."
		});
		expect(checkInput('0', rule)).toEqual({ ok: false, message: 'A context window must be at least 1 token.' });
		expect(checkInput('100000001', rule)).toEqual({ ok: false, message: 'Above 100,000,000 tokens, the most a price sheet takes.' });
	});

	it('takes an optional factor above 0 and at most 100; empty is none', () => {
		expect(checkInput('', { kind: 'factor' })).toEqual({ ok: true, value: null });
		expect(checkInput('2', { kind: 'factor' })).toEqual({ ok: true, value: 2 });
		expect(checkInput('0', { kind: 'factor' })).toEqual({ ok: false, message: 'A factor must be above 0 (leave the field empty for none).' });
		expect(checkInput('101', { kind: 'factor' })).toEqual({ ok: false, message: 'Above 100, the largest factor a price sheet takes.' });
	});
});

describe('effectiveValue and followsInput', () => {
	it('shows the sheet value without an override', () => {
		expect(effectiveValue(opus55, undefined, 'cacheReadPerMTok')).toBe(0.2);
		expect(effectiveValue(opus55, undefined, 'minCacheTokens')).toBe(512);
		expect(effectiveValue(opus55, undefined, 'bandInputPerMTok')).toBeUndefined();
		expect(effectiveValue(haiku55, undefined, 'bandInputPerMTok')).toBe(0.5);
	});

	it('scales cache rates left alone with an overridden input rate', () => {
		// Opus 4.6 (March): $5 in, $6.25 write, $10 1-hour write, $0.50 read; input $4 -> 5, 8, 0.40.
		const o = { inputPerMTok: 4 };
		expect(effectiveValue(opus46march, o, 'cacheWrite5mPerMTok')).toBeCloseTo(5, 12);
		expect(effectiveValue(opus46march, o, 'cacheWrite1hPerMTok')).toBeCloseTo(8, 12);
		expect(effectiveValue(opus46march, o, 'cacheReadPerMTok')).toBeCloseTo(0.4, 12);
		expect(effectiveValue(opus46march, o, 'outputPerMTok')).toBe(25);
		expect(followsInput(opus46march, o, 'cacheReadPerMTok')).toBe(true);
		expect(followsInput(opus46march, o, 'outputPerMTok')).toBe(false);
		expect(followsInput(opus46march, o, 'inputPerMTok')).toBe(false);
		expect(followsInput(opus46march, { ...o, cacheReadPerMTok: 1 }, 'cacheReadPerMTok')).toBe(false);
		expect(effectiveValue(opus46march, { ...o, cacheReadPerMTok: 1 }, 'cacheReadPerMTok')).toBe(1);
	});

	it('scales band cache rates with an overridden band input rate only', () => {
		// Haiku 5.5's band: $0.50 in, $0.05 read; band input $1 -> read $0.10. Outside the band, unchanged.
		const o = { bandInputPerMTok: 1 };
		expect(effectiveValue(haiku55, o, 'bandCacheReadPerMTok')).toBeCloseTo(0.1, 12);
		expect(effectiveValue(haiku55, o, 'cacheReadPerMTok')).toBe(0.01);
		expect(followsInput(haiku55, o, 'bandCacheReadPerMTok')).toBe(true);
		expect(followsInput(haiku55, o, 'cacheReadPerMTok')).toBe(false);
	});
});

describe('setOverride and resetOverride', () => {
	it('sets one field and leaves the input alone', () => {
		const prices = {};
		expect(setOverride(prices, opus55, 'inputPerMTok', 3)).toEqual({ 'opus-5-5': { inputPerMTok: 3 } });
		expect(prices).toEqual({});
	});

	it('drops a value equal to the sheet, and the model once it has no override left', () => {
		const prices = { 'opus-5-5': { inputPerMTok: 3, outputPerMTok: 10 } };
		expect(setOverride(prices, opus55, 'inputPerMTok', 4)).toEqual({ 'opus-5-5': { outputPerMTok: 10 } });
		expect(setOverride({ 'opus-5-5': { inputPerMTok: 3 } }, opus55, 'inputPerMTok', 4)).toEqual({});
		expect(prices).toEqual({ 'opus-5-5': { inputPerMTok: 3, outputPerMTok: 10 } });
	});

	it('keeps a cache rate equal to the sheet when the input is overridden (it would follow the input otherwise)', () => {
		// Input $4 on Opus 4.6 makes the read follow to $0.40; typing the sheet's $0.50 is a real override.
		const prices = { 'opus-4-6': { inputPerMTok: 4 } };
		expect(setOverride(prices, opus46march, 'cacheReadPerMTok', 0.5)).toEqual({ 'opus-4-6': { inputPerMTok: 4, cacheReadPerMTok: 0.5 } });
		// Typing the value it follows to is no override.
		expect(setOverride(prices, opus46march, 'cacheReadPerMTok', 0.4)).toEqual(prices);
	});

	it('sets and resets the minimum cacheable prefix and band rates', () => {
		const withMin = setOverride({}, opus45, 'minCacheTokens', 2048);
		expect(withMin).toEqual({ 'opus-4-5': { minCacheTokens: 2048 } });
		expect(resetOverride(withMin, 'opus-4-5', 'minCacheTokens')).toEqual({});
		const band = setOverride({}, haiku55, 'bandOutputPerMTok', 3);
		expect(band).toEqual({ 'haiku-5-5': { bandOutputPerMTok: 3 } });
		expect(resetOverride(band, 'haiku-5-5', 'inputPerMTok')).toEqual(band);
		expect(resetOverride(band, 'opus-5-5', 'inputPerMTok')).toEqual(band);
	});
});

describe('showValue', () => {
	it.each([
		[0.1 + 0.2, '0.3'],
		[4, '4'],
		[0.125, '0.125'],
		[1_000_000, '1000000'],
		[4 * (6.25 / 5), '5']
	])('%d -> %s', (n, text) => {
		expect(showValue(n)).toBe(text);
	});
});
