// Download CSV and Copy table: raw numbers in plain cells, RFC 4180 quoting, CRLF rows, a
// BOM, formula-looking text defused. References: RFC 4180 §2 (hand-written expectations).
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { BOM, fileName, plainNumber, safeText, toCsv, toTsv, type ExportTable } from '$lib/export/csv';

describe('plainNumber', () => {
	it.each([
		[15750, '15750'],
		[15750.000000000002, '15750'], // float noise goes
		[5817.6, '5817.6'],
		[-12.5, '-12.5'],
		[0.1 + 0.2, '0.3'],
		[1e-7, '0.0000001'], // never scientific notation
		[1234567890123, '1234567890123'], // never grouped
		[-0, '0'],
		[-1e-20, '-0.00000000000000000001'],
		[Number.NaN, ''],
		[Number.POSITIVE_INFINITY, '']
	])('%s -> %s', (n, text) => {
		expect(plainNumber(n)).toBe(text);
	});

	it('reads back as the same number up to 15 significant digits', () => {
		// Relative error below 1e-14: 15 significant digits kept.
		for (const n of [Math.PI * 1e6, 1 / 3, 7272.000000000001, 98765.4321]) expect(Math.abs(Number(plainNumber(n)) - n) / n).toBeLessThan(1e-14);
	});
});

describe('safeText', () => {
	it.each([
		['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
		['+1', "'+1"],
		['-cmd', "'-cmd"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tlead', "'\tlead"],
		['Support triage', 'Support triage'],
		['', '']
	])('%j -> %j', (text, safe) => {
		expect(safeText(text)).toBe(safe);
	});
});

const table: ExportTable = {
	name: 'Test',
	columns: ['Name', 'Cost (USD)', 'Share (%)'],
	rows: [
		['Plain', 1000, 12.5],
		['With, comma', -5.25, null],
		['With "quotes"', 0, 100],
		['Two\nlines', 1e-7, 0],
		['=1+1', 7272.000000000001, 53.82857142857143]
	]
};

describe('toCsv', () => {
	it('writes a BOM, a header row and CRLF-terminated rows, quoting as RFC 4180 says', () => {
		expect(toCsv(table)).toBe(
			BOM +
				'Name,Cost (USD),Share (%)\r\n' +
				'Plain,1000,12.5\r\n' +
				'"With, comma",-5.25,\r\n' +
				'"With ""quotes""",0,100\r\n' +
				'"Two\nlines",0.0000001,0\r\n' +
				"'=1+1,7272,53.8285714285714\r\n"
		);
	});

	it('parses back to the same cells: text as written, numbers as plain numbers', () => {
		const rows = csvParseRows(toCsv(table).slice(BOM.length).replace(/\r\n/g, '\n').trimEnd());
		expect(rows[0]).toEqual(table.columns);
		expect(rows.map((r) => r[0])).toEqual(['Name', 'Plain', 'With, comma', 'With "quotes"', 'Two\nlines', "'=1+1"]);
		expect(rows.slice(1).map((r) => r[1]).map(Number)).toEqual([1000, -5.25, 0, 1e-7, 7272]);
		expect(rows[2]?.[2]).toBe('');
	});

	it('never writes a currency sign, percent sign, thousands separator or exponent in a number cell', () => {
		const big: ExportTable = { name: 'x', columns: ['n'], rows: [[1e21], [123456789.123], [5e-11]] };
		const cells = toCsv(big).slice(BOM.length).split('\r\n').slice(1, -1);
		expect(cells).toEqual(['1000000000000000000000', '123456789.123', '0.00000000005']);
		for (const c of cells) expect(c).toMatch(/^-?\d+(\.\d+)?$/);
	});

	it('does not mutate the table', () => {
		const copy = structuredClone(table);
		toCsv(table);
		expect(table).toEqual(copy);
	});
});

describe('toTsv', () => {
	it('writes tab-separated raw figures with a header row, lines joined by \\n', () => {
		const text = toTsv({ name: 'x', columns: ['Lever', 'Monthly cost (USD)'], rows: [['Today', 15750], ['Batch API', 5817.6], ['Tab\there', null]] });
		expect(text).toBe('Lever\tMonthly cost (USD)\nToday\t15750\nBatch API\t5817.6\n"Tab\there"\t');
		expect(tsvParseRows(text)[3]).toEqual(['Tab\there', '']);
	});
});

describe('fileName', () => {
	it.each([
		['Stacked savings', 'csv', 'claude-cost-levers-stacked-savings.csv'],
		['Savings waterfall: Support triage', 'png', 'claude-cost-levers-savings-waterfall-support-triage.png'],
		['Café “x” / 2027', 'csv', 'claude-cost-levers-cafe-x-2027.csv'],
		['***', 'csv', 'claude-cost-levers.csv']
	])('%j -> %s', (title, ext, name) => {
		expect(fileName(title, ext)).toBe(name);
	});
});
