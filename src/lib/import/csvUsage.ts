// CSV usage and cost exports: the header is mapped to fields (csvColumns.ts, with the user's
// mapping on top), then every row becomes a request (when it has a request id), a report row
// of many requests, or an actual cost. Pure.
import { proposeCsvMapping, type CsvField, type CsvMappingInput } from './csvColumns';
import { createCsvTokenizer, type CsvTokenizer } from './csvTokenizer';
import type { FileContext } from './fileContext';
import { NO_MODEL, type RecordTraits, type TokenCounts } from './types';
import { emptyTokens, MAX_REQUEST_SEARCHES, MAX_REQUEST_TOKENS, readGeo, readServiceTier, readSpeed } from './usageObject';

const DAY_MS = 86_400_000;
const TOKEN_FIELDS = ['uncachedInput', 'cacheWrite5m', 'cacheWrite1h', 'cacheCreation', 'cacheRead', 'output', 'webSearches'] as const;
type TokenField = (typeof TOKEN_FIELDS)[number];

/** "1,234", "$1.50", " 12 " -> a number; '' -> null; anything else -> NaN. */
export function readCsvNumber(cell: string): number | null {
	let t = cell.trim();
	if (t === '' || t === '-') return null;
	if (t.startsWith('$')) t = t.slice(1);
	if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
	if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return NaN;
	return Number(t);
}

/**
 * A date cell: a day (2026-11-01, covering that whole UTC day) or a date-time (ISO 8601;
 * without a zone, UTC). Returns the start and end in ms, or null when unreadable.
 * Example: '2026-11-01' -> { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 2) }.
 */
export function readCsvDate(cell: string): { start: number; end: number } | null {
	const t = cell.trim();
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
	if (day) {
		const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
		return Number.isFinite(start) ? { start, end: start + DAY_MS } : null;
	}
	const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i.exec(t);
	if (!m) return null;
	const zone = m[3] === undefined || m[3].toUpperCase() === 'UTC' ? 'Z' : m[3];
	const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
	return Number.isFinite(ms) ? { start: ms, end: ms } : null;
}

export interface CsvParser {
	push(chunk: string): void;
	end(): void;
}

/**
 * Reads a CSV export. Rows whose token or cost cells cannot be read are skipped with the
 * line and column; blank rows are ignored; unreadable dates keep the row (without a date).
 */
