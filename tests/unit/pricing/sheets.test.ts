// The shipped price sheets against docs/pricing-model.md §1, and the sheet validator. Every
// expected figure is typed here from the spec's tables, never read from the sheets.
import { describe, expect, it } from 'vitest';
import novemberJson from '$lib/pricing/sheets/anthropic-2026-11.json';
import marchJson from '$lib/pricing/sheets/anthropic-2026-03.json';
import guideJson from '$lib/pricing/sheets/guide-2026-03.json';
import { parsePriceSheet, type ModelPrice } from '$lib/pricing/schema';
import { DEFAULT_SHEET_ID, PRICE_SHEETS, getModel, getSheet, priceDifferences } from '$lib/pricing/sheets';

const M = 1_000_000;
const K = 200_000;

describe('the shipped sheets', () => {
	it.each([
		['anthropic-2026-11', novemberJson],
		['anthropic-2026-03', marchJson],
		['guide-2026-03', guideJson]
	])('%s validates with the format-2 schema, unchanged', (id, json) => {
		const before = structuredClone(json);
		expect(parsePriceSheet(json)).toEqual(json);
		expect(json).toStrictEqual(before);
		expect(json.id).toBe(id);
		expect(json.format).toBe(2);
	});

	it('are all loaded, newest first, the November 2026 list prices by default', () => {
		expect(PRICE_SHEETS.map((s) => s.id)).toEqual(['anthropic-2026-11', 'anthropic-2026-03', 'guide-2026-03']);
		expect(DEFAULT_SHEET_ID).toBe('anthropic-2026-11');
		expect(getSheet().id).toBe('anthropic-2026-11');
	});

	it.each(PRICE_SHEETS.map((s) => [s.id, s] as const))('%s: the sheet-wide factors of the spec', (_, sheet) => {
		expect([sheet.batchMultiplier, sheet.usOnlyInferenceMultiplier, sheet.tokenizerRatio]).toEqual([0.5, 1.1, 1.3]);
		expect(Object.values(sheet.defaultMix).reduce((a, b) => a + b, 0)).toBe(100);
	});
});

type Row = [
	id: string,
	name: string,
	status: ModelPrice['status'],
	input: number,
	write5m: number,
	write1h: number,
	read: number,
	output: number,
	minCache: number,
	tokenizer: ModelPrice['tokenizer'],
	context: number,
	fast: number | undefined,
	usOnly: boolean,
	retires: string | undefined
];

