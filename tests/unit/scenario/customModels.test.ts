// Adding, changing and removing custom models (docs/pricing-model.md §1.1, "What the user can change").
import { describe, expect, it } from 'vitest';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';
import {
	addCustomModel,
	canAddCustomModel,
	newCustomModel,
	nextCustomId,
	removeCustomModel,
	replaceCustomModels,
	updateCustomModel
} from '$lib/scenario/customModels';
import { currentDefaultScenario } from '$lib/scenario/defaults';
import { parseScenario } from '$lib/scenario/schema';
import type { Scenario } from '$lib/scenario/types';

const november = getSheet('anthropic-2026-11');
const opus55 = getModel(november, 'opus-5-5');

function withCustom(n: number): Scenario {
	let s = currentDefaultScenario();
	for (let i = 0; i < n; i++) s = addCustomModel(s, newCustomModel(s, opus55));
	return s;
}

describe('nextCustomId', () => {
	it.each([
		[[], 'custom-1'],
		[['custom-1'], 'custom-2'],
		[['custom-2', 'opus-5-5'], 'custom-1'],
		[['custom-1', 'custom-2', 'custom-3'], 'custom-4']
	])('%j -> %s', (taken, id) => {
		expect(nextCustomId(taken)).toBe(id);
	});
});

describe('newCustomModel and addCustomModel', () => {
	it('copies the template prices into a valid custom model, family custom, status active', () => {
		const s = currentDefaultScenario();
		const model = newCustomModel(s, opus55);
		expect(model).toEqual({
			id: 'custom-1',
			name: 'Custom model 1',
			family: 'custom',
			status: 'active',
			contextWindow: 1_000_000,
			inputPerMTok: 4,
			cacheWrite5mPerMTok: 5,
			cacheWrite1hPerMTok: 8,
			cacheReadPerMTok: 0.2,
			outputPerMTok: 20,
			minCacheTokens: 512,
			usOnlyInference: true,
			tokenizer: '2026',
			fastMode: 2
		});
		const next = addCustomModel(s, model);
		expect(next.customModels).toEqual([model]);
		expect(s.customModels).toEqual([]);
		expect(parseScenario(next).ok).toBe(true);
	});

	it('numbers them custom-1, custom-2, … and stops at 8', () => {
		const s = withCustom(8);
		expect(s.customModels.map((m) => m.id)).toEqual(['custom-1', 'custom-2', 'custom-3', 'custom-4', 'custom-5', 'custom-6', 'custom-7', 'custom-8']);
		expect(canAddCustomModel(s)).toBe(false);
		expect(addCustomModel(s, newCustomModel(s, opus55))).toBe(s);
		expect(parseScenario(s).ok).toBe(true);
	});
});

describe('updateCustomModel', () => {
	it('changes fields, removes optional ones set to undefined, and drops overrides of the same fields', () => {
		const s = { ...withCustom(1), prices: { 'custom-1': { inputPerMTok: 9, outputPerMTok: 30 } } };
		const next = updateCustomModel(s, 'custom-1', { name: 'Mythos 5.2', inputPerMTok: 8, fastMode: undefined });
		const model = next.customModels[0] as ModelPrice;
		expect(model.name).toBe('Mythos 5.2');
		expect(model.inputPerMTok).toBe(8);
		expect('fastMode' in model).toBe(false);
		expect(next.prices).toEqual({ 'custom-1': { outputPerMTok: 30 } });
		expect(s.customModels[0]?.name).toBe('Custom model 1');
		expect(updateCustomModel(next, 'custom-1', { outputPerMTok: 40 }).prices).toEqual({});
	});
});

describe('removeCustomModel', () => {
	it('removes an unused model and changes nothing else', () => {
		const s = withCustom(2);
		const { scenario, changes } = removeCustomModel(s, 'custom-1');
		expect(scenario.customModels.map((m) => m.id)).toEqual(['custom-2']);
		expect(scenario.mixPercent).toEqual(s.mixPercent);
		expect(changes).toEqual([]);
	});

	it('hands its mix share to the others in proportion and falls back to the default baseline', () => {
		const s: Scenario = {
			...withCustom(1),
			baselineModel: 'custom-1',
			mixPercent: { 'custom-1': 20, 'sonnet-5-5': 40, 'haiku-5-5': 40 },
			prices: { 'custom-1': { inputPerMTok: 1 } }
		};
		const { scenario, changes } = removeCustomModel(s, 'custom-1');
		expect(scenario.mixPercent).toEqual({ 'sonnet-5-5': 50, 'haiku-5-5': 50 });
		expect(scenario.baselineModel).toBe('opus-5-5');
		expect(scenario.prices).toEqual({});
		expect(changes).toEqual([
			'Custom model 1 left the model mix; its share went to the other models.',
			'Custom model 1 was the baseline model; the baseline is now Opus 5.5.'
		]);
		expect(parseScenario(scenario).ok).toBe(true);
		expect(s.customModels).toHaveLength(1);
	});

	it("uses the sheet's default mix when it was the only model in the mix", () => {
		const s: Scenario = { ...withCustom(1), mixPercent: { 'custom-1': 100 } };
		const { scenario, changes } = removeCustomModel(s, 'custom-1');
		expect(scenario.mixPercent).toEqual({ 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 });
		expect(changes).toEqual(["Custom model 1 was the only model in the mix; the mix is now Anthropic list prices 2026-11's default mix."]);
	});

	it('replaceCustomModels keeps the models that stay in the mix', () => {
		const s: Scenario = { ...withCustom(2), mixPercent: { 'custom-1': 50, 'custom-2': 50 } };
		const { scenario } = replaceCustomModels(s, [s.customModels[1] as ModelPrice]);
		expect(scenario.mixPercent).toEqual({ 'custom-2': 100 });
		expect(parseScenario(scenario).ok).toBe(true);
	});
});
