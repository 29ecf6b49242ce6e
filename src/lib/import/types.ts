// The shapes of the import layer (docs/usage-import.md): what a parser reads, what the
// collector keeps, and what an import hands back. Plain data only, so a summary crosses
// from the worker to the page by structured clone. Pure: no Svelte, no DOM.

/** The formats the importer recognises (detectFormat decides which one a file is). */
export const IMPORT_FORMATS = ['messages', 'batch-results', 'claude-code', 'usage-report', 'cost-report', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What each format is called in messages to the user. */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
	messages: 'Messages API responses',
	'batch-results': 'Message Batches results',
	'claude-code': 'Claude Code session log',
	'usage-report': 'Admin API usage report',
	'cost-report': 'Admin API cost report',
	csv: 'CSV export'
};

export const SERVICE_TIERS = ['standard', 'priority', 'batch'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const SPEEDS = ['standard', 'fast'] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * `us` is the only inference geography with a price of its own (US-only inference, 1.1x on
 * the models that offer it); every other value (`global`, `not_available`, none) is `null`.
 */
export type InferenceGeo = 'us' | null;

export type Ttl = '5m' | '1h';

/** The model name a record gives when its data names none (a bare `usage` object, an ungrouped report). */
export const NO_MODEL = '(no model)';

/** Token counts of one request or one report row. Cache writes are split by TTL. */
export interface TokenCounts {
	/** Input tokens read neither from nor into the cache (`input_tokens`, `uncached_input_tokens`). */
	uncachedInput: number;
	cacheWrite5m: number;
	cacheWrite1h: number;
	cacheRead: number;
	output: number;
	webSearches: number;
	/**
	 * Cache-write tokens whose data gave only a creation total, no 5m/1h split: they are
	 * counted in `cacheWrite5m` too (a creation total without the split is a 5-minute write).
	 */
	creationWithoutSplit: number;
}

/** What a record says about how it was served: these decide its price. */
export interface RecordTraits {
	/** The model name exactly as the data gives it (or NO_MODEL). */
	model: string;
	serviceTier: ServiceTier;
	speed: Speed;
	inferenceGeo: InferenceGeo;
}

/** Something the importer could not read, or chose to leave out. */
export interface ImportIssue {
	file: string;
	/** 1-based line where the record starts, or null for the file as a whole. */
	line: number | null;
	/** The field, as a path into the record (`usage.output_tokens`) or a CSV column name. */
	field: string | null;
	/** Plain words, no markup: the UI shows it as text. */
	message: string;
}

/** What one file gave. */
export interface FileReport {
	name: string;
	/** null when the format could not be recognised (then nothing was read). */
	format: ImportFormat | null;
	/** Characters of text read (bytes are counted by the worker). */
	chars: number;
	/** Records that went into the summary (requests, report rows, cost rows). */
	recordsRead: number;
	/** Records that could not be read. */
	skipped: number;
	/** Skipped records per reason, e.g. { 'missing usage.output_tokens': 2, 'not valid JSON': 1 }. */
	skippedByReason: Record<string, number>;
	/**
	 * Lines or values that are fine but carry no usage: a Claude Code user turn, a batch
	 * result that was not billed (`errored`, `canceled`, `expired`), a blank CSV row.
	 */
	ignored: Record<string, number>;
	/** Lines that repeat a response already counted (Claude Code writes one per content block). */
	duplicates: number;
	/** The first MAX_ISSUES_PER_FILE problems, each with its line and field. */
	issues: ImportIssue[];
	/** What the reader decided that the user should know (e.g. creation totals read as 5-minute writes). */
	notes: string[];
	/** For a CSV file: its header and the mapping used. */
	csv?: { header: string[]; mapping: (string | null)[]; unmapped: string[] };
}

/** Issues kept per file (every one is still counted in `skippedByReason`). */
export const MAX_ISSUES_PER_FILE = 50;

/** Token sums of aggregate rows (reports, CSV rows of many requests) that share a context-window class. */
export interface AggregateRows {
	/** The `context_window` the rows gave ("0-200k", "200k-1M"), or null. It decides a band for rows (§2.5). */
	contextWindow: string | null;
	rows: number;
	tokens: TokenCounts;
}

/** Per-request averages (tokens and searches per request). */
export interface PerRequest {
	/** Prompt length: uncached input + cache writes + cache reads (§8). */
	input: number;
	uncachedInput: number;
	cacheWrite: number;
	cacheRead: number;
	output: number;
	webSearches: number;
}

/** Everything imported for one model, service tier, speed and inference geography. */
export interface UsageGroup extends RecordTraits {
	key: string;
	/** The model as the summary knows it: the sheet id from sheetModelId, or the name as given. */
	modelId: string;
	/** The names the data used for this model (at most 20). */
	apiNames: string[];
	/** Requests counted (per-request data counts 1 each; report rows only when they carry a count). */
	requests: number;
	/** Per-request records (in the summary's ledger). */
	requestRecords: number;
	/** Rows with token counts but no request count (e.g. Admin usage report rows). */
	rowsWithoutRequests: number;
	tokens: TokenCounts;
	/** Aggregate rows, summed per context-window class (priced per row). */
	aggregates: AggregateRows[];
	/** Actual cost in US dollars the data carried (cost report, CSV cost column, costUSD), or null. */
	actualUsd: number | null;
	/** Records that carried an actual cost. */
	costRecords: number;
	/** Earliest start and latest end of the records, in ms since 1970, or null without dates. */
	start: number | null;
	end: number | null;
	/** Cache reads / (cache reads + cache writes), in tokens; null when nothing was cached. */
	hitRatio: number | null;
	/** Averages per request, or null when the request count is unknown or zero. */
	perRequest: PerRequest | null;
}

/**
 * One row per request of per-request data (Messages responses, batch results, Claude Code
 * logs, CSV rows with a request id), kept so each request can be priced on its own: a
 * prompt-length band applies to a whole request (§2.5). Columns of equal length.
 */
export interface RequestLedger {
	length: number;
	/** Index into summary.groups. */
	group: Uint32Array;
	uncachedInput: Uint32Array;
	cacheWrite5m: Uint32Array;
	cacheWrite1h: Uint32Array;
	cacheRead: Uint32Array;
	output: Uint32Array;
	webSearches: Uint32Array;
	/** The request's own actual cost in dollars (Claude Code's costUSD), NaN when none. */
	actualUsd: Float64Array;
}

/** The result of an import: every file's report and the usage, grouped. */
export interface ImportSummary {
	files: FileReport[];
	groups: UsageGroup[];
	ledger: RequestLedger;
	/** Earliest start and latest end of all dated records (ISO 8601), or null. */
	start: string | null;
	end: string | null;
	/** Days between start and end, or null when the data has no dates (or a single instant). */
	days: number | null;
	recordsRead: number;
	skipped: number;
	duplicates: number;
	/** Model names that follow no Claude naming pattern, kept as given. */
	unrecognizedNames: string[];
	notes: string[];
}