describe('anthropic-2026-11: every rate of the spec table (docs/pricing-model.md §1.3)', () => {
	const sheet = getSheet('anthropic-2026-11');
	const table: Row[] = [
		['fable-5-2', 'Fable 5.2', 'active', 8, 10, 16, 0.2, 40, 512, '2026', M, 2, true, undefined],
		['fable-5-1', 'Fable 5.1', 'legacy', 10, 12.5, 20, 0.25, 50, 512, '2026', M, undefined, true, undefined],
		['fable-5', 'Fable 5', 'legacy', 10, 12.5, 20, 1, 50, 512, '2026', M, undefined, true, undefined],
		['opus-5-5', 'Opus 5.5', 'active', 4, 5, 8, 0.2, 20, 512, '2026', M, 2, true, undefined],
		['opus-5', 'Opus 5', 'legacy', 5, 6.25, 10, 0.5, 25, 512, '2026', M, 2, true, undefined],
		['opus-4-8', 'Opus 4.8', 'legacy', 5, 6.25, 10, 0.5, 25, 1024, '2026', M, 2, true, undefined],
		['opus-4-7', 'Opus 4.7', 'legacy', 5, 6.25, 10, 0.5, 25, 2048, '2026', M, undefined, true, undefined],
		['opus-4-6', 'Opus 4.6', 'legacy', 5, 6.25, 10, 0.5, 25, 4096, 'legacy', M, undefined, true, undefined],
		['opus-4-5', 'Opus 4.5', 'deprecated', 5, 6.25, 10, 0.5, 25, 4096, 'legacy', K, undefined, false, '2027-01-22'],
		['opus-4-1', 'Opus 4.1', 'retired', 15, 18.75, 30, 1.5, 75, 1024, 'legacy', K, undefined, false, '2026-08-05'],
		['opus-4', 'Opus 4', 'retired', 15, 18.75, 30, 1.5, 75, 1024, 'legacy', K, undefined, false, '2026-06-15'],
		['sonnet-5-5', 'Sonnet 5.5', 'active', 2, 2.5, 4, 0.1, 10, 512, '2026', M, undefined, true, undefined],
		['sonnet-5', 'Sonnet 5', 'legacy', 2, 2.5, 4, 0.2, 10, 1024, '2026', M, undefined, true, undefined],
		['sonnet-4-6', 'Sonnet 4.6', 'legacy', 3, 3.75, 6, 0.3, 15, 1024, 'legacy', M, undefined, true, undefined],
		['sonnet-4-5', 'Sonnet 4.5', 'deprecated', 3, 3.75, 6, 0.3, 15, 1024, 'legacy', K, undefined, false, '2026-11-30'],
		['sonnet-4', 'Sonnet 4', 'retired', 3, 3.75, 6, 0.3, 15, 1024, 'legacy', K, undefined, false, '2026-06-15'],
		['haiku-5-5', 'Haiku 5.5', 'active', 0.1, 0.125, 0.2, 0.01, 0.5, 512, '2026', M, undefined, true, undefined],
		['haiku-4-5', 'Haiku 4.5', 'legacy', 1, 1.25, 2, 0.1, 5, 4096, 'legacy', K, undefined, false, undefined],
		['haiku-3-5', 'Haiku 3.5', 'retired', 0.8, 1, 1.6, 0.08, 4, 2048, 'legacy', K, undefined, false, '2026-02-19'],
		['haiku-3', 'Haiku 3', 'retired', 0.25, 0.3, 0.5, 0.03, 1.25, 2048, 'legacy', K, undefined, false, '2026-04']
	];

	it('lists exactly the twenty models of the table, in its order', () => {
		expect(sheet.models.map((m) => m.id)).toEqual(table.map((r) => r[0]));
		expect(sheet.asOf).toBe('2026-11-26');
		expect(sheet.source).toContain('platform.claude.com/docs/en/about-claude/pricing');
	});

	it.each(table)('%s (%s)', (id, name, status, input, w5, w1, read, output, minCache, tokenizer, context, fast, usOnly, retires) => {
		const m = getModel(sheet, id);
		expect(m).toMatchObject({
			name,
			status,
			inputPerMTok: input,
			cacheWrite5mPerMTok: w5,
			cacheWrite1hPerMTok: w1,
			cacheReadPerMTok: read,
			outputPerMTok: output,
			minCacheTokens: minCache,
			tokenizer,
			contextWindow: context,
			usOnlyInference: usOnly
		});
		expect(m.fastMode).toBe(fast);
		expect(m.retires).toBe(retires);
		expect(m.family).toBe(id.split('-')[0]);
	});

	it('gives only Haiku 5.5 a band: over 100,000 prompt tokens, $0.50 / $0.625 / $1 / $0.05 / $2.50', () => {
		expect(sheet.models.filter((m) => m.bands).map((m) => m.id)).toEqual(['haiku-5-5']);
		expect(getModel(sheet, 'haiku-5-5').bands).toEqual([
			{ abovePromptTokens: 100_000, inputPerMTok: 0.5, cacheWrite5mPerMTok: 0.625, cacheWrite1hPerMTok: 1, cacheReadPerMTok: 0.05, outputPerMTok: 2.5 }
		]);
	});

	it('names a replacement for every deprecated and retired model', () => {
		const replaced = sheet.models.filter((m) => m.status === 'deprecated' || m.status === 'retired');
		expect(Object.fromEntries(replaced.map((m) => [m.id, m.replacedBy]))).toEqual({
			'opus-4-5': 'opus-5-5',
			'opus-4-1': 'opus-5-5',
			'opus-4': 'opus-5-5',
			'sonnet-4-5': 'sonnet-5-5',
			'sonnet-4': 'sonnet-5-5',
			'haiku-3-5': 'haiku-5-5',
			'haiku-3': 'haiku-5-5'
		});
	});

	it('says in the notes what is uncertain or special', () => {
		expect(getModel(sheet, 'fable-5-2').note).toMatch(/512 tokens is assumed.*not confirmed/);
		expect(getModel(sheet, 'opus-4-5').note).toMatch(/2027-01-22.*not confirmed/);
		expect(getModel(sheet, 'opus-4-8').note).toMatch(/deprecated on 2026-10-30 and is removed on 2026-11-30/);
		expect(getModel(sheet, 'sonnet-5-5').note).toMatch(/0\.05x input.*\$0\.20 to \$0\.10 on 2026-10-07/);
		expect(getModel(sheet, 'fable-5-1').note).toMatch(/0\.025x/);
		expect(sheet.notes?.join(' ')).toMatch(/Mythos/);
	});

	it('starts a new visitor on the current lineup: 5 % Opus 5.5, 25 % Sonnet 5.5, 70 % Haiku 5.5', () => {
		expect(sheet.defaultMix).toEqual({ 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 });
	});
});

