// Where every reader puts what it read: requests one by one (in a compact ledger, so each
// can be priced on its own), report rows summed per group, and actual costs. `finish`
// turns it into the summary. Pure: no I/O.
import { isRecognizedModelName, sheetModelId } from './modelNames';
import { emptyTokens } from './usageObject';
import { NO_MODEL, type AggregateRows, type FileReport, type ImportSummary, type RecordTraits, type RequestLedger, type TokenCounts, type UsageGroup } from './types';

/** Model names kept per group. */
const MAX_API_NAMES = 20;
const DAY_MS = 86_400_000;

export interface RequestOptions {
	/** When the request was made, ms since 1970. */
	time?: number | null;
	/** The request's own actual cost in dollars (Claude Code's costUSD). */
	actualUsd?: number | null;
	/**
	 * Ids of the response (`req:…`, `msg:…`): a request whose id was seen before is the same
	 * response again, and is merged into it (each count the larger of the two) instead of added.
	 */
	ids?: readonly string[];
}

export interface RowOptions {
	/** Requests the row covers, or null when the data does not say (Admin usage report). */
	requests: number | null;
	start?: number | null;
	end?: number | null;
	contextWindow?: string | null;
	actualUsd?: number | null;
}

export interface Collector {
	/** One request; 'duplicate' when its id was seen before (it is merged, not added). */
	request(traits: RecordTraits, tokens: TokenCounts, options?: RequestOptions): 'added' | 'duplicate';
	/** One row of an aggregate report (many requests). */
	rows(traits: RecordTraits, tokens: TokenCounts, options: RowOptions): void;
	/** An actual cost in dollars (cost report row, CSV cost column). */
	cost(traits: RecordTraits, usd: number, start?: number | null, end?: number | null): void;
	/** Per-request records so far (for progress). */
	readonly requests: number;
	finish(files: FileReport[]): ImportSummary;
}

interface GroupState {
	traits: RecordTraits;
	key: string;
	modelId: string;
	apiNames: Set<string>;
	requestRecords: number;
	rowRequests: number;
	rowsWithoutRequests: number;
	aggregates: Map<string, AggregateRows>;
	actualUsd: number;
	costRecords: number;
	start: number | null;
	end: number | null;
}

const LEDGER_COLUMNS = ['group', 'uncachedInput', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'output', 'webSearches', 'creationWithoutSplit'] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

export function addTokens(into: TokenCounts, add: TokenCounts): void {
	into.uncachedInput += add.uncachedInput;
	into.cacheWrite5m += add.cacheWrite5m;
	into.cacheWrite1h += add.cacheWrite1h;
	into.cacheRead += add.cacheRead;
	into.output += add.output;
	into.webSearches += add.webSearches;
	into.creationWithoutSplit += add.creationWithoutSplit;
}

/** The group key of a record: model id, service tier, speed and geography. */
export function groupKey(traits: RecordTraits): string {
	return `${sheetModelId(traits.model)}|${traits.serviceTier}|${traits.speed}|${traits.inferenceGeo ?? ''}`;
}

/**
 * A collector for one import (any number of files).
 * Example: c.request({ model: 'claude-sonnet-4-6', serviceTier: 'standard', speed: 'standard',
 * inferenceGeo: null }, tokens) then c.finish([]) -> one group `sonnet-4-6|standard|standard|`.
 */
