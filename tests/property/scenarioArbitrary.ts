// fast-check generators of valid scenarios (every one passes parseScenario unchanged),
// biased towards the edges the cost model cares about: the minimum cacheable prefixes,
// the long-context threshold, 0 and 100 %, and the largest values the schema allows.
import fc from 'fast-check';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import type { ModelPrice, PriceSheet } from '$lib/pricing/schema';
import { LIMITS, MAX_CUSTOM_MODELS, type PriceOverride, type Scenario } from '$lib/scenario/schema';

/** Token counts where the bill changes shape: cache minimums and the bands (Haiku 5.5 at 100,000, Sonnet 4.5 at 200,000). */
const TOKEN_EDGES = [0, 1, 511, 512, 1023, 1024, 1025, 2047, 2048, 4095, 4096, 76_923, 99_999, 100_000, 100_001, 199_999, 200_000, 200_001] as const;

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

const baseOverride = {
	inputPerMTok: priceArb,
	outputPerMTok: priceArb,
	minCacheTokens: fc.oneof(fc.constantFrom(0, 512, 1024, 2048, 4096), fc.integer({ min: 0, max: LIMITS.tokens })),
	cacheWrite5mPerMTok: priceArb,
	cacheWrite1hPerMTok: priceArb,
	cacheReadPerMTok: priceArb
};
const bandOverride = {
	bandInputPerMTok: priceArb,
	bandCacheWrite5mPerMTok: priceArb,
	bandCacheWrite1hPerMTok: priceArb,
	bandCacheReadPerMTok: priceArb,
	bandOutputPerMTok: priceArb
};

/** An override of some fields of a model; band fields only for a model with a band. */
function overrideArb(model: ModelPrice): fc.Arbitrary<PriceOverride> {
	const fields = model.bands ? { ...baseOverride, ...bandOverride } : baseOverride;
	return fc.record(fields, { requiredKeys: [], noNullPrototype: true });
}

/** Price overrides for some models of the sheet (none, most of the time). */
export function pricesArb(models: readonly ModelPrice[]): fc.Arbitrary<Record<string, PriceOverride>> {
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant({}) },
		{
			weight: 1,
			arbitrary: fc
				.uniqueArray(fc.constantFrom(...models), { maxLength: 3, selector: (m) => m.id })
				.chain((chosen) => fc.tuple(...chosen.map((m) => overrideArb(m).map((o) => [m.id, o] as const))))
				.map((entries) => Object.fromEntries(entries))
		}
	);
}

const rateArb = fc.oneof(fc.constantFrom(0, 0.01, 0.5, 1, 3, 10), fc.double({ min: 0, max: 1000, noNaN: true }));

/** A complete custom model with this id (names with commas and percent signs included). */
export function customModelArb(id: string): fc.Arbitrary<ModelPrice> {
	return fc
		.record(
			{
				name: fc.oneof(fc.constantFrom('Mythos 5.2', 'In-house, EU', '50% off', 'Ünïcode ✓'), fc.string({ minLength: 1, maxLength: 60 }).filter((t) => t.trim() === t && t.length > 0)),
				status: fc.constantFrom('active' as const, 'legacy' as const, 'deprecated' as const, 'retired' as const),
				contextWindow: fc.constantFrom(200_000, 1_000_000),
				inputPerMTok: rateArb,
				cacheWrite5mPerMTok: rateArb,
				cacheWrite1hPerMTok: rateArb,
				cacheReadPerMTok: rateArb,
				outputPerMTok: rateArb,
				minCacheTokens: fc.constantFrom(0, 512, 1024, 4096),
				usOnlyInference: fc.boolean(),
				tokenizer: fc.constantFrom('legacy' as const, '2026' as const),
				fastMode: fc.option(fc.constantFrom(1.5, 2, 6), { nil: undefined }),
				note: fc.option(fc.constantFrom('Our contract, 2027', 'Priced per the 50% deal'), { nil: undefined }),
				bands: fc.option(
					fc.record({ abovePromptTokens: fc.constantFrom(100_000, 200_000), inputPerMTok: rateArb, cacheWrite5mPerMTok: rateArb, cacheWrite1hPerMTok: rateArb, cacheReadPerMTok: rateArb, outputPerMTok: rateArb }, { noNullPrototype: true }).map((b) => [b]),
					{ nil: undefined }
				)
			},
			{ noNullPrototype: true, requiredKeys: ['name', 'status', 'contextWindow', 'inputPerMTok', 'cacheWrite5mPerMTok', 'cacheWrite1hPerMTok', 'cacheReadPerMTok', 'outputPerMTok', 'minCacheTokens', 'usOnlyInference', 'tokenizer'] }
		)
		.map((fields): ModelPrice => {
			// Optional fields are absent, not undefined, as in a parsed model.
			const model: Record<string, unknown> = { id, family: 'custom' };
			for (const [k, v] of Object.entries(fields)) if (v !== undefined) model[k] = v;
			return model as unknown as ModelPrice;
		});
}

/** Up to MAX_CUSTOM_MODELS custom models, ids custom-1.. (none, most of the time). */
export const customModelsArb: fc.Arbitrary<ModelPrice[]> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant<ModelPrice[]>([]) },
	{
		weight: 1,
		arbitrary: fc
			.integer({ min: 1, max: MAX_CUSTOM_MODELS })
			.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customModelArb(`custom-${i + 1}`))).map((models): ModelPrice[] => [...models]))
	}
);

export interface ScenarioArbOptions {
	/** Generate `prices` overrides (default true). */
	overrides?: boolean;
	/** Generate custom models (default true). */
	custom?: boolean;
}

/** A valid scenario on one of the shipped sheets, every field present. */
export function scenarioArb({ overrides = true, custom = true }: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
	return fc
		.tuple(fc.constantFrom(...PRICE_SHEETS), custom ? customModelsArb : fc.constant<ModelPrice[]>([]))
		.chain(([sheet, customModels]: [PriceSheet, ModelPrice[]]) => {
		const models = [...sheet.models, ...customModels];
		const ids = models.map((m) => m.id);
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
				prices: overrides ? pricesArb(models) : fc.constant({}),
				usOnlyInference: fc.boolean(),
				adjustForTokenizer: fc.boolean(),
				tokensCountedOn: fc.constantFrom('legacy' as const, '2026' as const),
				webSearchesPerRequest: fc.oneof(fc.constant(0), fc.constantFrom(0.5, 1, 3), fc.double({ min: 0, max: 1000, noNaN: true }))
			})
			.map(
				({ shape, ...rest }): Scenario => ({
					version: 1,
					priceSheet: sheet.id,
					...rest,
					customModels,
					inputTokens: shape.input,
					cachedPrefixTokens: shape.prefix
				})
			);
	});
}