describe('anthropic-2026-03: the March figures, unchanged (docs/pricing-model.md §1.4)', () => {
	const sheet = getSheet('anthropic-2026-03');

	it('has exactly the seven models of the table, in its order, all on the legacy tokenizer', () => {
		expect(sheet.asOf).toBe('2026-03-23');
		expect(sheet.models.map((m) => m.id)).toEqual(['opus-4-6', 'sonnet-4-6', 'haiku-4-5', 'opus-4-5', 'opus-4-1', 'sonnet-4-5', 'haiku-3-5']);
		expect(sheet.models.every((m) => m.tokenizer === 'legacy' && !m.usOnlyInference && m.fastMode === undefined)).toBe(true);
		expect(sheet.defaultMix).toEqual({ 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 });
	});

	// input, output, minimum; cache rates are the standard multiples: 1.25x, 2x, 0.1x input.
	it.each([
		['opus-4-6', 'Opus 4.6', 5, 25, 4096, 6.25, 10, 0.5],
		['sonnet-4-6', 'Sonnet 4.6', 3, 15, 1024, 3.75, 6, 0.3],
		['haiku-4-5', 'Haiku 4.5', 1, 5, 4096, 1.25, 2, 0.1],
		['opus-4-5', 'Opus 4.5', 5, 25, 4096, 6.25, 10, 0.5],
		['opus-4-1', 'Opus 4.1', 15, 75, 1024, 18.75, 30, 1.5],
		['sonnet-4-5', 'Sonnet 4.5', 3, 15, 1024, 3.75, 6, 0.3],
		['haiku-3-5', 'Haiku 3.5', 0.8, 4, 2048, 1, 1.6, 0.08]
	])('%s: %s at $%d / $%d, caches %d+ tokens', (id, name, input, output, minCache, w5, w1, read) => {
		expect(getModel(sheet, id)).toMatchObject({
			name,
			inputPerMTok: input,
			outputPerMTok: output,
			minCacheTokens: minCache,
			cacheWrite5mPerMTok: w5,
			cacheWrite1hPerMTok: w1,
			cacheReadPerMTok: read
		});
	});

	it('gives only Sonnet 4.5 a band: over 200,000 tokens, $6 / $22.50 and the standard cache multiples of $6', () => {
		expect(sheet.models.filter((m) => m.bands).map((m) => m.id)).toEqual(['sonnet-4-5']);
		expect(getModel(sheet, 'sonnet-4-5').bands).toEqual([
			{ abovePromptTokens: 200_000, inputPerMTok: 6, cacheWrite5mPerMTok: 7.5, cacheWrite1hPerMTok: 12, cacheReadPerMTok: 0.6, outputPerMTok: 22.5 }
		]);
	});
});

