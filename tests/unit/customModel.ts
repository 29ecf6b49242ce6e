// A custom model for tests: the rates and limits a test does not care about, typed once.
import type { ModelPrice } from '$lib/pricing/schema';

export const customModel = (id: string, name: string, patch: Partial<ModelPrice> = {}): ModelPrice => ({
	id,
	name,
	family: 'custom',
	status: 'active',
	contextWindow: 200_000,
	inputPerMTok: 1,
	cacheWrite5mPerMTok: 1.25,
	cacheWrite1hPerMTok: 2,
	cacheReadPerMTok: 0.1,
	outputPerMTok: 5,
	minCacheTokens: 1024,
	usOnlyInference: false,
	tokenizer: '2026',
	...patch
});
