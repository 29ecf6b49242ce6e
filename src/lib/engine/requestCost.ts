import type { ModelPrice, Multipliers, RateSet } from '../pricing/schema';
import type { CacheTtl } from '../scenario/types';
import { requestRates } from './prices';

/** Dollars per web search: $10 per 1,000, with no batch discount and no other multiplier. */
export const WEB_SEARCH_DOLLARS = 10 / 1000;

/** Where a request's dollars go. All figures in US dollars, unrounded. */
export interface CostBreakdown {
	plainInput: number;
	cacheWrites: number;
	cacheReads: number;
	output: number;
	webSearches: number;
	total: number;
}

export interface RequestShape {
	/** Input tokens, including the prefix (already scaled to the model's tokenizer and trimmed). */
	input: number;
	/** The static, cacheable first part of the input. Clamped to `input`. */
	prefix: number;
	output: number;
	/** Web searches per request. */
	webSearches?: number;
}

export interface RequestLevers {
	/** Prompt caching, or null when off. `hitRatio` is 0..1. */
	caching: { hitRatio: number; ttl: CacheTtl } | null;
	/** Share of requests sent through the Batch API, 0..1. */
	batchShare: number;
	/** Fast mode on the requests not in batch (models without fast mode are billed normally). */
	fastMode?: boolean;
	/** US-only inference (`inference_geo: "us"`), on models that offer it. */
	usOnlyInference?: boolean;
}

/** The sheet-wide factors a request needs. A format-1 `Multipliers` object fits (US-only then costs 1.1x). */
export interface SheetFactors {
	batch: number;
	usOnlyInference?: number;
}

/** The cache write rate of a TTL. */
export function cacheWriteRate(ttl: CacheTtl, rates: RateSet): number {
	return ttl === '5m' ? rates.cacheWrite5mPerMTok : rates.cacheWrite1hPerMTok;
}

/** The cache write multiplier of a TTL (relative to input): 1.25 for 5 minutes, 2 for 1 hour on most models. */
export function cacheWriteMultiplier(ttl: CacheTtl, m: Multipliers): number {
	return ttl === '5m' ? m.cacheWrite5m : m.cacheWrite1h;
}

/**
 * True when a prefix of this many tokens is cached by the model at all: a prefix
 * shorter than the model's minimum is billed as plain input (the API does not cache it).
 */
export function isCacheable(model: ModelPrice, prefixTokens: number): boolean {
	return prefixTokens > 0 && prefixTokens >= model.minCacheTokens;
}

/**
 * The factor on every token rate of a request: batch requests at the batch rate, the rest at
 * fast-mode rates when fast mode is on (fast mode never runs in batch), all times the US-only
 * factor where the model offers it.
 *   ((1 - b) x fast + b x batch) x usOnly
 * Example: Opus 5.5, fast and US-only, no batch: 2 x 1.1 = 2.2 (a $0.20 read costs $0.44).
 */
export function rateFactor(model: ModelPrice, levers: Omit<RequestLevers, 'caching'>, factors: SheetFactors): number {
	const fast = levers.fastMode && model.fastMode ? model.fastMode : 1;
	const usOnly = levers.usOnlyInference && model.usOnlyInference ? (factors.usOnlyInference ?? 1.1) : 1;
	return ((1 - levers.batchShare) * fast + levers.batchShare * factors.batch) * usOnly;
}

/**
 * The expected cost of one request, split by kind (docs/pricing-model.md §3):
 *   r      = the model's rates, or its band's when the prompt (input) is above the band
 *   input  = (I - P) x r.in + P x (h x r.read + (1 - h) x r.write_t)   when caching and P >= min
 *          = I x r.in                                                  otherwise
 *   total  = (input + O x r.out) / 1e6 x rateFactor + searches x $0.01
 * Example (guide sheet, Sonnet 4.6 at $3/$15): 2,000 in, 500 out, no levers: $0.0135.
 */
export function requestCost(model: ModelPrice, shape: RequestShape, levers: RequestLevers, factors: SheetFactors): CostBreakdown {
	const rates = requestRates(model, shape.input);
	const prefix = Math.min(shape.prefix, shape.input);
	const cached = levers.caching !== null && isCacheable(model, prefix) ? levers.caching : null;
	const perMTok = rateFactor(model, levers, factors) / 1e6;

	const plainInput = (cached ? shape.input - prefix : shape.input) * rates.inputPerMTok * perMTok;
	const cacheWrites = cached ? prefix * (1 - cached.hitRatio) * cacheWriteRate(cached.ttl, rates) * perMTok : 0;
	const cacheReads = cached ? prefix * cached.hitRatio * rates.cacheReadPerMTok * perMTok : 0;
	const output = shape.output * rates.outputPerMTok * perMTok;
	const webSearches = (shape.webSearches ?? 0) * WEB_SEARCH_DOLLARS;
	return { plainInput, cacheWrites, cacheReads, output, webSearches, total: plainInput + cacheWrites + cacheReads + output + webSearches };
}