export function createCollector(): Collector {
	const groups: GroupState[] = [];
	const byKey = new Map<string, number>();
	const seen = new Map<string, number>();
	let capacity = 1024;
	let length = 0;
	const columns = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, new Uint32Array(capacity)])) as Record<LedgerColumn, Uint32Array>;
	let actual = new Float64Array(capacity).fill(NaN);
	let minStart: number | null = null;
	let maxEnd: number | null = null;

	const groupOf = (traits: RecordTraits): GroupState => {
		const key = groupKey(traits);
		let index = byKey.get(key);
		if (index === undefined) {
			index = groups.length;
			byKey.set(key, index);
			groups.push({
				traits: { ...traits },
				key,
				modelId: sheetModelId(traits.model),
				apiNames: new Set(),
				requestRecords: 0,
				rowRequests: 0,
				rowsWithoutRequests: 0,
				aggregates: new Map(),
				actualUsd: 0,
				costRecords: 0,
				start: null,
				end: null
			});
		}
		const group = groups[index] as GroupState;
		if (group.apiNames.size < MAX_API_NAMES) group.apiNames.add(traits.model);
		return group;
	};

	const dates = (group: GroupState, start: number | null | undefined, end: number | null | undefined) => {
		const s = start ?? end ?? null;
		const e = end ?? start ?? null;
		if (s === null || e === null) return;
		if (group.start === null || s < group.start) group.start = s;
		if (group.end === null || e > group.end) group.end = e;
		if (minStart === null || s < minStart) minStart = s;
		if (maxEnd === null || e > maxEnd) maxEnd = e;
	};

	const grow = () => {
		capacity *= 2;
		for (const c of LEDGER_COLUMNS) {
			const next = new Uint32Array(capacity);
			next.set(columns[c]);
			columns[c] = next;
		}
		const next = new Float64Array(capacity).fill(NaN);
		next.set(actual);
		actual = next;
	};

	const write = (row: number, groupIndex: number, t: TokenCounts, merge: boolean) => {
		const put = (c: LedgerColumn, v: number) => {
			columns[c][row] = merge ? Math.max(columns[c][row] as number, v) : v;
		};
		if (!merge) columns.group[row] = groupIndex;
		put('uncachedInput', t.uncachedInput);
		put('cacheWrite5m', t.cacheWrite5m);
		put('cacheWrite1h', t.cacheWrite1h);
		put('cacheRead', t.cacheRead);
		put('output', t.output);
		put('webSearches', t.webSearches);
		put('creationWithoutSplit', t.creationWithoutSplit);
	};

	return {
		request(traits, tokens, options = {}) {
			const group = groupOf(traits);
			const groupIndex = byKey.get(group.key) as number;
			dates(group, options.time, options.time);
			const ids = options.ids ?? [];
			const known = ids.map((id) => seen.get(id)).find((row) => row !== undefined);
			if (known !== undefined) {
				write(known, groupIndex, tokens, true);
				if (options.actualUsd != null) actual[known] = Number.isNaN(actual[known] as number) ? options.actualUsd : Math.max(actual[known] as number, options.actualUsd);
				for (const id of ids) seen.set(id, known);
				return 'duplicate';
			}
			if (length === capacity) grow();
			write(length, groupIndex, tokens, false);
			actual[length] = options.actualUsd ?? NaN;
			for (const id of ids) seen.set(id, length);
			length += 1;
			group.requestRecords += 1;
			return 'added';
		},
		rows(traits, tokens, options) {
			const group = groupOf(traits);
			dates(group, options.start, options.end);
			if (options.requests === null) group.rowsWithoutRequests += 1;
			else group.rowRequests += options.requests;
			const window = options.contextWindow ?? null;
			const slot = group.aggregates.get(window ?? '') ?? { contextWindow: window, rows: 0, tokens: emptyTokens() };
			slot.rows += 1;
			addTokens(slot.tokens, tokens);
			group.aggregates.set(window ?? '', slot);
			if (options.actualUsd != null) {
				group.actualUsd += options.actualUsd;
				group.costRecords += 1;
			}
		},
		cost(traits, usd, start, end) {
			const group = groupOf(traits);
			dates(group, start, end);
			group.actualUsd += usd;
			group.costRecords += 1;
		},
		get requests() {
			return length;
		},
		finish(files) {
			const ledger = trimLedger(columns, actual, length);
			const perGroup = groups.map(() => ({ tokens: emptyTokens(), actualUsd: 0, costRecords: 0 }));
			for (let row = 0; row < length; row++) {
				const into = perGroup[ledger.group[row] as number] as (typeof perGroup)[number];
				into.tokens.uncachedInput += ledger.uncachedInput[row] as number;
				into.tokens.cacheWrite5m += ledger.cacheWrite5m[row] as number;
				into.tokens.cacheWrite1h += ledger.cacheWrite1h[row] as number;
				into.tokens.cacheRead += ledger.cacheRead[row] as number;
				into.tokens.output += ledger.output[row] as number;
				into.tokens.webSearches += ledger.webSearches[row] as number;
				into.tokens.creationWithoutSplit += columns.creationWithoutSplit[row] as number;
				const usd = ledger.actualUsd[row] as number;
				if (!Number.isNaN(usd)) {
					into.actualUsd += usd;
					into.costRecords += 1;
				}
			}
			const summaryGroups = groups.map((g, i) => finishGroup(g, perGroup[i] as (typeof perGroup)[number]));
			const days = minStart !== null && maxEnd !== null && maxEnd > minStart ? (maxEnd - minStart) / DAY_MS : null;
			const names = new Set<string>();
			for (const g of groups) for (const n of g.apiNames) if (n !== NO_MODEL && !isRecognizedModelName(n)) names.add(n);
			const unsplit = summaryGroups.reduce((s, g) => s + g.tokens.creationWithoutSplit, 0);
			const notes: string[] = [];
			if (unsplit > 0) {
				notes.push(
					`${unsplit.toLocaleString('en-US')} cache-write tokens came as a creation total without the 5-minute / 1-hour split: they are counted as 5-minute writes.`
				);
			}
			const both = summaryGroups.filter((g) => g.requestRecords > 0 && g.aggregates.length > 0).map((g) => g.modelId);
			if (both.length) {
				notes.push(
					`${[...new Set(both)].join(', ')}: per-request data and report rows were both imported; if they cover the same requests, those requests are counted twice.`
				);
			}
			if (days === null && (length > 0 || summaryGroups.some((g) => g.aggregates.length > 0))) {
				notes.push('The data carries no dates (or a single instant), so the time span it covers is unknown.');
			}
			return {
				files,
				groups: summaryGroups,
				ledger,
				start: minStart === null ? null : new Date(minStart).toISOString(),
				end: maxEnd === null ? null : new Date(maxEnd).toISOString(),
				days,
				recordsRead: files.reduce((s, f) => s + f.recordsRead, 0),
				skipped: files.reduce((s, f) => s + f.skipped, 0),
				duplicates: files.reduce((s, f) => s + f.duplicates, 0),
				unrecognizedNames: [...names],
				notes
			};
		}
	};
}

