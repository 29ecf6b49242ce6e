import type { ModelPrice, Multipliers } from '../pricing/schema';
import type { CacheTtl } from '../scenario/schema';
import { requestRates } from './prices';

/** Where a request's dollars go. All figures in US dollars, unrounded. */
export interface CostBreakdown {
	plainInput: number;
	cacheWrites: number;
	cacheReads: number;
	output: number;
	total: number;
}

export interface RequestShape {
	/** Input tokens, including the prefix. */
	input: number;
	/** The static, cacheable first part of the input. Clamped to `input`. */
	prefix: number;
	output: number;
}

export interface RequestLevers {
	/** Prompt caching, or null when off. `hitRatio` is 0..1. */
	caching: { hitRatio: number; ttl: CacheTtl } | null;
	/** Share of requests sent through the Batch API, 0..1. */
	batchShare: number;
}

/** The cache write multiplier for a TTL: 1.25 for 5 minutes, 2 for 1 hour on the shipped sheets. */
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
 * The expected cost of one request, split by kind.
 *   input  = (input - prefix) x p_in + prefix x p_in x (h x read + (1 - h) x write_t)
 *   output = output x p_out
 * all times (1 - b) + b x batch, for a batch share b.
 * Example (guide sheet, Sonnet 4.6 at $3/$15): 2,000 in, 500 out, no levers: $0.0135.
 */
export function requestCost(
	model: ModelPrice,
	shape: RequestShape,
	levers: RequestLevers,
	multipliers: Multipliers
): CostBreakdown {
	const rates = requestRates(model, shape.input);
	const prefix = Math.min(shape.prefix, shape.input);
	const cached = levers.caching !== null && isCacheable(model, prefix) ? levers.caching : null;
	const batchFactor = 1 - levers.batchShare + levers.batchShare * multipliers.batch;
	const perInputToken = (rates.inputPerMTok / 1e6) * batchFactor;

	const plainInput = (cached ? shape.input - prefix : shape.input) * perInputToken;
	const cacheWrites = cached ? prefix * perInputToken * cacheWriteMultiplier(cached.ttl, multipliers) * (1 - cached.hitRatio) : 0;
	const cacheReads = cached ? prefix * perInputToken * multipliers.cacheRead * cached.hitRatio : 0;
	const output = shape.output * (rates.outputPerMTok / 1e6) * batchFactor;
	return { plainInput, cacheWrites, cacheReads, output, total: plainInput + cacheWrites + cacheReads + output };
}
