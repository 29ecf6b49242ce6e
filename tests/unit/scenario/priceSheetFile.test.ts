// Price sheets as files: the effective sheet `Download price sheet` saves, and an opened
// sheet turned into price overrides and custom models. Rates from docs/pricing-model.md §1.
import { describe, expect, it } from 'vitest';
import { monthlyCost, scenarioSheet } from '$lib/engine';
import { parsePriceSheet, type ModelPrice, type PriceSheet } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { addCustomModel, newCustomModel } from '$lib/scenario/customModels';
import { currentDefaultScenario, defaultScenario } from '$lib/scenario/defaults';
import { editedSheet, priceSheetFileName, sheetToScenario } from '$lib/scenario/priceSheetFile';
import { priceSheetJson, readPriceSheetFile } from '$lib/scenario/priceSheetIo';
import { parseScenario } from '$lib/scenario/schema';
import type { Scenario } from '$lib/scenario/types';

const november = getSheet('anthropic-2026-11');
const opus55 = getModel(november, 'opus-5-5');

const mythos: ModelPrice = {
	id: 'mythos-5-2',
	name: 'Mythos 5.2',
	family: 'fable',
	status: 'active',
	contextWindow: 1_000_000,
	inputPerMTok: 8,
	cacheWrite5mPerMTok: 10,
	cacheWrite1hPerMTok: 16,
	cacheReadPerMTok: 0.2,
	outputPerMTok: 40,
	minCacheTokens: 512,
	usOnlyInference: true,
	tokenizer: '2026'
};

function edited(): Scenario {
	const s = currentDefaultScenario();
	s.prices = { 'opus-5-5': { inputPerMTok: 3 }, 'haiku-5-5': { bandOutputPerMTok: 3 } };
	return addCustomModel(s, { ...newCustomModel(s, opus55), name: 'Mythos 5.2' });
}

describe('editedSheet and priceSheetJson', () => {
	it('is the shipped sheet with the overrides applied and the custom models added, as a valid sheet', () => {
		const s = edited();
		const sheet = editedSheet(s);
		expect(sheet.id).toBe('anthropic-2026-11-edited');
		expect(sheet.name).toBe('Anthropic list prices 2026-11 (edited)');
		expect(sheet.asOf).toBe(november.asOf);
		expect(sheet.source).toBe(november.source);
		expect(sheet.notes?.at(-1)).toBe('Edited in Claude Cost Levers: prices of Opus 5.5, Haiku 5.5 changed; custom models Mythos 5.2 added.');
		// Opus 5.5 input $3: the cache rates follow ($5 x 3/4 = $3.75, $0.20 x 3/4 = $0.15).
		const opus = getModel(sheet, 'opus-5-5');
		expect(opus.inputPerMTok).toBe(3);
		expect(opus.cacheWrite5mPerMTok).toBeCloseTo(3.75, 12);
		expect(opus.cacheReadPerMTok).toBeCloseTo(0.15, 12);
		expect(getModel(sheet, 'haiku-5-5').bands?.[0]?.outputPerMTok).toBe(3);
		expect(sheet.models.at(-1)?.name).toBe('Mythos 5.2');
		expect(parsePriceSheet(sheet)).toEqual(sheet);
		expect(priceSheetFileName(s)).toBe('anthropic-2026-11-edited.json');
		expect(getModel(november, 'opus-5-5').inputPerMTok).toBe(4);
	});

	it('writes pretty JSON that opens again to the same prices', () => {
		const s = edited();
		const json = priceSheetJson(s);
		expect(json.startsWith('{\n\t"format": 2,')).toBe(true);
		expect(json.endsWith('}\n')).toBe(true);
		const opened = readPriceSheetFile(json, currentDefaultScenario());
		if ('error' in opened) throw new Error(opened.error);
		expect(opened.scenario.prices).toEqual(s.prices);
		expect(opened.scenario.customModels).toEqual(s.customModels);
		expect(scenarioSheet(opened.scenario)).toEqual(scenarioSheet(s));
		expect(parseScenario(opened.scenario).ok).toBe(true);
	});
});

