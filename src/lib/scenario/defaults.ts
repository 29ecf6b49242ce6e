import type { Scenario } from './schema';

/**
 * The scenario every missing field falls back to (documented in docs/scenario.md).
 * A public contract: shared URLs store only what differs from it, so changing a
 * default changes what old links mean. Never change it; add new fields instead.
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
	prices: Object.freeze({})
}) as Readonly<Scenario>;

/** A deep copy of the defaults, safe to mutate. */
export function defaultScenario(): Scenario {
	return structuredClone({
		...DEFAULT_SCENARIO,
		mixPercent: { ...DEFAULT_SCENARIO.mixPercent },
		prices: {}
	});
}
