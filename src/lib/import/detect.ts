// Which format a file is, decided from its first chunk of text. Pure.
import { createCsvTokenizer } from './csvTokenizer';
import { isObject } from './fields';
import { createJsonValueReader } from './jsonValues';
import type { ImportFormat } from './types';

/** How the text of a file is cut before its format's reader sees it. */
export type ReadMode = 'lines' | 'document' | 'csv';

export type Detection =
	| { ok: true; format: ImportFormat; mode: ReadMode; delimiter: string }
	/** `needMore`: JSON whose first chunk told nothing yet; more text may (not given for a whole file). */
	| { ok: false; message: string; needMore?: boolean };

/** Values looked at before giving up on recognising a JSON file. */
const MAX_SAMPLES = 50;
const USAGE_KEYS = ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens'];
const REPORT_USAGE_KEYS = ['uncached_input_tokens', 'cache_read_input_tokens', 'output_tokens', 'cache_creation'];

/**
 * The format of one parsed JSON value, or null when it tells nothing (a Claude Code line is
 * recognised by its session fields even when it has no usage).
 */
export function classifyValue(value: unknown): ImportFormat | null {
	if (Array.isArray(value)) {
		for (const v of value.slice(0, MAX_SAMPLES)) {
			const format = classifyValue(v);
			if (format) return format;
		}
		return null;
	}
	if (!isObject(value)) return null;
	if ('custom_id' in value && isObject(value.result)) return 'batch-results';
	if (Array.isArray(value.data) && ('has_more' in value || 'next_page' in value || value.data.some((b) => isObject(b) && 'results' in b))) {
		for (const bucket of value.data) {
			if (!isObject(bucket) || !Array.isArray(bucket.results)) continue;
			for (const r of bucket.results) {
				if (!isObject(r)) continue;
				if ('amount' in r || 'cost_type' in r || 'currency' in r) return 'cost-report';
				if (REPORT_USAGE_KEYS.some((k) => k in r)) return 'usage-report';
			}
		}
		return 'usage-report';
	}
	if ('sessionId' in value || 'parentUuid' in value || 'leafUuid' in value || (isObject(value.message) && isObject(value.message.usage) && 'uuid' in value)) {
		return 'claude-code';
	}
	if (value.type === 'message' || isObject(value.usage) || USAGE_KEYS.slice(0, 2).every((k) => k in value)) return 'messages';
	return null;
}

/** Key names that give a format away, for a first chunk whose first value does not end inside it. */
function sniff(text: string): ImportFormat | null {
	if (/"custom_id"\s*:/.test(text) && /"result"\s*:/.test(text)) return 'batch-results';
	if (/"(?:sessionId|parentUuid)"\s*:/.test(text)) return 'claude-code';
	if (/"data"\s*:/.test(text) && /"(?:amount|cost_type)"\s*:/.test(text)) return 'cost-report';
	if (/"data"\s*:/.test(text) && /"uncached_input_tokens"\s*:/.test(text)) return 'usage-report';
	if (/"input_tokens"\s*:/.test(text)) return 'messages';
	return null;
}

/** The delimiter of a CSV header line: the most frequent of , ; and tab outside quotes (comma on a tie). */
export function csvDelimiter(firstLine: string): string {
	const counts = new Map<string, number>([
		[',', 0],
		[';', 0],
		['\t', 0]
	]);
	let quoted = false;
	for (const ch of firstLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
	}
	let best = ',';
	for (const [d, n] of counts) if (n > (counts.get(best) as number)) best = d;
	return best;
}

/**
 * The format and read mode of a file from its first chunk (the worker's first 64 KB, or the
 * whole file when it is smaller, with `wholeFile` true):
 * - text starting with `{` or `[` is JSON: JSON Lines when its first line is a whole JSON
 *   value, otherwise one document (pretty-printed, or an array); the values found decide
 *   the format (classifyValue), or failing that the key names in the text;
 * - anything else with a header of at least two columns is CSV.
 * Example: detectFormat('{"custom_id":"a","result":{"type":"succeeded"}}\n')
 *   -> { ok: true, format: 'batch-results', mode: 'lines', delimiter: ',' }.
 */
export function detectFormat(firstChunk: string, wholeFile = false): Detection {
	const text = firstChunk.replace(/^\uFEFF/, '');
	const body = text.trimStart();
	if (body === '') return { ok: false, message: 'The file is empty.' };
	if (body[0] === '{' || body[0] === '[') {
		const newline = body.indexOf('\n');
		const firstLine = newline >= 0 ? body.slice(0, newline) : body;
		let mode: ReadMode = 'document';
		if (newline >= 0 || wholeFile) {
			try {
				JSON.parse(firstLine);
				mode = 'lines';
			} catch {
				mode = 'document';
			}
		}
		const values: unknown[] = [];
		const take = (t: string) => {
			if (values.length >= MAX_SAMPLES) return;
			try {
				values.push(JSON.parse(t));
			} catch {
				// a bad line is reported when the file is read
			}
		};
		if (mode === 'lines') {
			const lines = body.split('\n');
			if (!wholeFile) lines.pop(); // the last line may be cut by the chunk boundary
			for (const line of lines.slice(0, MAX_SAMPLES)) if (line.trim()) take(line);
		} else {
			const reader = createJsonValueReader({ value: (t) => take(t), problem: () => {} });
			reader.push(body);
		}
		for (const v of values) {
			const format = classifyValue(v);
			if (format) return { ok: true, format, mode, delimiter: ',' };
		}
		const sniffed = sniff(body);
		if (sniffed) return { ok: true, format: sniffed, mode, delimiter: ',' };
		return {
			ok: false,
			needMore: !wholeFile,
			message: 'This JSON is none of the formats the importer reads (Messages API responses, batch results, Claude Code logs, Admin API usage or cost reports).'
		};
	}
	const newline = body.search(/\r?\n/);
	const headerLine = newline >= 0 ? body.slice(0, newline) : body;
	const delimiter = csvDelimiter(headerLine);
	let columns = 0;
	const tokenizer = createCsvTokenizer({ row: (fields) => (columns = columns || fields.length), problem: () => {} }, delimiter);
	tokenizer.push(headerLine);
	tokenizer.end();
	if (columns >= 2) return { ok: true, format: 'csv', mode: 'csv', delimiter };
	return { ok: false, message: 'The file is neither JSON nor CSV with a header row of at least two columns.' };
}
