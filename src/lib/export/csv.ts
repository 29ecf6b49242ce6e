// A table of raw figures as CSV (Download CSV) or tab-separated text (Copy table). Quoting
// is d3-dsv's (RFC 4180: a field holding the delimiter, a double quote or a line break is
// wrapped in double quotes, its quotes doubled); rows end with CRLF as RFC 4180 says.
// Loaded on first use, never at first paint.
import { csvFormatRow, tsvFormatRow } from 'd3-dsv';

/** One cell: a number (written plainly), text, or null for an empty cell (a value that does not apply). */
export type Cell = number | string | null;

/** A table to export: a name (the file's), a header row and body rows of raw figures. */
export interface ExportTable {
	/** What the table is called on the page ("Stacked savings"); the file is named after it. */
	name: string;
	columns: string[];
	rows: Cell[][];
}

// Up to 15 significant digits: float noise (15750.000000000002) goes, every real digit stays;
// never scientific notation (1e-7 -> 0.0000001), never grouping, a dot for decimals.
const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

/**
 * A number as a spreadsheet reads it: digits, an optional minus and a decimal point, nothing
 * else (no currency sign, no percent, no thousands separator, no exponent). -0 is "0"; a
 * value that is not finite is an empty cell.
 * Examples: 15750.000000000002 -> "15750"; -12.5 -> "-12.5"; 1e-7 -> "0.0000001".
 */
export function plainNumber(n: number): string {
	if (!Number.isFinite(n)) return '';
	const text = plain.format(n);
	return /^-0(\.0*)?$/.test(text) ? '0' : text;
}

/**
 * Text a spreadsheet will not run as a formula: a cell starting with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice against CSV injection). Only text
 * cells (names the reader typed): numbers are written by plainNumber and may start with "-".
 * Example: "=HYPERLINK(...)" -> "'=HYPERLINK(...)".
 */
export function safeText(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cells(row: readonly Cell[]): string[] {
	return row.map((c) => (c === null ? '' : typeof c === 'number' ? plainNumber(c) : safeText(c)));
}

/** The byte-order mark that makes Excel read the file as UTF-8 (model names have "’" and "é"). */
export const BOM = '\uFEFF';

/**
 * The table as a CSV file: a BOM, the header row, the body rows, each row ending in CRLF.
 * Example: { columns: ['Lever', 'Monthly cost (USD)'], rows: [['Today', 15750]] } ->
 * '\uFEFFLever,Monthly cost (USD)\r\nToday,15750\r\n'.
 */
export function toCsv(table: ExportTable): string {
	return BOM + [table.columns, ...table.rows].map((row) => `${csvFormatRow(cells(row))}\r\n`).join('');
}

/**
 * The table as tab-separated text for the clipboard (spreadsheets paste it into cells):
 * header and rows, raw numbers, lines joined with "\n". A cell holding a tab, a quote or a
 * line break is quoted as in CSV.
 */
export function toTsv(table: ExportTable): string {
	return [table.columns, ...table.rows].map((row) => tsvFormatRow(cells(row))).join('\n');
}

/**
 * A file name for a table or chart: lower-case words joined by dashes, after the site's name.
 * Example: fileName('Stacked savings', 'csv') = 'claude-cost-levers-stacked-savings.csv'.
 */
export function fileName(title: string, extension: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return `claude-cost-levers${slug ? `-${slug}` : ''}.${extension}`;
}