export function createCsvParser(ctx: FileContext, delimiter: string, mappingInput: CsvMappingInput = {}): CsvParser {
	let header: string[] | null = null;
	let index: Partial<Record<CsvField, number>> = {};
	let usable = true;
	let badDates = 0;
	let badDateLine = 0;
	let firstDateColumn = '';

	const cellOf = (row: string[], field: CsvField): string | null => {
		const i = index[field];
		return i === undefined ? null : (row[i] ?? '');
	};

	const readHeader = (row: string[], line: number) => {
		header = row.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
		const mapping = proposeCsvMapping(header, mappingInput);
		index = {};
		mapping.columns.forEach((field, i) => {
			if (field !== null && index[field] === undefined) index[field] = i;
		});
		ctx.report.csv = { header, mapping: mapping.columns, unmapped: mapping.unmapped };
		for (const note of mapping.notes) ctx.note(note);
		const hasTokens = TOKEN_FIELDS.some((f) => index[f] !== undefined);
		const hasCost = index.costUsd !== undefined || index.costCents !== undefined;
		if (!hasTokens && !hasCost) {
			usable = false;
			ctx.skip(line, {
				field: '',
				message: `No column gives tokens or a cost (columns: ${header.join(', ')}): map the columns to read this file.`,
				reason: 'no usable column'
			});
		}
		if (mapping.unmapped.length) ctx.note(`Columns not read: ${mapping.unmapped.join(', ')}. Map them if they hold usage.`);
	};

	const readRow = (row: string[], line: number) => {
		const names = header as string[];
		const column = (field: CsvField) => names[index[field] as number] ?? field;
		const fail = (field: CsvField, message: string, reason: string) => ctx.skip(line, { field: column(field), message, reason });

		const tokens: TokenCounts = emptyTokens();
		const values: Partial<Record<TokenField, number>> = {};
		const perRequest = (cellOf(row, 'requestId') ?? '').trim() !== '';
		for (const f of TOKEN_FIELDS) {
			const cell = cellOf(row, f);
			if (cell === null) continue;
			const n = readCsvNumber(cell);
			if (n === null) continue;
			const max = perRequest ? (f === 'webSearches' ? MAX_REQUEST_SEARCHES : MAX_REQUEST_TOKENS) : Number.MAX_SAFE_INTEGER;
			if (!Number.isInteger(n) || n < 0) return fail(f, `"${cell.trim()}" in column "${column(f)}" is not a whole number of 0 or more`, `${column(f)} not a whole number`);
			if (n > max) return fail(f, `${n} in column "${column(f)}" is more than one request can hold`, `${column(f)} too large`);
			values[f] = n;
		}
		tokens.uncachedInput = values.uncachedInput ?? 0;
		tokens.cacheRead = values.cacheRead ?? 0;
		tokens.output = values.output ?? 0;
		tokens.webSearches = values.webSearches ?? 0;
		tokens.cacheWrite5m = values.cacheWrite5m ?? 0;
		tokens.cacheWrite1h = values.cacheWrite1h ?? 0;
		const unsplit = (values.cacheCreation ?? 0) - tokens.cacheWrite5m - tokens.cacheWrite1h;
		if (unsplit > 0) {
			tokens.cacheWrite5m += unsplit;
			tokens.creationWithoutSplit = unsplit;
		}

		let actualUsd: number | null = null;
		for (const f of ['costUsd', 'costCents'] as const) {
			const cell = cellOf(row, f);
			if (cell === null || actualUsd !== null) continue;
			const n = readCsvNumber(cell);
			if (n === null) continue;
			if (!Number.isFinite(n)) return fail(f, `"${cell.trim()}" in column "${column(f)}" is not a number`, `${column(f)} not a number`);
			actualUsd = f === 'costCents' ? n / 100 : n;
		}
		const currency = (cellOf(row, 'currency') ?? '').trim();
		if (actualUsd !== null && currency !== '' && currency.toUpperCase() !== 'USD') {
			return fail('currency', `the cost is in ${currency}: only US dollars are compared`, 'currency not USD');
		}

		let start: number | null = null;
		let end: number | null = null;
		const startCell = (cellOf(row, 'start') ?? '').trim();
		const endCell = (cellOf(row, 'end') ?? '').trim();
		for (const [cell, field] of [
			[startCell, 'start'],
			[endCell, 'end']
		] as const) {
			if (cell === '') continue;
			const date = readCsvDate(cell);
			if (!date) {
				badDates += 1;
				if (badDates === 1) {
					badDateLine = line;
					firstDateColumn = column(field);
				}
				continue;
			}
			if (field === 'start') {
				start = date.start;
				end ??= date.end;
			} else end = date.end;
		}

		const remarks: string[] = [];
		const traits: RecordTraits = {
			model: (cellOf(row, 'model') ?? '').trim() || NO_MODEL,
			serviceTier: readServiceTier((cellOf(row, 'serviceTier') ?? '').trim().toLowerCase(), remarks, column('serviceTier')),
			speed: readSpeed((cellOf(row, 'speed') ?? '').trim()),
			inferenceGeo: readGeo((cellOf(row, 'inferenceGeo') ?? '').trim())
		};
		for (const remark of remarks) ctx.note(remark);

		const hasTokens = TOKEN_FIELDS.some((f) => index[f] !== undefined);
		if (perRequest) {
			const id = (cellOf(row, 'requestId') as string).trim();
			const outcome = ctx.collector.request(traits, tokens, { time: start, actualUsd, ids: [`csv:${id}`] });
			if (outcome === 'duplicate') ctx.duplicate();
			else ctx.read();
			return;
		}
		if (!hasTokens) {
			if (actualUsd === null) return ctx.ignore('rows without a cost');
			ctx.collector.cost(traits, actualUsd, start, end);
			ctx.read();
			return;
		}
		const requestsCell = cellOf(row, 'requests');
		let requests: number | null = null;
		if (requestsCell !== null) {
			const n = readCsvNumber(requestsCell);
			if (n !== null && (!Number.isInteger(n) || n < 0)) {
				return fail('requests', `"${requestsCell.trim()}" in column "${column('requests')}" is not a whole number of 0 or more`, `${column('requests')} not a whole number`);
			}
			requests = n;
		}
		const contextWindow = (cellOf(row, 'contextWindow') ?? '').trim() || null;
		ctx.collector.rows(traits, tokens, { requests, start, end, contextWindow, actualUsd });
		ctx.read();
	};

	const tokenizer: CsvTokenizer = createCsvTokenizer(
		{
			row(row, line) {
				if (row.every((cell) => cell.trim() === '')) {
					if (header) ctx.ignore('blank rows');
					return;
				}
				if (!header) return readHeader(row, line);
				if (!usable) return ctx.ignore('rows not read (no usable column)');
				readRow(row, line);
			},
			problem(line, message, fatal) {
				if (fatal) ctx.skip(line, { field: '', message, reason: 'unclosed quote' });
				else ctx.note(`Line ${line}: ${message} (and perhaps elsewhere).`);
			}
		},
		delimiter
	);

	return {
		push: (chunk) => tokenizer.push(chunk),
		end() {
			tokenizer.end();
			if (badDates > 0) {
				ctx.note(
					`${badDates} date cell${badDates === 1 ? '' : 's'} could not be read (first on line ${badDateLine}, column "${firstDateColumn}"): use 2026-11-01 or 2026-11-01T13:00:00Z. Those rows are kept without a date.`
				);
			}
			if (!header) ctx.skip(null, { field: '', message: 'The file has no header row.', reason: 'no header' });
		}
	};
}

