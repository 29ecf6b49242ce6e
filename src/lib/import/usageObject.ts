// The `usage` object of a Messages API response (docs/pricing-model.md §8), shared by the
// Messages, Message Batches and Claude Code readers. Pure.
import { isObject, joinPath, readCount, readString, fail, type Reading } from './fields';
import type { InferenceGeo, ServiceTier, Speed, TokenCounts } from './types';

/** The most tokens one request may report: the largest context window a price sheet takes (it fits the ledger's 32-bit columns). */
export const MAX_REQUEST_TOKENS = 100_000_000;
/** The most web searches one request may report. */
export const MAX_REQUEST_SEARCHES = 1_000_000;

export interface UsageRead {
	tokens: TokenCounts;
	serviceTier: ServiceTier;
	speed: Speed;
	inferenceGeo: InferenceGeo;
	/** Things worth a note, once per file: `service_tier "flex" read as standard`. */
	remarks: string[];
}

export function emptyTokens(): TokenCounts {
	return { uncachedInput: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, output: 0, webSearches: 0, creationWithoutSplit: 0 };
}

/** `standard`, `priority` or `batch`; anything else (or nothing) is standard, with a remark when it was something. */
export function readServiceTier(value: unknown, remarks: string[], field = 'service_tier'): ServiceTier {
	if (value === 'standard' || value === 'priority' || value === 'batch') return value;
	if (typeof value === 'string' && value !== '') remarks.push(`${field} "${value}" read as standard`);
	return 'standard';
}

/** `fast` is fast mode; anything else is standard speed. */
export function readSpeed(value: unknown): Speed {
	return typeof value === 'string' && value.toLowerCase() === 'fast' ? 'fast' : 'standard';
}

/** `us` is US-only inference; every other geography is priced normally. */
export function readGeo(value: unknown): InferenceGeo {
	return typeof value === 'string' && value.toLowerCase() === 'us' ? 'us' : null;
}

/**
 * Token counts of one response's `usage`. `input_tokens` and `output_tokens` are required.
 * Cache writes come from `cache_creation.ephemeral_5m_input_tokens` and
 * `ephemeral_1h_input_tokens` when given; a `cache_creation_input_tokens` total without that
 * split (or the part of it the split does not cover) counts as 5-minute writes and is also
 * kept in `creationWithoutSplit`.
 * Example: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 100 }
 *   -> uncachedInput 10, output 5, cacheWrite5m 100, creationWithoutSplit 100.
 */
export function readUsage(reading: Reading, usage: unknown, path: string): UsageRead | null {
	if (!isObject(usage)) {
		fail(reading, path, usage === undefined ? `${path} is missing` : `${path} is not an object`, `missing ${path}`);
		return null;
	}
	const max = MAX_REQUEST_TOKENS;
	const tokens = emptyTokens();
	tokens.uncachedInput = readCount(reading, usage, 'input_tokens', path, true, max);
	tokens.output = readCount(reading, usage, 'output_tokens', path, true, max);
	tokens.cacheRead = readCount(reading, usage, 'cache_read_input_tokens', path, false, max);
	const creation = readCount(reading, usage, 'cache_creation_input_tokens', path, false, max);
	const split = usage.cache_creation;
	if (isObject(split) && ('ephemeral_5m_input_tokens' in split || 'ephemeral_1h_input_tokens' in split)) {
		const splitPath = joinPath(path, 'cache_creation');
		tokens.cacheWrite5m = readCount(reading, split, 'ephemeral_5m_input_tokens', splitPath, false, max);
		tokens.cacheWrite1h = readCount(reading, split, 'ephemeral_1h_input_tokens', splitPath, false, max);
		const unsplit = creation - tokens.cacheWrite5m - tokens.cacheWrite1h;
		if (unsplit > 0) {
			tokens.cacheWrite5m += unsplit;
			tokens.creationWithoutSplit = unsplit;
		}
	} else {
		tokens.cacheWrite5m = creation;
		tokens.creationWithoutSplit = creation;
	}
	const tools = usage.server_tool_use;
	if (isObject(tools)) tokens.webSearches = readCount(reading, tools, 'web_search_requests', joinPath(path, 'server_tool_use'), false, MAX_REQUEST_SEARCHES);
	const remarks: string[] = [];
	return {
		tokens,
		serviceTier: readServiceTier(usage.service_tier, remarks, joinPath(path, 'service_tier')),
		speed: readSpeed(usage.speed),
		inferenceGeo: readGeo(readString(usage, 'inference_geo')),
		remarks
	};
}
