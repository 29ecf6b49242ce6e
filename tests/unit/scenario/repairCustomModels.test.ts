// repairScenario on custom models: what a link or a file may carry, and what is left out.
import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '$lib/pricing/schema';
import { defaultScenario } from '$lib/scenario/defaults';
import { repairScenario } from '$lib/scenario/repair';
import { MAX_CUSTOM_MODELS } from '$lib/scenario/schema';

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

describe('repairScenario on custom models', () => {
	it('keeps valid custom models as they are', () => {
		const models = [custom('mine-1'), custom('mine-2')];
		expect(repairScenario({ customModels: models })).toStrictEqual({ scenario: { ...defaultScenario(), customModels: models }, corrections: [] });
	});

	it('ignores custom models that are not a list', () => {
		expect(repairScenario({ customModels: { id: 'mine-1' } })).toStrictEqual({
			scenario: defaultScenario(),
			corrections: ['Custom models {"id":"mine-1"} are not a list of models; ignored them']
		});
	});

	it(`keeps the first ${MAX_CUSTOM_MODELS} and leaves out the rest, counting them`, () => {
		const models = Array.from({ length: MAX_CUSTOM_MODELS + 2 }, (_, i) => custom(`mine-${i + 1}`));
		const { scenario, corrections } = repairScenario({ customModels: models });
		expect(scenario.customModels).toStrictEqual(models.slice(0, MAX_CUSTOM_MODELS));
		expect(corrections).toEqual([`Custom models: only ${MAX_CUSTOM_MODELS} are allowed; left out the other 2`]);
	});

	it('leaves out a second model with the same id, by its place in the list', () => {
		const { scenario, corrections } = repairScenario({ customModels: [custom('mine-1'), { ...custom('mine-1'), name: 'Again' }, custom('mine-2')] });
		expect(scenario.customModels).toStrictEqual([custom('mine-1'), custom('mine-2')]);
		expect(corrections).toEqual(['Custom model 2 was left out: the id "mine-1" is already taken']);
	});
});
