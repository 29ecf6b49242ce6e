// CSV exports (tests/fixtures/import/*.csv): the Console's usage layout with quoted commas and
// line breaks, a cost export, and a file whose columns only the user's mapping explains.
import { describe, expect, it } from 'vitest';
import { importTexts } from '$lib/import/importer';
import { priceUsage } from '$lib/import/priceUsage';
import { readCsvDate, readCsvNumber } from '$lib/import/csvUsage';
import { getSheet } from '$lib/pricing/sheets';
import { fixture, group, importFixtures } from './helpers';

const november = getSheet('anthropic-2026-11');

describe('readCsvNumber and readCsvDate', () => {
	it.each([
		['1,000,000', 1_000_000],
		[' 42 ', 42],
		['$0.50', 0.5],
		['-3.5', -3.5],
		['1e3', 1000],
		['', null],
		['-', null]
	])('%j -> %j', (cell, n) => expect(readCsvNumber(cell)).toBe(n));

	it.each(['oops', '1,5', '12abc', '0x10'])('%j is not a number', (cell) => expect(readCsvNumber(cell)).toBeNaN());

	it('reads a day as the whole UTC day and a date-time without a zone as UTC', () => {
		expect(readCsvDate('2026-11-01')).toEqual({ start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 2) });
		expect(readCsvDate('2026-11-01 13:30:00')).toEqual({ start: Date.UTC(2026, 10, 1, 13, 30), end: Date.UTC(2026, 10, 1, 13, 30) });
		expect(readCsvDate('2026-11-01T13:30:00+01:00')).toEqual({ start: Date.UTC(2026, 10, 1, 12, 30), end: Date.UTC(2026, 10, 1, 12, 30) });
		expect(readCsvDate('11/01/2026')).toBeNull();
	});
});

describe('the Console usage export', () => {
	const summary = importFixtures(['console-usage.csv']);
	const file = summary.files[0]!;

	it('reads 3 rows (quoted commas and a quoted line break included) and skips the bad one by line and column', () => {
		expect(file.format).toBe('csv');
		expect(file.recordsRead).toBe(3);
		expect(file.issues).toEqual([
			{
				file: 'console-usage.csv',
				line: 6,
				field: 'usage_input_tokens_no_cache',
				message: '"oops" in column "usage_input_tokens_no_cache" is not a whole number of 0 or more'
			}
		]);
		expect(file.csv?.unmapped).toEqual(['Notes']);
	});

	it('sums the rows per model and covers three days', () => {
		const sonnet = group(summary, 'sonnet-4-6|standard|standard|');
		expect(sonnet.tokens.uncachedInput).toBe(3_000_000);
		expect(sonnet.tokens.output).toBe(200_000);
		expect(sonnet.rowsWithoutRequests).toBe(2);
		expect(summary.days).toBe(3);
	});

	it('prices the rows: Sonnet 4.6 $6 + $6, Haiku 5.5 in its band (200k-1M) $0.50', () => {
		// 1,000,000 x $3 + 200,000 x $15 = $6; 2,000,000 x $3 = $6; 1,000,000 x $0.50 = $0.50.
		expect(priceUsage(summary, november).computedUsd).toBeCloseTo(12.5, 9);
	});
});

describe('a cost export', () => {
	it('reads costs in dollars (with or without $) and skips an unreadable one', () => {
		const summary = importFixtures(['cost.csv']);
		const file = summary.files[0]!;
		expect(file.recordsRead).toBe(2);
		expect(file.issues.map((i) => [i.line, i.field])).toEqual([[4, 'Cost (USD)']]);
		expect(group(summary, 'sonnet-4-6|standard|standard|').actualUsd).toBe(12);
		expect(group(summary, 'haiku-5-5|standard|standard|').actualUsd).toBe(0.5);
	});

	it('sets the cost export against the usage export: computed $12.50, actual $12.50', () => {
		const priced = priceUsage(importFixtures(['console-usage.csv', 'cost.csv']), november);
		expect(priced.actualUsd).toBeCloseTo(12.5, 9);
		expect(priced.differenceUsd).toBeCloseTo(0, 9);
	});

	it('reads cents and refuses other currencies', () => {
		const summary = importTexts([{ name: 'c.csv', text: 'model,amount,currency\nclaude-opus-5-5,"1,234.5",USD\nclaude-opus-5-5,100,EUR\n' }]);
		expect(summary.groups[0]!.actualUsd).toBeCloseTo(12.345, 12);
		expect(summary.files[0]!.skippedByReason).toEqual({ 'currency not USD': 1 });
	});
});

describe('the mapping step', () => {
	const text = fixture('custom-columns.csv');

	it('without a mapping: no usable column, every column listed, nothing read', () => {
		const summary = importTexts([{ name: 'custom-columns.csv', text }]);
		const file = summary.files[0]!;
		expect(file.csv).toEqual({
			header: ['When', 'Which model', 'Tokens in', 'Tokens out', 'Spent', 'Comment'],
			mapping: [null, null, null, null, null, null],
			unmapped: ['When', 'Which model', 'Tokens in', 'Tokens out', 'Spent', 'Comment']
		});
		expect(file.recordsRead).toBe(0);
		expect(file.skippedByReason).toEqual({ 'no usable column': 1 });
		expect(file.ignored).toEqual({ 'rows not read (no usable column)': 2 });
	});

	it("with the user's mapping (semicolons detected): two rows of one request each, priced and compared", () => {
		const summary = importTexts([{ name: 'custom-columns.csv', text }], {
			csvMapping: { When: 'start', 'Which model': 'model', 'Tokens in': 'uncachedInput', 'Tokens out': 'output', Spent: 'costUsd', Comment: 'requestId' }
		});
		const file = summary.files[0]!;
		expect(file.recordsRead).toBe(2);
		expect(summary.ledger.length).toBe(2);
		const g = group(summary, 'sonnet-4-6|standard|standard|');
		expect(g.requests).toBe(2);
		expect(g.perRequest?.input).toBe(2000);
		expect(summary.days).toBeCloseTo(1 / 24, 12);
		// Each: (2,000 x $3 + 500 x $15) / 1e6 = $0.0135, as the file says it cost.
		const priced = priceUsage(summary, november);
		expect(priced.computedUsd).toBeCloseTo(0.027, 12);
		expect(priced.actualUsd).toBeCloseTo(0.027, 12);
	});
});
