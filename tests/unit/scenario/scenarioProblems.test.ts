// scenarioProblems: the cross-field checks of a complete scenario, for custom models.
import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '$lib/pricing/schema';
import { defaultScenario } from '$lib/scenario/defaults';
import { scenarioProblems } from '$lib/scenario/schema';

const custom = (id: string): ModelPrice => ({
	id,
	name: `Model ${id}`,
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
	tokenizer: 'legacy'
});

describe('scenarioProblems on custom models', () => {
	it('accepts custom models with ids of their own, in the mix and as the baseline', () => {
		const s = { ...defaultScenario(), customModels: [custom('mine-1'), custom('mine-2')], baselineModel: 'mine-1', mixPercent: { 'mine-2': 100 } };
		expect(scenarioProblems(s)).toEqual([]);
	});

	it('refuses a custom model with the id of a sheet model, naming it once', () => {
		const s = { ...defaultScenario(), customModels: [custom('mine-1'), custom('opus-4-6')] };
		expect(scenarioProblems(s)).toEqual(['customModels.1.id: "opus-4-6" is already a model of anthropic-2026-03']);
	});

	it('refuses an id given twice, at its second place', () => {
		const s = { ...defaultScenario(), customModels: [custom('mine-1'), custom('mine-2'), custom('mine-1')] };
		expect(scenarioProblems(s)).toEqual(['customModels.2.id: "mine-1" appears more than once']);
	});
});
