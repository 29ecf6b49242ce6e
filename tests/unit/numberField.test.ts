// What a number field reads from typed text, and how it shows its value (src/lib/format.ts:
// readNumberField, checkNumberField, editableNumber, fieldNumber). Reference values by hand.
import { describe, expect, it } from 'vitest';
import { checkNumberField, editableNumber, fieldNumber, readNumberField } from '$lib/format';

const value = (text: string) => {
	const read = readNumberField(text);
	return read.ok ? read.value : read.message;
};

describe('readNumberField', () => {
	it.each([
		['300000', 300_000],
		['300,000', 300_000],
		['1,234,567.5', 1_234_567.5],
		['300k', 300_000],
		['300K', 300_000],
		['300 k', 300_000],
		['1.2M', 1_200_000],
		['1.2m', 1_200_000],
		// exactly, not 1.1 x 1e6 = 1,100,000.0000000002
		['1.1M', 1_100_000],
		['2.5k', 2500],
		[' 12 ', 12],
		['\t12\n', 12],
		['0', 0],
		['-0', 0],
		['-5', -5],
		['+5', 5],
		['0.5', 0.5],
		['.5', 0.5],
		['5.', 5],
		['92.5', 92.5],
		['0.0000001', 0.0000001]
	])('%j -> %d', (text, expected) => {
		expect(value(text)).toBe(expected);
	});

	it('reads -0 as 0, not -0', () => {
		expect(Object.is(value('-0'), 0)).toBe(true);
	});

	it.each([
		['0x10', '“0x10” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['1e-7', '“1e-7” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['abc', '“abc” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['12 000', '“12 000” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['1.2.3', '“1.2.3” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['5kk', '“5kk” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['Infinity', '“Infinity” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['１００', '“１００” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['1\u200B000', '“1\\u200b000” is not a number: type digits, such as 300000, 300,000 or 300k.'],
		['1,5', '“1,5” is not a number: write decimals with a point (1.5), and commas only between groups of three digits (300,000).'],
		['30,00', '“30,00” is not a number: write decimals with a point (1.5), and commas only between groups of three digits (300,000).'],
		['3000,000', '“3000,000” is not a number: write decimals with a point (1.5), and commas only between groups of three digits (300,000).'],
		['', 'Enter a number.'],
		['   ', 'Enter a number.']
	])('refuses %j', (text, message) => {
		expect(readNumberField(text)).toEqual({ ok: false, message });
	});

	it('quotes at most 24 characters of what was typed', () => {
		const read = readNumberField('x'.repeat(40));
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.message.startsWith(`“${'x'.repeat(24)}…”`)).toBe(true);
	});

	it('refuses a number too large for a double', () => {
		expect(readNumberField('9'.repeat(400))).toEqual({ ok: false, message: `“${'9'.repeat(24)}…” is too large to be a number here.` });
	});
});

describe('checkNumberField', () => {
	const requests = { min: 0, max: 1_000_000_000_000, integer: true };
	const percent = { min: 0, max: 100, unit: '%' };

	it('accepts a value within the bounds, 0 included', () => {
		expect(checkNumberField('0', requests)).toEqual({ ok: true, value: 0 });
		expect(checkNumberField('1.2M', requests)).toEqual({ ok: true, value: 1_200_000 });
		expect(checkNumberField('100', percent)).toEqual({ ok: true, value: 100 });
		expect(checkNumberField('92.5', percent)).toEqual({ ok: true, value: 92.5 });
	});

	it('refuses what is out of bounds or not whole, saying why', () => {
		expect(checkNumberField('150', percent)).toEqual({ ok: false, message: 'Above the maximum, 100 %.' });
		expect(checkNumberField('-1', percent)).toEqual({ ok: false, message: 'Below the minimum, 0 %.' });
		expect(checkNumberField('2000000M', requests)).toEqual({ ok: false, message: 'Above the maximum, 1,000,000,000,000.' });
		expect(checkNumberField('2.5', requests)).toEqual({ ok: false, message: 'Enter a whole number.' });
		expect(checkNumberField('0', { min: 1, max: 1000, integer: true })).toEqual({ ok: false, message: 'Below the minimum, 1.' });
	});

	it('passes on what readNumberField refuses', () => {
		expect(checkNumberField('0x10', requests)).toEqual(readNumberField('0x10'));
	});
});

describe('editableNumber', () => {
	it.each([
		[300_000, '300000'],
		[0, '0'],
		[-0, '0'],
		[92.5, '92.5'],
		[0.1 + 0.2, '0.3'],
		[1e-7, '0.0000001'],
		[1.5e-10, '0.00000000015'],
		[1e21, '1000000000000000000000'],
		[1_000_000_000_000, '1000000000000'],
		[Number.NaN, '']
	])('%d -> %j', (n, expected) => {
		expect(editableNumber(n)).toBe(expected);
		expect(editableNumber(n)).not.toMatch(/e/i);
	});
});

describe('fieldNumber', () => {
	it.each([
		[300_000, true, '300,000'],
		[1_000_000_000_000, true, '1,000,000,000,000'],
		[0, true, '0'],
		[92.5, false, '92.5'],
		[33.3, false, '33.3'],
		[1e-7, false, '0.0000001'],
		[0.5, false, '0.5']
	])('(%d, whole %s) -> %j', (n, integer, expected) => {
		expect(fieldNumber(n, integer)).toBe(expected);
	});
});