describe('the guide sheet (docs/pricing-model.md §1.5)', () => {
	const sheet = getSheet('guide-2026-03');

	it.each([
		['opus-4-6', 15, 75, 1024, 18.75, 30, 1.5],
		['sonnet-4-6', 3, 15, 1024, 3.75, 6, 0.3],
		['haiku-4-5', 0.8, 4, 1024, 1, 1.6, 0.08]
	])('%s at $%d / $%d, caches %d+ tokens', (id, input, output, minCache, w5, w1, read) => {
		expect(getModel(sheet, id)).toMatchObject({
			inputPerMTok: input,
			outputPerMTok: output,
			minCacheTokens: minCache,
			cacheWrite5mPerMTok: w5,
			cacheWrite1hPerMTok: w1,
			cacheReadPerMTok: read
		});
	});

	it('has no other models and no band, and says its prices are not Anthropic’s', () => {
		expect(sheet.models.map((m) => m.id)).toEqual(['opus-4-6', 'sonnet-4-6', 'haiku-4-5']);
		expect(sheet.models.some((m) => m.bands)).toBe(false);
		expect(sheet.notes?.join(' ')).toMatch(/not Anthropic's/);
	});

	it('priceDifferences lists Opus 4.6 and Haiku 4.5 against the list prices, not Sonnet 4.6', () => {
		const differences = priceDifferences(sheet).map((d) => ({
			id: d.model.id,
			guide: [d.model.inputPerMTok, d.model.outputPerMTok],
			list: [d.reference.inputPerMTok, d.reference.outputPerMTok],
			referenceSheet: d.referenceSheet.id
		}));
		expect(differences).toEqual([
			{ id: 'opus-4-6', guide: [15, 75], list: [5, 25], referenceSheet: 'anthropic-2026-03' },
			{ id: 'haiku-4-5', guide: [0.8, 4], list: [1, 5], referenceSheet: 'anthropic-2026-03' }
		]);
	});

	it('priceDifferences is empty for a sheet that compares to nothing', () => {
		expect(priceDifferences(getSheet('anthropic-2026-03'))).toEqual([]);
		expect(priceDifferences(getSheet('anthropic-2026-11'))).toEqual([]);
	});
});

describe('parsePriceSheet rejects a malformed sheet, naming the field', () => {
	type Sheet = typeof novemberJson;
	const broken = (change: (s: Sheet) => void): unknown => {
		const s = structuredClone(novemberJson);
		change(s);
		return s;
	};

	it.each<[string, unknown, string]>([
		['a negative input price', broken((s) => (s.models[0]!.inputPerMTok = -1)), 'models.0.inputPerMTok: expected a number >= 0, got -1'],
		['an absurd cache read', broken((s) => (s.models[3]!.cacheReadPerMTok = 20_000)), 'models.3.cacheReadPerMTok: expected a number <= 10000, got 20000'],
		['a missing 1-hour write rate', broken((s) => delete (s.models[2] as Partial<Sheet['models'][number]>).cacheWrite1hPerMTok), 'models.2.cacheWrite1hPerMTok: expected number, got nothing'],
		['a missing name', broken((s) => delete (s as Partial<Sheet>).name), 'name: expected string, got nothing'],
		['an unknown status', broken((s) => (s.models[4]!.status = 'sunset')), 'models.4.status: expected one of "active", "legacy", "deprecated", "retired", got "sunset"'],
		['an unknown tokenizer', broken((s) => (s.models[4]!.tokenizer = '2027')), 'models.4.tokenizer'],
		['a duplicate model id', broken((s) => s.models.push({ ...s.models[0]! })), 'models: model ids must be unique'],
		['a defaultMix id that is not a model', broken((s) => ((s.defaultMix as Record<string, number>)['gpt-5'] = 0)), 'defaultMix: defaultMix must name at least one model'],
		['a defaultMix not summing to 100', broken((s) => (s.defaultMix['haiku-5-5'] = 60)), 'defaultMix: the defaultMix shares must sum to 100'],
		['a replacement that is not on the sheet', broken((s) => (s.models[8]!.replacedBy = 'opus-9')), 'models: every replacedBy must be a model of the sheet'],
		['a fractional minimum prefix', broken((s) => (s.models[1]!.minCacheTokens = 1.5)), 'models.1.minCacheTokens: expected int, got 1.5'],
		['a minimum above the context window', broken((s) => (s.models[1]!.minCacheTokens = 2_000_000)), 'models.1.minCacheTokens: the minimum cacheable length cannot be above the context window'],
		['a price given as text', broken((s) => ((s.models[2] as { outputPerMTok: unknown }).outputPerMTok = '5')), 'models.2.outputPerMTok: expected number, got "5"'],
		['a zero batch multiplier', broken((s) => (s.batchMultiplier = 0)), 'batchMultiplier: expected a number > 0, got 0'],
		['a format-1 sheet', broken((s) => (s.format = 1)), 'format'],
		['a date in another format', broken((s) => (s.asOf = '23/03/2026')), 'asOf'],
		['no models', broken((s) => (s.models = [])), 'models: expected at least 1 item(s), got []'],
		['a zero band threshold', broken((s) => (s.models[16]!.bands![0]!.abovePromptTokens = 0)), 'models.16.bands.0.abovePromptTokens'],
		['not an object', null, '(root): expected object, got null']
	])('%s', (_, data, message) => {
		expect(() => parsePriceSheet(data)).toThrow(`Invalid price sheet: `);
		expect(() => parsePriceSheet(data)).toThrow(message);
	});

	it('reports every bad field at once', () => {
		const data = broken((s) => {
			s.models[0]!.inputPerMTok = -1;
			s.models[3]!.outputPerMTok = -2;
		});
		expect(() => parsePriceSheet(data)).toThrow(
			'models.0.inputPerMTok: expected a number >= 0, got -1; models.3.outputPerMTok: expected a number >= 0, got -2'
		);
	});
});

describe('lookups', () => {
	it('getSheet falls back to the default sheet for an unknown id', () => {
		expect(getSheet('no-such-sheet').id).toBe('anthropic-2026-11');
	});

	it('getModel names the sheet ids when the model is unknown', () => {
		expect(() => getModel(getSheet('guide-2026-03'), 'opus-4-1')).toThrow(
			'Unknown model "opus-4-1" in sheet guide-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5'
		);
	});
});
