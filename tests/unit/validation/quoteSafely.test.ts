// Quoting a value from outside (a link, a file, a file name) in a plain-text message.
import { describe, expect, it } from 'vitest';
import { escapeInvisible, quoteSafely } from '$lib/validation/quoteSafely';

describe('quoteSafely', () => {
	it.each([
		['a plain file name', 'scenario.json', '"scenario.json"'],
		['a right-to-left override (U+202E)', 'report\u202Enosj.exe', '"report\\u202enosj.exe"'],
		['a left-to-right isolate and its pop', 'a\u2066b\u2069', '"a\\u2066b\\u2069"'],
		['a zero-width space and joiner', 'a\u200Bb\u200Dc', '"a\\u200bb\\u200dc"'],
		['a line and a paragraph separator', 'a\u2028b\u2029', '"a\\u2028b\\u2029"'],
		['a byte-order mark', '\uFEFFname.json', '"\\ufeffname.json"'],
		['a soft hyphen', 'a\u00ADb', '"a\\u00adb"'],
		['a lone surrogate', 'a\uD800b', '"a\\ud800b"'],
		['control characters, escaped by JSON', 'a\nb\u0007', '"a\\nb\\u0007"'],
		['quotes and backslashes', 'say "hi"\\', '"say \\"hi\\"\\\\"'],
		['an emoji (visible, kept)', 'plan 📈.json', '"plan 📈.json"']
	])('%s', (_name, value, quoted) => {
		expect(quoteSafely(value)).toBe(quoted);
	});

	it('quotes at most 32 characters of a long name, then "..."', () => {
		const name = `${'a'.repeat(40)}.json`;
		expect(quoteSafely(name)).toBe(`"${'a'.repeat(32)}..."`);
		expect(quoteSafely('b'.repeat(32))).toBe(`"${'b'.repeat(32)}"`);
		// 32 characters, not 32 UTF-16 units: an emoji is not split in half
		expect(quoteSafely('📈'.repeat(40))).toBe(`"${'📈'.repeat(32)}..."`);
	});

	it('escapes a control character that a cut leaves at the end', () => {
		expect(quoteSafely(`${'a'.repeat(31)}\u202E${'b'.repeat(10)}`)).toBe(`"${'a'.repeat(31)}\\u202e..."`);
	});

	it('quotes other values as JSON, numbers as the link spelled them', () => {
		expect(quoteSafely(1)).toBe('1');
		expect(quoteSafely(Infinity)).toBe('Infinity');
		expect(quoteSafely(Number.NaN)).toBe('NaN');
		expect(quoteSafely(null)).toBe('null');
		expect(quoteSafely(true)).toBe('true');
		expect(quoteSafely(undefined)).toBe('nothing');
		expect(quoteSafely({ a: '\u202E' })).toBe('{"a":"\\u202e"}');
	});

	it('never throws, even on a value that cannot be read', () => {
		const hostile = {
			toJSON() {
				throw new Error('no');
			},
			toString() {
				throw new Error('no');
			}
		};
		expect(quoteSafely(hostile)).toBe('(an unreadable value)');
		expect(quoteSafely(10n)).toBe('10');
	});
});

describe('escapeInvisible', () => {
	it('writes invisible characters as \\u escapes and leaves the rest', () => {
		expect(escapeInvisible('a\u200Bb')).toBe('a\\u200bb');
		expect(escapeInvisible('plain text, 100 %')).toBe('plain text, 100 %');
		expect(escapeInvisible('\u{E0001}')).toBe('\\ue0001');
	});
});