function trimLedger(columns: Record<LedgerColumn, Uint32Array>, actual: Float64Array, length: number): RequestLedger {
	return {
		length,
		group: columns.group.slice(0, length),
		uncachedInput: columns.uncachedInput.slice(0, length),
		cacheWrite5m: columns.cacheWrite5m.slice(0, length),
		cacheWrite1h: columns.cacheWrite1h.slice(0, length),
		cacheRead: columns.cacheRead.slice(0, length),
		output: columns.output.slice(0, length),
		webSearches: columns.webSearches.slice(0, length),
		actualUsd: actual.slice(0, length)
	};
}

function finishGroup(g: GroupState, fromLedger: { tokens: TokenCounts; actualUsd: number; costRecords: number }): UsageGroup {
	const tokens = { ...fromLedger.tokens };
	const aggregates = [...g.aggregates.values()];
	for (const a of aggregates) addTokens(tokens, a.tokens);
	const requests = g.requestRecords + g.rowRequests;
	const costRecords = g.costRecords + fromLedger.costRecords;
	const writes = tokens.cacheWrite5m + tokens.cacheWrite1h;
	const cached = writes + tokens.cacheRead;
	const knowsRequests = g.rowsWithoutRequests === 0 && requests > 0;
	return {
		...g.traits,
		key: g.key,
		modelId: g.modelId,
		apiNames: [...g.apiNames],
		requests,
		requestRecords: g.requestRecords,
		rowsWithoutRequests: g.rowsWithoutRequests,
		tokens,
		aggregates,
		actualUsd: costRecords > 0 ? g.actualUsd + fromLedger.actualUsd : null,
		costRecords,
		start: g.start,
		end: g.end,
		hitRatio: cached > 0 ? tokens.cacheRead / cached : null,
		perRequest: knowsRequests
			? {
					input: (tokens.uncachedInput + cached) / requests,
					uncachedInput: tokens.uncachedInput / requests,
					cacheWrite: writes / requests,
					cacheRead: tokens.cacheRead / requests,
					output: tokens.output / requests,
					webSearches: tokens.webSearches / requests
				}
			: null
	};
}
