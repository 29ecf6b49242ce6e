// Moving a scenario onto another price sheet: one repair for links, files and sheet switches.
import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '$lib/pricing/schema';
import { currentDefaultScenario, defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';
import { switchSheet } from '$lib/scenario/switchSheet';

const custom: ModelPrice = {
	id: 'my-model',
	name: 'My model',
	family: 'custom',
	status: 'active',
	contextWindow: 200_000,
	inputPerMTok: 2,
	cacheWrite5mPerMTok: 2.5,
	cacheWrite1hPerMTok: 4,
	cacheReadPerMTok: 0.2,
	outputPerMTok: 10,
	minCacheTokens: 1024,
	usOnlyInference: false,
	tokenizer: '2026'
};

/** A November scenario with models the March sheet lacks, overrides on them and a custom model. */
const november = (): Scenario => ({
	...currentDefaultScenario(),
	mixPercent: { 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-4-5': 60, 'my-model': 10 },
	prices: { 'opus-5-5': { inputPerMTok: 4.5 }, 'haiku-4-5': { outputPerMTok: 4 }, 'my-model': { outputPerMTok: 8 } },
	customModels: [custom]
});

const MARCH = 'Anthropic list prices 2026-03-23';

describe('switchSheet', () => {
	it('drops the models and price overrides the new sheet lacks, saying so, and keeps custom models', () => {
		const { scenario, changes } = switchSheet(november(), 'anthropic-2026-03');
		expect(scenario).toStrictEqual({
			...november(),
			priceSheet: 'anthropic-2026-03',
			baselineModel: 'opus-4-6',
			// 60 and 10 of 70: 85.71 and 14.29 %, in tenths 857 + 142 = 999, the last tenth to the larger remainder
			mixPercent: { 'haiku-4-5': 85.7, 'my-model': 14.3 },
			prices: { 'haiku-4-5': { outputPerMTok: 4 }, 'my-model': { outputPerMTok: 8 } },
			customModels: [custom]
		});
		expect(changes).toStrictEqual([
			`Baseline model "opus-5-5" is not on ${MARCH}; used Opus 4.6`,
			`Model mix: "opus-5-5" is not on ${MARCH}; left it out`,
			`Model mix: "sonnet-5-5" is not on ${MARCH}; left it out`,
			'Model mix shares add up to 70, not 100; scaled them to 100',
			`Price override for "opus-5-5": it is not on ${MARCH}; left it out`
		]);
	});

	it("gives a mix with no model left the new sheet's default mix", () => {
		const s: Scenario = { ...currentDefaultScenario(), prices: { 'haiku-5-5': { inputPerMTok: 0.5 } } };
		const { scenario, changes } = switchSheet(s, 'guide-2026-03');
		expect(scenario.mixPercent).toStrictEqual({ 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 });
		expect(scenario.baselineModel).toBe('opus-4-6');
		expect(scenario.prices).toStrictEqual({});
		expect(changes.at(-2)).toBe('Model mix has no usable shares; used the default mix');
		expect(changes.at(-1)).toBe('Price override for "haiku-5-5": it is not on Cost-optimisation guide table (March 2026); left it out');
	});

	it('changes nothing else and says nothing when every model is on the new sheet', () => {
		const s: Scenario = { ...defaultScenario(), prices: { 'opus-4-6': { inputPerMTok: 4 } }, cacheHitPercent: 55 };
		expect(switchSheet(s, 'anthropic-2026-11')).toStrictEqual({ scenario: { ...s, priceSheet: 'anthropic-2026-11' }, changes: [] });
	});

	it('does not mutate the scenario', () => {
		const s = november();
		const copy = structuredClone(s);
		switchSheet(s, 'anthropic-2026-03');
		expect(s).toStrictEqual(copy);
	});
});
