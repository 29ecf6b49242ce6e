// The shipped price sheets against ../shared/spec/pricing-model.md, and the sheet validator.
import { describe, expect, it } from 'vitest';
import anthropicJson from '$lib/pricing/sheets/anthropic-2026-03.json';
import guideJson from '$lib/pricing/sheets/guide-2026-03.json';
import { parsePriceSheet } from '$lib/pricing/schema';
import { DEFAULT_SHEET_ID, PRICE_SHEETS, getModel, getSheet, priceDifferences } from '$lib/pricing/sheets';

describe('the shipped sheets', () => {
	it.each([
		['anthropic-2026-03', anthropicJson],
		['guide-2026-03', guideJson]
	])('%s validates, unchanged', (id, json) => {
		const before = structuredClone(json);
		expect(parsePriceSheet(json)).toEqual(json);
		expect(json).toStrictEqual(before);
		expect(json.id).toBe(id);
	});

	it('are both loaded, the Anthropic list prices first and by default', () => {
		expect(PRICE_SHEETS.map((s) => s.id)).toEqual(['anthropic-2026-03', 'guide-2026-03']);
		expect(DEFAULT_SHEET_ID).toBe('anthropic-2026-03');
		expect(getSheet().id).toBe('anthropic-2026-03');
	});

	it.each(PRICE_SHEETS.map((s) => [s.id, s] as const))('%s: the spec multipliers and default mix', (_, sheet) => {
		expect(sheet.multipliers).toEqual({ batch: 0.5, cacheRead: 0.1, cacheWrite5m: 1.25, cacheWrite1h: 2 });
		expect(sheet.defaultMix).toEqual(['opus-4-6', 'sonnet-4-6', 'haiku-4-5']);
	});
});

describe('the default sheet (Anthropic list prices, 2026-03-23)', () => {
	const sheet = getSheet('anthropic-2026-03');

	it('has exactly the seven models of the spec, in its order', () => {
		expect(sheet.asOf).toBe('2026-03-23');
		expect(sheet.models.map((m) => m.id)).toEqual([
			'opus-4-6',
			'sonnet-4-6',
			'haiku-4-5',
			'opus-4-5',
			'opus-4-1',
			'sonnet-4-5',
			'haiku-3-5'
		]);
	});

	// The spec's table: id, name, input $/MTok, output $/MTok, minimum cacheable prefix.
	it.each([
		['opus-4-6', 'Opus 4.6', 5, 25, 4096],
		['sonnet-4-6', 'Sonnet 4.6', 3, 15, 1024],
		['haiku-4-5', 'Haiku 4.5', 1, 5, 4096],
		['opus-4-5', 'Opus 4.5', 5, 25, 4096],
		['opus-4-1', 'Opus 4.1', 15, 75, 1024],
		['sonnet-4-5', 'Sonnet 4.5', 3, 15, 1024],
		['haiku-3-5', 'Haiku 3.5', 0.8, 4, 2048]
	])('%s: %s at $%d / $%d, caches %d+ tokens', (id, name, input, output, minCache) => {
		expect(getModel(sheet, id)).toMatchObject({ name, inputPerMTok: input, outputPerMTok: output, minCacheTokens: minCache });
	});

	it('gives only Sonnet 4.5 a long-context tier: over 200,000 input tokens, $6 / $22.50', () => {
		expect(getModel(sheet, 'sonnet-4-5').longContext).toEqual({
			aboveInputTokens: 200_000,
			inputPerMTok: 6,
			outputPerMTok: 22.5
		});
		expect(sheet.models.filter((m) => m.longContext).map((m) => m.id)).toEqual(['sonnet-4-5']);
	});
});

describe('the guide sheet', () => {
	const sheet = getSheet('guide-2026-03');

	it.each([
		['opus-4-6', 15, 75, 1024],
		['sonnet-4-6', 3, 15, 1024],
		['haiku-4-5', 0.8, 4, 1024]
	])('%s at $%d / $%d, caches %d+ tokens', (id, input, output, minCache) => {
		expect(getModel(sheet, id)).toMatchObject({ inputPerMTok: input, outputPerMTok: output, minCacheTokens: minCache });
	});

	it('has no other models and no long-context tier', () => {
		expect(sheet.models.map((m) => m.id)).toEqual(['opus-4-6', 'sonnet-4-6', 'haiku-4-5']);
		expect(sheet.models.some((m) => m.longContext)).toBe(false);
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
	});
});

describe('parsePriceSheet rejects a malformed sheet, naming the field', () => {
	type Sheet = typeof anthropicJson;
	const broken = (change: (s: Sheet) => void): unknown => {
		const s = structuredClone(anthropicJson);
		change(s);
		return s;
	};

	it.each<[string, unknown, string]>([
		[
			'a negative input price',
			broken((s) => (s.models[0]!.inputPerMTok = -1)),
			'models.0.inputPerMTok: expected a number >= 0, got -1'
		],
		[
			'a missing name',
			broken((s) => delete (s as Partial<Sheet>).name),
			'name: expected string, got nothing'
		],
		[
			'a duplicate model id',
			broken((s) => s.models.push({ ...s.models[0]! })),
			'models: model ids must be unique'
		],
		[
			'a defaultMix id that is not a model',
			broken((s) => s.defaultMix.push('gpt-5')),
			'defaultMix: every defaultMix id must be one of the sheet models'
		],
		[
			'a fractional minimum prefix',
			broken((s) => (s.models[1]!.minCacheTokens = 1.5)),
			'models.1.minCacheTokens: expected int, got 1.5'
		],
		['a price given as text', broken((s) => ((s.models[2] as { outputPerMTok: unknown }).outputPerMTok = '5')), 'models.2.outputPerMTok: expected number, got "5"'],
		['a negative multiplier', broken((s) => (s.multipliers.batch = -0.5)), 'multipliers.batch: expected a number >= 0, got -0.5'],
		['a date in another format', broken((s) => (s.asOf = '23/03/2026')), 'asOf'],
		['no models', broken((s) => (s.models = [])), 'models: expected at least 1 item(s), got []'],
		[
			'a zero long-context threshold',
			broken((s) => (s.models[5]!.longContext!.aboveInputTokens = 0)),
			'models.5.longContext.aboveInputTokens'
		],
		['not an object', null, '(root): expected object, got null']
	])('%s', (_, data, message) => {
		expect(() => parsePriceSheet(data)).toThrow(Error);
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
		expect(getSheet('no-such-sheet').id).toBe('anthropic-2026-03');
	});

	it('getModel names the sheet ids when the model is unknown', () => {
		expect(() => getModel(getSheet('guide-2026-03'), 'opus-4-1')).toThrow(
			'Unknown model "opus-4-1" in sheet guide-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5'
		);
	});
});
