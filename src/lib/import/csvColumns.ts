// CSV column names the importer knows, one table, and the mapping it proposes for a header
// (docs/usage-import.md "CSV exports"). Anthropic does not document the Console's CSV
// layouts (docs/pricing-model.md §8), so names are matched ignoring case, spaces,
// underscores, dots and brackets, and the user maps what is left. Pure.

/** What a CSV column can mean. */
export const CSV_FIELDS = [
	'model',
	'start',
	'end',
	'uncachedInput',
	'cacheWrite5m',
	'cacheWrite1h',
	'cacheCreation',
	'cacheRead',
	'output',
	'webSearches',
	'requests',
	'requestId',
	'costUsd',
	'costCents',
	'currency',
	'serviceTier',
	'speed',
	'inferenceGeo',
	'contextWindow',
	'ignore'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** A user's mapping: header text (as in the file) to field; `ignore` leaves a column out. */
export type CsvMappingInput = Readonly<Record<string, CsvField>>;

/** Each field's label for the mapping step and the column names it is matched by (normalised, see normalizeColumnName). */
export const CSV_COLUMNS: Readonly<Record<CsvField, { label: string; names: readonly string[] }>> = {
	model: { label: 'Model', names: ['model', 'model version', 'model name', 'model id'] },
	start: {
		label: 'Date or start time',
		names: ['date', 'day', 'usage date', 'usage date utc', 'starting at', 'start', 'start time', 'start date', 'timestamp', 'time', 'period start', 'bucket start', 'created at']
	},
	end: { label: 'End time', names: ['ending at', 'end', 'end time', 'end date', 'period end', 'bucket end'] },
	uncachedInput: {
		label: 'Input tokens (uncached)',
		names: [
			'input tokens',
			'input',
			'uncached input tokens',
			'uncached input',
			'input tokens no cache',
			'usage input tokens no cache',
			'input no cache',
			'prompt tokens'
		]
	},
	cacheWrite5m: {
		label: 'Cache write tokens, 5 minutes',
		names: [
			'cache write 5m',
			'cache write 5m tokens',
			'cache writes 5m',
			'cache creation 5m',
			'cache write tokens 5m',
			'ephemeral 5m input tokens',
			'cache creation ephemeral 5m input tokens',
			'usage input tokens cache write 5m',
			'input tokens cache write 5m'
		]
	},
	cacheWrite1h: {
		label: 'Cache write tokens, 1 hour',
		names: [
			'cache write 1h',
			'cache write 1h tokens',
			'cache writes 1h',
			'cache creation 1h',
			'cache write tokens 1h',
			'ephemeral 1h input tokens',
			'cache creation ephemeral 1h input tokens',
			'usage input tokens cache write 1h',
			'input tokens cache write 1h'
		]
	},
	cacheCreation: {
		label: 'Cache write tokens (no TTL split: read as 5 minutes)',
		names: [
			'cache write',
			'cache writes',
			'cache write tokens',
			'cache creation',
			'cache creation tokens',
			'cache creation input tokens',
			'usage input tokens cache write',
			'input tokens cache write'
		]
	},
	cacheRead: {
		label: 'Cache read tokens',
		names: ['cache read', 'cache reads', 'cache read tokens', 'cache read input tokens', 'usage input tokens cache read', 'input tokens cache read', 'cached input tokens']
	},
	output: { label: 'Output tokens', names: ['output tokens', 'output', 'usage output tokens', 'completion tokens'] },
	webSearches: {
		label: 'Web searches',
		names: ['web searches', 'web search', 'web search requests', 'web search count', 'server tool use web search requests', 'searches']
	},
	requests: { label: 'Requests', names: ['requests', 'request count', 'requests count', 'number of requests', 'num requests', 'api requests', 'calls'] },
	requestId: { label: 'Request id (one request per row)', names: ['request id', 'requestid', 'message id', 'response id', 'id'] },
	costUsd: {
		label: 'Cost in US dollars',
		names: ['cost', 'cost usd', 'usd', 'cost in usd', 'total cost', 'total cost usd', 'amount usd', 'cost dollars', 'spend', 'spend usd', 'price usd', 'costusd']
	},
	costCents: { label: 'Cost in cents', names: ['amount', 'amount cents', 'cost cents', 'cents', 'amount in cents'] },
	currency: { label: 'Currency', names: ['currency'] },
	serviceTier: { label: 'Service tier (standard, priority, batch)', names: ['service tier', 'tier'] },
	speed: { label: 'Speed (standard, fast)', names: ['speed'] },
	inferenceGeo: { label: 'Inference geography (us)', names: ['inference geo', 'geo'] },
	contextWindow: { label: 'Context window (0-200k, 200k-1M)', names: ['context window'] },
	ignore: {
		label: 'Not used',
		names: [
			'workspace',
			'workspace id',
			'workspace name',
			'api key',
			'api key id',
			'api key name',
			'description',
			'token type',
			'cost type',
			'usage type',
			'organization',
			'organization id',
			'user',
			'user id',
			'project',
			'list price usd'
		]
	}
};

/**
 * A header as the table matches it: lower case, `_ . - ( ) [ ] / : $` and runs of spaces
 * become one space, trimmed. Example: "Cache_Creation.Ephemeral_5m_Input_Tokens" ->
 * "cache creation ephemeral 5m input tokens"; "Cost (USD)" -> "cost usd".
 */
export function normalizeColumnName(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const BY_NAME = new Map<string, CsvField>();
for (const field of CSV_FIELDS) for (const name of CSV_COLUMNS[field].names) BY_NAME.set(name, field);

/** The mapping of a header: one field (or null) per column, the columns left unmapped, and notes. */
export interface CsvMapping {
	/** Per column, in the header's order: the field it is read as, or null (not read). */
	columns: (CsvField | null)[];
	/** Header names of the columns that matched no known name and were not mapped by the user. */
	unmapped: string[];
	/** Plain-words remarks: a field given by two columns, `amount` read as cents. */
	notes: string[];
}

/**
 * The mapping the importer proposes for a header, with the user's choices (`given`, by
 * header text) taking precedence. Known names match ignoring case and punctuation; a field
 * claimed by two columns is read from the first. A bare `amount` is read as cents, as in the
 * cost report API.
 * Example: proposeCsvMapping(['Model', 'Input Tokens', 'Notes']) ->
 *   { columns: ['model', 'uncachedInput', null], unmapped: ['Notes'], notes: [] }.
 */
export function proposeCsvMapping(header: readonly string[], given: CsvMappingInput = {}): CsvMapping {
	const columns: (CsvField | null)[] = [];
	const unmapped: string[] = [];
	const notes: string[] = [];
	const taken = new Set<CsvField>();
	header.forEach((name) => {
		const chosen = Object.hasOwn(given, name) ? given[name] : undefined;
		const field = chosen ?? BY_NAME.get(normalizeColumnName(name)) ?? null;
		if (field === null) {
			unmapped.push(name);
			columns.push(null);
		} else if (field !== 'ignore' && taken.has(field)) {
			notes.push(`Column "${name}" is also ${CSV_COLUMNS[field].label}: only the first such column is read.`);
			columns.push(null);
		} else {
			taken.add(field);
			columns.push(field === 'ignore' ? null : field);
			if (field === 'costCents' && chosen === undefined && normalizeColumnName(name) === 'amount') {
				notes.push(`Column "${name}" is read as cents, as in the cost report API: map it to ${CSV_COLUMNS.costUsd.label} if it is in dollars.`);
			}
		}
	});
	return { columns, unmapped, notes };
}
