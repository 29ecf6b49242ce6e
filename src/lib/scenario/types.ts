// The scenario's TypeScript shape, apart from the zod schemas so the page can use the types
// without loading zod. The format is documented in docs/scenario.md.
import type { ModelPrice, Tokenizer } from '../pricing/schema';

export type CacheTtl = '5m' | '1h';

/**
 * A scenario's change to one model of its sheet. Every field is optional; a field left out
 * keeps the sheet's value, except that cache rates left out follow an overridden input
 * rate in proportion. `band*` fields change the model's first prompt-length band.
 */
export interface PriceOverride {
	inputPerMTok?: number;
	outputPerMTok?: number;
	minCacheTokens?: number;
	cacheWrite5mPerMTok?: number;
	cacheWrite1hPerMTok?: number;
	cacheReadPerMTok?: number;
	bandInputPerMTok?: number;
	bandCacheWrite5mPerMTok?: number;
	bandCacheWrite1hPerMTok?: number;
	bandCacheReadPerMTok?: number;
	bandOutputPerMTok?: number;
}

/** A model the user adds to the sheet: every field of a sheet model (docs/pricing-model.md §1). */
export type CustomModel = ModelPrice;

/** A complete version-1 scenario: every field present. */
export interface Scenario {
	version: 1;
	priceSheet: string;
	requestsPerMonth: number;
	inputTokens: number;
	cachedPrefixTokens: number;
	outputTokens: number;
	baselineModel: string;
	mixPercent: Record<string, number>;
	cacheHitPercent: number;
	cacheTtl: CacheTtl;
	batchPercent: number;
	inputTrimPercent: number;
	outputTrimPercent: number;
	prices: Record<string, PriceOverride>;
	/** Models added to the sheet, at most MAX_CUSTOM_MODELS. */
	customModels: CustomModel[];
	/** `inference_geo: "us"` on every model that offers it (1.1x every rate). */
	usOnlyInference: boolean;
	/** Scale token counts when traffic runs on a model of the other tokenizer generation. */
	adjustForTokenizer: boolean;
	/** The tokenizer the token counts were measured on. */
	tokensCountedOn: Tokenizer;
	webSearchesPerRequest: number;
}
