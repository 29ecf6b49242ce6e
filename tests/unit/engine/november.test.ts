// The price rules of November 2026 (docs/pricing-model.md §2, §3, §10 and the
// anthropic-2026-11 examples of §11), through the public engine API. Every expected figure
// is hand arithmetic from the spec, written out beside it.
import { describe, expect, it } from 'vitest';
import {
	ALL_LEVERS,
	NO_LEVERS,
	breakEvenPoints,
	computeStack,
	modelBreakEven,
	modelMultipliers,
	monthlyCost,
	rateFactor,
	readsToRepayWrite,
	requestCost,
	requestRates,
	tokenizerScale,
	withOverrides,
	type RequestLevers
} from '$lib/engine';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { currentDefaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/types';

const november = getSheet('anthropic-2026-11');
const model = (id: string) => getModel(november, id);
/** The sheet-wide factors of the spec (batch 0.5, US-only 1.1), typed here. */
const FACTORS = { batch: 0.5, usOnlyInference: 1.1 };
const plain: RequestLevers = { caching: null, batchShare: 0 };

/** The support-triage workload of §11: 300,000 requests, 13,500 in (12,000 prefix), 800 out, on Sonnet 4.6. */
function triage(patch: Partial<Scenario> = {}): Scenario {
	return {
		...currentDefaultScenario(),
		requestsPerMonth: 300_000,
		inputTokens: 13_500,
		cachedPrefixTokens: 12_000,
		outputTokens: 800,
		baselineModel: 'sonnet-4-6',
		mixPercent: { 'sonnet-4-6': 100 },
		cacheHitPercent: 0,
		cacheTtl: '5m',
		batchPercent: 0,
		inputTrimPercent: 0,
		outputTrimPercent: 0,
		tokensCountedOn: 'legacy',
		...patch
	};
}

describe('the anthropic-2026-11 worked examples (§11)', () => {
	it('Sonnet 4.6, no caching: 300,000 x (13,500 x $3 + 800 x $15) / 1e6 = $15,750.00', () => {
		expect(monthlyCost(triage(), NO_LEVERS).total).toBeCloseTo(15_750, 9);
	});

	it('then 5-minute caching at 90 %: $7,272.00 (53.83 %), then 40 % batch: $5,817.60 (63.06 % against Today)', () => {
		// Caching: 1,500 x 3 + 12,000 x (0.9 x 0.30 + 0.1 x 3.75) + 800 x 15 = 4,500 + 7,740 + 12,000
		//   = 24,240 per million -> x 300,000 / 1e6 = $7,272.00. Batch: x (0.6 + 0.4 x 0.5) = $5,817.60.
		const rows = computeStack(triage({ cacheHitPercent: 90, batchPercent: 40 }));
		expect(rows.map((r) => r.monthlyCost)).toEqual([
			expect.closeTo(15_750, 9),
			expect.closeTo(15_750, 9),
			expect.closeTo(7272, 9),
			expect.closeTo(5817.6, 9),
			expect.closeTo(5817.6, 9)
		]);
		expect(rows[2]!.cumulativeSavingPercent.toFixed(2)).toBe('53.83');
		expect(rows[3]!.cumulativeSavingPercent.toFixed(2)).toBe('63.06');
	});

	it('moved to Sonnet 5.5 with tokenizer adjustment: $15,750 x 2/3 x 1.3 = $13,650.00; without: $10,500.00', () => {
		const moved = triage({ mixPercent: { 'sonnet-5-5': 100 } });
		const routing = { ...NO_LEVERS, routing: true };
		expect(monthlyCost(moved, routing).total).toBeCloseTo(13_650, 9);
		expect(monthlyCost({ ...moved, adjustForTokenizer: false }, routing).total).toBeCloseTo(10_500, 9);
		// Counted on the 2026 tokenizer, the same text needs no scaling on Sonnet 5.5 ...
		expect(monthlyCost({ ...moved, tokensCountedOn: '2026' }, routing).total).toBeCloseTo(10_500, 9);
		// ... and 1/1.3 of it on Sonnet 4.6: $15,750 / 1.3.
		expect(monthlyCost({ ...moved, tokensCountedOn: '2026' }, NO_LEVERS).total).toBeCloseTo(15_750 / 1.3, 9);
	});

	it('Haiku 5.5 above its band: 20,000 x $0.50 + 100,000 x $0.05 + 1,000 x $2.50 = $0.0175', () => {
		const cost = requestCost(model('haiku-5-5'), { input: 120_000, prefix: 100_000, output: 1000 }, { caching: { hitRatio: 1, ttl: '5m' }, batchShare: 0 }, FACTORS);
		expect(cost.plainInput).toBeCloseTo(0.01, 12);
		expect(cost.cacheReads).toBeCloseTo(0.005, 12);
		expect(cost.output).toBeCloseTo(0.0025, 12);
		expect(cost.total).toBeCloseTo(0.0175, 12);
	});

	it('Haiku 5.5 below its band: 10,000 x $0.10 + 80,000 x $0.01 + 1,000 x $0.50 = $0.0023', () => {
		const cost = requestCost(model('haiku-5-5'), { input: 90_000, prefix: 80_000, output: 1000 }, { caching: { hitRatio: 1, ttl: '5m' }, batchShare: 0 }, FACTORS);
		expect(cost.total).toBeCloseTo(0.0023, 12);
	});

	it('Opus 5.5: batch $2/$10, fast $8/$40, fast and US-only $8.80/$44, a fast US-only cache read $0.44 (per MTok)', () => {
		const opus = model('opus-5-5');
		const mtok = { input: 1e6, prefix: 0, output: 1e6 };
		const both = (levers: RequestLevers) => {
			const c = requestCost(opus, mtok, levers, FACTORS);
			return [c.plainInput, c.output];
		};
		expect(both({ ...plain, batchShare: 1 })).toEqual([expect.closeTo(2, 12), expect.closeTo(10, 12)]);
		expect(both({ ...plain, fastMode: true })).toEqual([expect.closeTo(8, 12), expect.closeTo(40, 12)]);
		expect(both({ ...plain, fastMode: true, usOnlyInference: true })).toEqual([expect.closeTo(8.8, 12), expect.closeTo(44, 12)]);
		const read = requestCost(opus, { input: 1e6, prefix: 1e6, output: 0 }, { caching: { hitRatio: 1, ttl: '5m' }, batchShare: 0, fastMode: true, usOnlyInference: true }, FACTORS);
		expect(read.cacheReads).toBeCloseTo(0.44, 12);
		expect(read.total).toBeCloseTo(0.44, 12);
	});
});

describe('how a price applies (§2)', () => {
	it('fast mode never runs inside batch: batched requests at the batch rate, the rest at fast rates', () => {
		const opus = model('opus-5-5');
		expect(rateFactor(opus, { batchShare: 1, fastMode: true }, FACTORS)).toBe(0.5);
		expect(rateFactor(opus, { batchShare: 0.4, fastMode: true }, FACTORS)).toBeCloseTo(0.6 * 2 + 0.4 * 0.5, 12);
		expect(rateFactor(opus, { batchShare: 0.4, fastMode: true, usOnlyInference: true }, FACTORS)).toBeCloseTo(1.4 * 1.1, 12);
	});

	it('models without fast mode or US-only inference are billed normally', () => {
		expect(rateFactor(model('sonnet-5-5'), { batchShare: 0, fastMode: true }, FACTORS)).toBe(1);
		expect(rateFactor(model('haiku-4-5'), { batchShare: 0, usOnlyInference: true }, FACTORS)).toBe(1);
		expect(rateFactor(model('haiku-5-5'), { batchShare: 0, usOnlyInference: true }, FACTORS)).toBeCloseTo(1.1, 12);
	});

	it('a band decides per request by the whole prompt, strictly above its threshold', () => {
		const haiku = model('haiku-5-5');
		expect(requestRates(haiku, 100_000).band).toBeNull();
		expect(requestRates(haiku, 100_001)).toMatchObject({ inputPerMTok: 0.5, cacheWrite5mPerMTok: 0.625, cacheWrite1hPerMTok: 1, cacheReadPerMTok: 0.05, outputPerMTok: 2.5, longContext: true });
		// A cached prefix counts: 100,001 tokens of which 100,000 read still cross the band.
		const crossing = requestCost(haiku, { input: 100_001, prefix: 100_000, output: 0 }, { caching: { hitRatio: 1, ttl: '5m' }, batchShare: 0 }, FACTORS);
		expect(crossing.total).toBeCloseTo((1 * 0.5 + 100_000 * 0.05) / 1e6, 15);
	});

	it('a batch discount applies to band rates too', () => {
		const cost = requestCost(model('haiku-5-5'), { input: 200_000, prefix: 0, output: 1000 }, { caching: null, batchShare: 1 }, FACTORS);
		expect(cost.total).toBeCloseTo((200_000 * 0.25 + 1000 * 1.25) / 1e6, 15);
	});

	it('web searches cost $10 per 1,000, with no batch discount or other multiplier', () => {
		const cost = requestCost(model('opus-5-5'), { input: 0, prefix: 0, output: 0, webSearches: 3 }, { caching: null, batchShare: 1, fastMode: true, usOnlyInference: true }, FACTORS);
		expect(cost.webSearches).toBeCloseTo(0.03, 15);
		expect(cost.total).toBeCloseTo(0.03, 15);
		// 1,000 requests with 2 searches each add $20 a month.
		const s = triage({ requestsPerMonth: 1000, inputTokens: 0, cachedPrefixTokens: 0, outputTokens: 0, webSearchesPerRequest: 2, batchPercent: 100 });
		expect(monthlyCost(s, ALL_LEVERS).total).toBeCloseTo(20, 12);
	});

	it('tokenizer scale: x1.3 from legacy counts to a 2026 model, /1.3 the other way, 1 otherwise', () => {
		expect(tokenizerScale(model('opus-5-5'), 'legacy', 1.3)).toBe(1.3);
		expect(tokenizerScale(model('opus-4-6'), '2026', 1.3)).toBeCloseTo(1 / 1.3, 15);
		expect(tokenizerScale(model('opus-4-6'), 'legacy', 1.3)).toBe(1);
		expect(tokenizerScale(model('opus-5-5'), '2026', 1.3)).toBe(1);
		expect(tokenizerScale(model('opus-5-5'), 'legacy', 1.3, false)).toBe(1);
	});

	it('the minimum cacheable length applies to the scaled prefix', () => {
		// Opus 4.7 caches 2,048+: 1,600 legacy tokens are 2,080 on its tokenizer, so they are cached.
		const on47 = triage({ baselineModel: 'opus-4-7', mixPercent: { 'opus-4-7': 100 }, inputTokens: 1600, cachedPrefixTokens: 1600, outputTokens: 0, cacheHitPercent: 100 });
		expect(monthlyCost(on47, ALL_LEVERS).cacheReads).toBeGreaterThan(0);
		// 1,500 legacy tokens are 1,950: below 2,048, billed as plain input.
		const below = { ...on47, inputTokens: 1500, cachedPrefixTokens: 1500 };
		expect(monthlyCost(below, ALL_LEVERS).cacheReads).toBe(0);
		expect(monthlyCost(below, ALL_LEVERS).plainInput).toBeCloseTo(300_000 * 1950 * 5 / 1e6, 9);
	});
});

describe('break-even from each model’s own rates (§10)', () => {
	it.each<[string, number, number]>([
		// h* = (w - 1) / (w - r): r = 0.1 -> 0.25/1.15, 1/1.9; r = 0.05 -> 0.25/1.2, 1/1.95; r = 0.025 -> 0.25/1.225, 1/1.975
		['sonnet-4-6', 0.25 / 1.15, 1 / 1.9],
		['opus-5-5', 0.25 / 1.2, 1 / 1.95],
		['sonnet-5-5', 0.25 / 1.2, 1 / 1.95],
		['fable-5-2', 0.25 / 1.225, 1 / 1.975],
		['fable-5-1', 0.25 / 1.225, 1 / 1.975],
		['haiku-5-5', 0.25 / 1.15, 1 / 1.9]
	])('%s: 5-minute %f, 1-hour %f', (id, fiveMinutes, oneHour) => {
		expect(modelBreakEven('5m', model(id))).toBeCloseTo(fiveMinutes, 12);
		expect(modelBreakEven('1h', model(id))).toBeCloseTo(oneHour, 12);
		expect(readsToRepayWrite('5m', modelMultipliers(model(id)))).toBe(1);
		expect(readsToRepayWrite('1h', modelMultipliers(model(id)))).toBe(2);
	});

	it('rounds to the spec’s percentages: 20.8 % / 51.3 % (0.05x read), 20.4 % / 50.6 % (0.025x)', () => {
		const pct = (ttl: '5m' | '1h', id: string) => (modelBreakEven(ttl, model(id)) * 100).toFixed(1);
		expect([pct('5m', 'opus-5-5'), pct('1h', 'opus-5-5')]).toEqual(['20.8', '51.3']);
		expect([pct('5m', 'fable-5-2'), pct('1h', 'fable-5-2')]).toEqual(['20.4', '50.6']);
	});

	it('the hit-ratio chart marks a one-model mix at that model’s own break-even', () => {
		const s = { ...currentDefaultScenario(), baselineModel: 'opus-5-5', mixPercent: { 'opus-5-5': 100 } };
		const points = breakEvenPoints(s);
		expect(points.map((p) => p.ttl)).toEqual(['5m', '1h']);
		expect(points[0]!.hitPercent).toBeCloseTo((0.25 / 1.2) * 100, 9);
		expect(points[1]!.hitPercent).toBeCloseTo((1 / 1.95) * 100, 9);
	});
});

describe('overrides and custom models', () => {
	it('cache rates left out follow an overridden input rate in proportion: Opus 4.6 at $4 writes at $5, reads at $0.40', () => {
		const sheet = withOverrides(november, { 'opus-4-6': { inputPerMTok: 4 } });
		expect(getModel(sheet, 'opus-4-6')).toMatchObject({ inputPerMTok: 4, cacheWrite5mPerMTok: 5, cacheWrite1hPerMTok: 8, outputPerMTok: 25 });
		expect(getModel(sheet, 'opus-4-6').cacheReadPerMTok).toBeCloseTo(0.4, 15);
	});

	it('an explicit cache rate wins; a band keeps its rates unless they are overridden', () => {
		const sheet = withOverrides(november, {
			'opus-5-5': { inputPerMTok: 3, cacheReadPerMTok: 0.1 },
			'haiku-5-5': { inputPerMTok: 0.2, bandInputPerMTok: 0.6 }
		});
		expect(getModel(sheet, 'opus-5-5')).toMatchObject({ inputPerMTok: 3, cacheReadPerMTok: 0.1, cacheWrite5mPerMTok: 3.75 });
		const haiku = getModel(sheet, 'haiku-5-5');
		expect(haiku.cacheWrite5mPerMTok).toBeCloseTo(0.25, 15);
		expect(haiku.bands![0]).toMatchObject({ inputPerMTok: 0.6, outputPerMTok: 2.5 });
		expect(haiku.bands![0]!.cacheWrite5mPerMTok).toBeCloseTo(0.75, 15);
		expect(haiku.bands![0]!.cacheReadPerMTok).toBeCloseTo(0.06, 15);
		// the shipped sheet is untouched
		expect(getModel(november, 'haiku-5-5').bands![0]!.inputPerMTok).toBe(0.5);
	});

	it('prices a custom model in the mix like any sheet model', () => {
		const custom: ModelPrice = {
			id: 'custom-1', name: 'Mythos 5.2', family: 'custom', status: 'active', contextWindow: 1_000_000,
			inputPerMTok: 8, cacheWrite5mPerMTok: 10, cacheWrite1hPerMTok: 16, cacheReadPerMTok: 0.2, outputPerMTok: 40,
			minCacheTokens: 512, usOnlyInference: true, tokenizer: '2026'
		};
		const s = { ...currentDefaultScenario(), customModels: [custom], mixPercent: { 'custom-1': 100 }, requestsPerMonth: 1000, inputTokens: 1000, cachedPrefixTokens: 0, outputTokens: 100 };
		// 1,000 x (1,000 x 8 + 100 x 40) / 1e6 = $12 a month, no levers but routing.
		expect(monthlyCost(s, { ...NO_LEVERS, routing: true }).total).toBeCloseTo(12, 12);
	});
});
