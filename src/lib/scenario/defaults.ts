import type { Scenario } from './types';

/**
 * The defaults of version-1 links and files (URL format 1, docs/scenario.md). A public
 * contract: those links store only what differs from it, so changing a value here changes
 * what old links mean. Never change it. Fields added later take the value that reproduces
 * what version 1 computed (no custom models, no US-only inference, legacy token counts).
 */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
	version: 1,
	priceSheet: 'anthropic-2026-03',
	requestsPerMonth: 100_000,
	inputTokens: 6000,
	cachedPrefixTokens: 5000,
	outputTokens: 500,
	baselineModel: 'opus-4-6',
	mixPercent: Object.freeze({ 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 }),
	cacheHitPercent: 80,
	cacheTtl: '5m',
	batchPercent: 50,
	inputTrimPercent: 10,
	outputTrimPercent: 20,
	prices: Object.freeze({}),
	customModels: Object.freeze([]),
	usOnlyInference: false,
	adjustForTokenizer: true,
	tokensCountedOn: 'legacy',
	webSearchesPerRequest: 0
}) as unknown as Readonly<Scenario>;

/**
 * What a new visitor sees, and the defaults of links written since November 2026 (URL
 * format 3): the November 2026 sheet and its current lineup, token counts measured on the
 * current (2026) tokenizer. Frozen like DEFAULT_SCENARIO once published: a new default is a
 * new URL format.
 */
export const CURRENT_DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
	...DEFAULT_SCENARIO,
	priceSheet: 'anthropic-2026-11',
	baselineModel: 'opus-5-5',
	mixPercent: Object.freeze({ 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 }),
	tokensCountedOn: '2026'
}) as unknown as Readonly<Scenario>;

/** A deep copy of a set of defaults (the version-1 ones unless told), safe to mutate. */
export function defaultScenario(defaults: Readonly<Scenario> = DEFAULT_SCENARIO): Scenario {
	return structuredClone({
		...defaults,
		mixPercent: { ...defaults.mixPercent },
		prices: {},
		customModels: []
	});
}

/** The scenario a new visitor starts from (CURRENT_DEFAULT_SCENARIO), safe to mutate. */
export function currentDefaultScenario(): Scenario {
	return defaultScenario(CURRENT_DEFAULT_SCENARIO);
}