describe('sheetToScenario', () => {
	const file = (models: ModelPrice[], patch: Partial<PriceSheet> = {}): PriceSheet => ({ ...structuredClone(november), id: 'my-prices', models, ...patch });

	it('turns changed rates of sheet models into overrides, writing out cache rates that do not follow', () => {
		// Input $3 but the cache read still $0.20: the read is written out, or it would follow to $0.15.
		const changed = { ...opus55, inputPerMTok: 3 };
		const sonnet = getModel(november, 'sonnet-5-5');
		const s = currentDefaultScenario();
		const { scenario, applied } = sheetToScenario(file([changed, sonnet]), s);
		expect(scenario.prices).toEqual({
			'opus-5-5': { inputPerMTok: 3, cacheWrite5mPerMTok: 5, cacheWrite1hPerMTok: 8, cacheReadPerMTok: 0.2 }
		});
		expect(getModel(scenarioSheet(scenario), 'opus-5-5')).toEqual(changed);
		expect(applied).toEqual(['Prices that differ from Anthropic list prices 2026-11 became price overrides: Opus 5.5.']);
		expect(s.prices).toEqual({});
	});

	it('adds models not on the sheet as custom models, at most 8, renaming ids of other sheets', () => {
		const others = Array.from({ length: 9 }, (_, i) => ({ ...mythos, id: `mythos-${i}`, name: `Mythos ${i}` }));
		const march46 = { ...getModel(getSheet('guide-2026-03'), 'opus-4-6'), id: 'opus-4-1', name: 'Old Opus' };
		const s = defaultScenario(); // the March sheet, which has Opus 4.1 too: not a clash there
		// Opus 4 is on the November sheet (retired): its cheaper file prices become an override.
		const cheaperOpus4 = { ...getModel(november, 'opus-4'), inputPerMTok: 10, outputPerMTok: 50 };
		const onNovember = sheetToScenario(file([{ ...mythos }, cheaperOpus4]), currentDefaultScenario());
		expect(onNovember.scenario.customModels.map((m) => m.id)).toEqual(['mythos-5-2']);
		// The cache rates stayed at $15's: written out, or they would follow the input to $10's.
		expect(onNovember.scenario.prices).toEqual({
			'opus-4': { inputPerMTok: 10, outputPerMTok: 50, cacheWrite5mPerMTok: 18.75, cacheWrite1hPerMTok: 30, cacheReadPerMTok: 1.5 }
		});
		expect(onNovember.applied).toEqual([
			'Prices that differ from Anthropic list prices 2026-11 became price overrides: Opus 4.',
			'Added as custom models: Mythos 5.2.'
		]);

		const onMarch = sheetToScenario(file([...others, { ...march46, id: 'opus-5-5', name: 'Renamed Opus' }]), s);
		expect(onMarch.scenario.customModels.map((m) => m.id)).toEqual(['mythos-0', 'mythos-1', 'mythos-2', 'mythos-3', 'mythos-4', 'mythos-5', 'mythos-6', 'mythos-7']);
		expect(onMarch.applied).toContain('Left out 2 more models (Mythos 8, Renamed Opus): a scenario holds at most 8 custom models.');
		const renamed = sheetToScenario(file([{ ...march46, id: 'opus-5-5', name: 'Renamed Opus' }]), s);
		expect(renamed.scenario.customModels.map((m) => [m.id, m.name])).toEqual([['custom-1', 'Renamed Opus']]);
		expect(renamed.applied).toContain('Renamed: Renamed Opus ("opus-5-5" is a model of another price sheet) became custom-1.');
		expect(parseScenario(renamed.scenario).ok).toBe(true);
	});

	it('reports differences an override cannot carry and keeps the sheet values', () => {
		const haiku = getModel(november, 'haiku-5-5');
		const odd = { ...haiku, name: 'Haiku five', contextWindow: 200_000, bands: [{ ...(haiku.bands?.[0] as NonNullable<ModelPrice['bands']>[number]), abovePromptTokens: 50_000 }] };
		const { scenario, applied } = sheetToScenario(file([odd]), currentDefaultScenario());
		expect(scenario.prices).toEqual({});
		expect(applied).toEqual([
			"Haiku 5.5: its name differs in the file; its context window differs in the file; the file's band starts above 50000 tokens, not 100000; kept Anthropic list prices 2026-11's (only the prices and the minimum cacheable prefix of a sheet model can be changed).",
			"The file's prices are the same as Anthropic list prices 2026-11's: no price edits."
		]);
	});

	it('replaces earlier edits: a custom model in the mix and baseline that the file lacks leaves both', () => {
		const before = edited();
		before.mixPercent = { 'custom-1': 50, 'haiku-5-5': 50 };
		before.baselineModel = 'custom-1';
		const { scenario, applied } = sheetToScenario(file([getModel(november, 'opus-5-5')]), before);
		expect(scenario.customModels).toEqual([]);
		expect(scenario.prices).toEqual({});
		expect(scenario.mixPercent).toEqual({ 'haiku-5-5': 100 });
		expect(scenario.baselineModel).toBe('opus-5-5');
		expect(applied).toEqual([
			"The file's prices are the same as Anthropic list prices 2026-11's: no price edits.",
			'The file replaced the earlier price edits and custom models.',
			'Mythos 5.2 left the model mix; its share went to the other models.',
			'Mythos 5.2 was the baseline model; the baseline is now Opus 5.5.'
		]);
		expect(parseScenario(scenario).ok).toBe(true);
	});

	it('says when the file was made from another shipped sheet', () => {
		const guide = getSheet('guide-2026-03');
		const { applied } = sheetToScenario({ ...structuredClone(guide), id: 'guide-2026-03-edited' }, currentDefaultScenario());
		expect(applied[0]).toMatch(/^Prices that differ from Anthropic list prices 2026-11 became price overrides: Opus 4.6, Haiku 4.5\.$/);
		expect(applied).toContain(
			"The file was made from Cost-optimisation guide table (March 2026), but the selected Price sheet is Anthropic list prices 2026-11: it was compared with Anthropic list prices 2026-11. To read it as Cost-optimisation guide table (March 2026)'s prices, pick that sheet and open the file again."
		);
	});

	it('changes what the engine computes to the prices of the file', () => {
		const s = currentDefaultScenario();
		const cheaper = november.models.map((m) => ({ ...m, outputPerMTok: m.outputPerMTok / 2 }));
		const { scenario } = sheetToScenario(file(cheaper), s);
		expect(monthlyCost(scenario).total).toBeLessThan(monthlyCost(s).total);
	});
});

