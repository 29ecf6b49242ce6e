// Pricing imported requests one by one on the anthropic-2026-11 sheet (docs/pricing-model.md
// §2, §8): bands by each prompt's length, priority at standard rates, fast and US-only,
// web searches, unknown models until mapped. Each figure is worked out by hand beside it.
import { describe, expect, it } from 'vitest';
import { withOverrides } from '$lib/engine/prices';
import { bandForRows, contextWindowBounds, priceUsage } from '$lib/import/priceUsage';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { importFixtures } from './helpers';

const november = getSheet('anthropic-2026-11');
const summary = importFixtures(['messages.jsonl']);
const cost = (p: ReturnType<typeof priceUsage>, key: string) => p.groups.find((g) => g.key === key)?.cost?.total ?? null;

describe('priceUsage on Messages responses', () => {
	const priced = priceUsage(summary, november);

	it('prices Haiku 5.5 request by request across its band (§11.7): $0.0175 + $0.0023', () => {
		// 120,000-token prompt > 100,000: (20,000 x 0.50 + 100,000 x 0.05 + 1,000 x 2.50) / 1e6 = $0.0175;
		// 90,000: (10,000 x 0.10 + 80,000 x 0.01 + 1,000 x 0.50) / 1e6 = $0.0023.
		expect(cost(priced, 'haiku-5-5|standard|standard|')).toBeCloseTo(0.0198, 12);
	});

	it('prices Sonnet 4.6 with its 5m and 1h writes and web searches: $0.1296', () => {
		// 61,500 + 20,100 + 16,200 + 300 + 1,500 = 99,600 per million = $0.0996, plus 3 searches x $0.01.
		const sonnet = priced.groups.find((g) => g.key === 'sonnet-4-6|standard|standard|')!.cost!;
		expect(sonnet.total).toBeCloseTo(0.1296, 12);
		expect(sonnet.webSearches).toBeCloseTo(0.03, 12);
		// Writes: 12,000 x 3.75 + 1,000 x 3.75 + 2,000 x 6 + 400 x 3.75 = 45,000 + 3,750 + 12,000 + 1,500.
		expect(sonnet.cacheWrites).toBeCloseTo(0.06225, 12);
	});

	it('prices priority at standard rates ($0.006) and fast + US-only at 2 x 1.1 ($0.0132), with a note', () => {
		expect(cost(priced, 'opus-5-5|priority|standard|')).toBeCloseTo(0.006, 12);
		expect(cost(priced, 'opus-5-5|standard|fast|us')).toBeCloseTo(0.0132, 12);
		expect(priced.notes).toContain(
			'Priority tier requests are priced at standard list rates: Priority Tier is billed by commitment, which the calculator does not model (and the cost report leaves Priority Tier costs out).'
		);
	});

	it('leaves unknown models unpriced and lists them; the total is what could be priced', () => {
		expect(priced.unknownModels).toEqual([
			{ model: 'gpt-4o', apiNames: ['gpt-4o'], requests: 1, tokens: 20 },
			{ model: '(no model)', apiNames: ['(no model)'], requests: 1, tokens: 12 }
		]);
		expect(cost(priced, 'gpt-4o|standard|standard|')).toBeNull();
		expect(priced.computedUsd).toBeCloseTo(0.1296 + 0.0198 + 0.006 + 0.0132, 12);
		expect(priced.actualUsd).toBeNull();
		expect(priced.differenceUsd).toBeNull();
	});

	it('prices unknown models once mapped, by summary id or by the name as given', () => {
		const mapped = priceUsage(summary, november, { modelMap: { 'gpt-4o': 'haiku-4-5', '(no model)': 'sonnet-4-6' } });
		expect(mapped.unknownModels).toEqual([]);
		// gpt-4o as Haiku 4.5: 10 x 1 + 10 x 5 = 60 per million; the bare usage as Sonnet 4.6: 5 x 3 + 7 x 15 = 120.
		expect(cost(mapped, 'gpt-4o|standard|standard|')).toBeCloseTo(0.00006, 15);
		expect(cost(mapped, '(no model)|standard|standard|')).toBeCloseTo(0.00012, 15);
	});

	it('prices with a scenario’s overrides and custom models (a sheet from withOverrides)', () => {
		const custom = { ...getModel(november, 'haiku-4-5'), id: 'gpt-4o', name: 'GPT-4o', family: 'custom', inputPerMTok: 2.5, outputPerMTok: 10 };
		const sheet = withOverrides(november, { 'sonnet-4-6': { inputPerMTok: 6 } }, [custom]);
		const p = priceUsage(summary, sheet);
		// 10 x 2.5 + 10 x 10 = 125 per million.
		expect(cost(p, 'gpt-4o|standard|standard|')).toBeCloseTo(0.000125, 15);
		// Input doubled, and cache rates follow it: 0.0996 x 2 - the output (1,610 x 15 = 24,150) counted once, + $0.03.
		expect(cost(p, 'sonnet-4-6|standard|standard|')).toBeCloseTo((99_600 - 24_150) * 2e-6 + 24_150e-6 + 0.03, 12);
	});

	it('does not change the summary', () => {
		const before = structuredClone(summary);
		priceUsage(summary, november, { modelMap: { 'gpt-4o': 'haiku-4-5' } });
		expect(summary).toEqual(before);
	});
});

describe('bands for report rows', () => {
	const haiku55 = getModel(november, 'haiku-5-5');

	it.each([
		['0-200k', [0, 200_000]],
		['200k-1M', [200_000, 1_000_000]],
		['0 - 100000', [0, 100_000]],
		['big', null],
		[null, null]
	] as const)('contextWindowBounds(%j) -> %j', (text, bounds) => expect(contextWindowBounds(text)).toEqual(bounds));

	it('takes the band when the whole class is above it, standard rates when below, and cannot tell when it straddles', () => {
		expect(bandForRows(haiku55, '200k-1M')).toEqual(haiku55.bands![0]);
		expect(bandForRows(haiku55, '0-100k')).toBeNull();
		expect(bandForRows(haiku55, '0-200k')).toBeUndefined();
		expect(bandForRows(haiku55, null)).toBeUndefined();
		expect(bandForRows(getModel(november, 'sonnet-4-6'), null)).toBeNull();
	});

	it('prices a row it cannot place at standard rates, and says so', () => {
		const s = importFixtures(['usage-report-page2.json']);
		s.groups.forEach((g) => g.aggregates.forEach((a) => (a.contextWindow = '0-200k')));
		const p = priceUsage(s, november);
		// Haiku 5.5 at standard rates: 1,000,000 x 0.10 + 2,000,000 x 0.01 + 25,000 x 0.50 = 132,500 per million.
		expect(cost(p, 'haiku-5-5|standard|standard|')).toBeCloseTo(0.1325, 12);
		expect(p.notes[0]).toBe('1 report row on models with prompt-length bands gave no context window that decides the band: priced at the standard rates.');
	});
});
