// fast-check generators of valid scenarios (every one passes parseScenario unchanged),
// biased towards the edges the cost model cares about: the minimum cacheable prefixes,
// the long-context threshold, 0 and 100 %, and the largest values the schema allows.
import fc from 'fast-check';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import type { PriceSheet } from '$lib/pricing/schema';
import { LIMITS, type PriceOverride, type Scenario } from '$lib/scenario/schema';

/** Token counts where the bill changes shape: cache minimums and the Sonnet 4.5 long-context threshold. */
const TOKEN_EDGES = [0, 1, 1023, 1024, 1025, 2047, 2048, 4095, 4096, 199_999, 200_000, 200_001] as const;

export const tokenCountArb: fc.Arbitrary<number> = fc.oneof(
	{ weight: 4, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
	{ weight: 2, arbitrary: fc.integer({ min: 150_000, max: 300_000 }) },
	{ weight: 1, arbitrary: fc.constantFrom(...TOKEN_EDGES) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: LIMITS.tokens }) }
);

/** A percentage 0..100: whole numbers, the ends, and arbitrary fractions. */
export const percentArb: fc.Arbitrary<number> = fc.oneof(
	fc.integer({ min: 0, max: 100 }),
	fc.constantFrom(0, 100),
	fc.double({ min: 0, max: 100, noNaN: true })
);

/** Requests per month, 0..LIMITS.requestsPerMonth (past fc.integer's 32-bit range, hence two parts). */
export const requestsArb: fc.Arbitrary<number> = fc.oneof(
	fc.integer({ min: 0, max: 10_000_000 }),
	fc.constantFrom(0, 1, 1000, 100_000, LIMITS.requestsPerMonth),
	fc
		.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 1_000_000 }))
		.map(([millions, rest]) => millions * 1_000_000 + rest)
);

/** A prefix of at most `input` tokens. */
export function prefixArb(input: number): fc.Arbitrary<number> {
	return fc.oneof(
		fc.integer({ min: 0, max: input }),
		fc.constantFrom(0, input),
		fc.constantFrom(...TOKEN_EDGES).map((t) => Math.min(t, input))
	);
}

/** Whole-number shares summing to exactly 100 over a non-empty subset of `ids` (zero shares allowed). */
export function mixArb(ids: readonly string[]): fc.Arbitrary<Record<string, number>> {
	return fc.shuffledSubarray([...ids], { minLength: 1 }).chain((chosen) =>
		fc
			.array(fc.integer({ min: 0, max: 100 }), { minLength: chosen.length - 1, maxLength: chosen.length - 1 })
			.map((cuts) => {
				const edges = [0, ...cuts.sort((a, b) => a - b), 100];
				return Object.fromEntries(chosen.map((id, i) => [id, (edges[i + 1] as number) - (edges[i] as number)]));
			})
	);
}

const priceArb = fc.oneof(
	fc.constantFrom(0, 0.8, 1, 3, 5, 6, 15, 25),
	fc.double({ min: 0, max: LIMITS.dollarsPerMTok, noNaN: true })
);

const overrideArb: fc.Arbitrary<PriceOverride> = fc.record(
	{
		inputPerMTok: priceArb,
		outputPerMTok: priceArb,
		minCacheTokens: fc.oneof(fc.constantFrom(0, 1024, 2048, 4096), fc.integer({ min: 0, max: LIMITS.tokens }))
	},
	{ requiredKeys: [], noNullPrototype: true }
);

/** Price overrides for some models of the sheet (none, most of the time). */
export function pricesArb(ids: readonly string[]): fc.Arbitrary<Record<string, PriceOverride>> {
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant({}) },
		{ weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...ids), overrideArb, { maxKeys: 3, noNullPrototype: true }) }
	);
}

export interface ScenarioArbOptions {
	/** Generate `prices` overrides (default true). */
	overrides?: boolean;
}

/** A valid scenario on one of the shipped sheets, every field present. */
export function scenarioArb({ overrides = true }: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
	return fc.constantFrom(...PRICE_SHEETS).chain((sheet: PriceSheet) => {
		const ids = sheet.models.map((m) => m.id);
		return fc
			.record({
				shape: tokenCountArb.chain((input) => prefixArb(input).map((prefix) => ({ input, prefix }))),
				requestsPerMonth: requestsArb,
				outputTokens: tokenCountArb,
				baselineModel: fc.constantFrom(...ids),
				mixPercent: mixArb(ids),
				cacheHitPercent: percentArb,
				cacheTtl: fc.constantFrom('5m' as const, '1h' as const),
				batchPercent: percentArb,
				inputTrimPercent: percentArb,
				outputTrimPercent: percentArb,
				prices: overrides ? pricesArb(ids) : fc.constant({})
			})
			.map(
				({ shape, ...rest }): Scenario => ({
					version: 1,
					priceSheet: sheet.id,
					...rest,
					inputTokens: shape.input,
					cachedPrefixTokens: shape.prefix
				})
			);
	});
}
