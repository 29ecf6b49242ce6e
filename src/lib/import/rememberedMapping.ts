// The CSV column mapping the user chose, remembered for the browser session (sessionStorage,
// under MAPPING_STORAGE_KEY; it never leaves the browser). Reading is total: whatever the
// storage holds, the result is a valid mapping (or an empty one). Pure: the caller reads and
// writes the storage.
import { CSV_FIELDS, type CsvField } from './csvColumns';

export const MAPPING_STORAGE_KEY = 'claude-cost-levers:import-csv-mapping';

/** Columns remembered at most, and the longest header text kept. */
export const MAX_REMEMBERED_COLUMNS = 200;
const MAX_HEADER_LENGTH = 200;

const isField = (value: unknown): value is CsvField => typeof value === 'string' && (CSV_FIELDS as readonly string[]).includes(value);

/**
 * The mapping stored as JSON text, keeping only header texts (up to 200 characters) mapped
 * to a known field; anything else reads as {}. Never throws.
 * Example: readRememberedMapping('{"Tokens in":"uncachedInput","x":"nope"}') -> { 'Tokens in': 'uncachedInput' }.
 */
export function readRememberedMapping(text: string | null | undefined): Record<string, CsvField> {
	if (!text) return {};
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {};
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
	const out: Record<string, CsvField> = {};
	for (const [header, field] of Object.entries(data).slice(0, MAX_REMEMBERED_COLUMNS)) {
		if (header.length <= MAX_HEADER_LENGTH && isField(field)) Object.defineProperty(out, header, { value: field, enumerable: true, writable: true, configurable: true });
	}
	return out;
}

/**
 * The remembered mapping with the user's new choices on top (a new choice for a header
 * replaces the old one), at most MAX_REMEMBERED_COLUMNS columns (the newest kept).
 * Example: rememberMapping({ A: 'model' }, { B: 'output' }) -> { A: 'model', B: 'output' }.
 */
export function rememberMapping(old: Readonly<Record<string, CsvField>>, chosen: Readonly<Record<string, CsvField>>): Record<string, CsvField> {
	const entries = [...Object.entries(old).filter(([h]) => !Object.hasOwn(chosen, h)), ...Object.entries(chosen)].slice(-MAX_REMEMBERED_COLUMNS);
	const out: Record<string, CsvField> = {};
	for (const [header, field] of entries) Object.defineProperty(out, header, { value: field, enumerable: true, writable: true, configurable: true });
	return out;
}