describe('readPriceSheetFile', () => {
	const s = currentDefaultScenario();

	it('names the field of an invalid sheet, in plain text, and changes nothing', () => {
		const bad = structuredClone(november) as unknown as { models: Record<string, unknown>[] };
		(bad.models[3] as Record<string, unknown>).inputPerMTok = -1;
		const result = readPriceSheetFile(JSON.stringify(bad), s);
		expect(result).toEqual({
			error: 'This file is not a valid price sheet; nothing was changed. The problems, by field:',
			problems: ['models.3.inputPerMTok: expected a number >= 0, got -1']
		});
	});

	it('escapes invisible characters the file quotes', () => {
		const bad = { ...structuredClone(november), asOf: '2026\u202E-11' };
		const result = readPriceSheetFile(JSON.stringify(bad), s);
		expect('problems' in result && result.problems[0]).toContain('\\u202e');
	});

	it.each([
		['not json', 'This file is not valid JSON, so it is not a price sheet. Open a file saved with "Download price sheet".'],
		['[1,2]', 'This file does not hold a price sheet object. Open a file saved with "Download price sheet".'],
		['null', 'This file does not hold a price sheet object. Open a file saved with "Download price sheet".']
	])('refuses %j', (text, error) => {
		expect(readPriceSheetFile(text, s)).toEqual({ error, problems: [] });
	});

	it('lists at most 10 problems', () => {
		const bad = structuredClone(november) as unknown as { models: Record<string, unknown>[] };
		for (const m of bad.models) m.outputPerMTok = -1;
		const result = readPriceSheetFile(JSON.stringify(bad), s);
		expect('problems' in result && result.problems).toHaveLength(10);
		expect('problems' in result && result.problems.at(-1)).toBe('…and 11 more problems');
	});
});
