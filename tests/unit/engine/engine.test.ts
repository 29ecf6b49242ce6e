// Table-driven tests of the cost engine. Every expected figure is hand arithmetic from the
// prices of docs/pricing-model.md, written out in the comment beside it.
import { describe, expect, it } from 'vitest';
import {
	ALL_LEVERS,
	CACHE_MODES,
	LEVERS,
	NO_LEVERS,
	breakEvenHitRatio,
	breakEvenPoints,
	cachesAnything,
	computeStack,
	hitRatioSeries,
	monthlyCost,
	percentSaved,
	requestCost,
	requestRates,
	weightedPrice,
	withOverrides,
	type CacheMode,
	type CostBreakdown,
	type Lever
} from '$lib/engine';
import type { RequestLevers, RequestShape } from '$lib/engine/requestCost';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { DEFAULT_SCENARIO, defaultScenario } from '$lib/scenario/defaults';
import type { CacheTtl, Scenario } from '$lib/scenario/schema';


/** The standard cache multiples and the batch factor (docs/pricing-model.md §10), typed from the spec. */
const STANDARD = { batch: 0.5, cacheRead: 0.1, cacheWrite5m: 1.25, cacheWrite1h: 2 };

const anthropic = getSheet('anthropic-2026-03');
const guide = getSheet('guide-2026-03');
const model = (id: string) => getModel(anthropic, id);

/** A scenario with no lever doing anything unless the patch says so. */
function plain(patch: Partial<Scenario>): Scenario {
	return {
		...defaultScenario(),
		requestsPerMonth: 1000,
		cacheHitPercent: 0,
		batchPercent: 0,
		inputTrimPercent: 0,
		outputTrimPercent: 0,
		...patch
	};
}

/** A breakdown without web searches (none of these requests searches). */
type Expected = Omit<CostBreakdown, 'webSearches'>;

function expectBreakdown(actual: CostBreakdown, expected: Expected) {
	for (const k of ['plainInput', 'cacheWrites', 'cacheReads', 'output', 'total'] as const) {
		expect(actual[k], k).toBeCloseTo(expected[k], 12);
	}
}

const noLevers: RequestLevers = { caching: null, batchShare: 0 };
const cache = (hitRatio: number, ttl: CacheTtl = '5m', batchShare = 0): RequestLevers => ({
	caching: { hitRatio, ttl },
	batchShare
});

describe('requestCost', () => {
	// Sonnet 4.6 on the default sheet: $3 in, $15 out per MTok, caches prefixes of 1,024+ tokens.
	// One request: 10,000 input tokens of which 4,000 are the prefix, 1,000 output tokens.
	const shape: RequestShape = { input: 10_000, prefix: 4_000, output: 1_000 };

	it.each<[string, string, RequestShape, RequestLevers, Expected]>([
		[
			// 10,000 x $3/M = 0.03; 1,000 x $15/M = 0.015.
			'no levers: everything is plain input',
			'sonnet-4-6',
			shape,
			noLevers,
			{ plainInput: 0.03, cacheWrites: 0, cacheReads: 0, output: 0.015, total: 0.045 }
		],
		[
			// plain 6,000 x 3/M = 0.018; writes 4,000 x 3/M x 1.25 x 0.25 = 0.00375;
			// reads 4,000 x 3/M x 0.1 x 0.75 = 0.0009; output 0.015; total 0.03765.
			'5-minute cache at 75 % hits',
			'sonnet-4-6',
			shape,
			cache(0.75),
			{ plainInput: 0.018, cacheWrites: 0.00375, cacheReads: 0.0009, output: 0.015, total: 0.03765 }
		],
		[
			// writes 4,000 x 3/M x 2 x 0.5 = 0.012; reads 4,000 x 3/M x 0.1 x 0.5 = 0.0006; total 0.0456.
			'1-hour cache at 50 % hits',
			'sonnet-4-6',
			shape,
			cache(0.5, '1h'),
			{ plainInput: 0.018, cacheWrites: 0.012, cacheReads: 0.0006, output: 0.015, total: 0.0456 }
		],
		[
			// Half the requests batched: every part x (0.5 + 0.5 x 0.5) = x 0.75.
			// 0.018 x 0.75 = 0.0135; 0.00375 x 0.75 = 0.0028125; 0.0009 x 0.75 = 0.000675; 0.015 x 0.75 = 0.01125.
			'5-minute cache at 75 % hits, half batched',
			'sonnet-4-6',
			shape,
			cache(0.75, '5m', 0.5),
			{ plainInput: 0.0135, cacheWrites: 0.0028125, cacheReads: 0.000675, output: 0.01125, total: 0.0282375 }
		],
		[
			// Everything at half price: 0.03 / 2 = 0.015; 0.015 / 2 = 0.0075.
			'all batched, no cache',
			'sonnet-4-6',
			shape,
			{ caching: null, batchShare: 1 },
			{ plainInput: 0.015, cacheWrites: 0, cacheReads: 0, output: 0.0075, total: 0.0225 }
		],
		[
			// Haiku 4.5 ($1/$5) caches 4,096+ tokens only: the 4,000-token prefix is plain input.
			// 10,000 x 1/M = 0.01; 1,000 x 5/M = 0.005.
			'a prefix below the model minimum is billed as plain input',
			'haiku-4-5',
			shape,
			cache(1),
			{ plainInput: 0.01, cacheWrites: 0, cacheReads: 0, output: 0.005, total: 0.015 }
		],
		[
			// Exactly the minimum caches: plain 5,904 x 1/M = 0.005904; reads 4,096 x 1/M x 0.1 = 0.0004096.
			'a prefix of exactly the minimum is cached',
			'haiku-4-5',
			{ input: 10_000, prefix: 4_096, output: 1_000 },
			cache(1),
			{ plainInput: 0.005904, cacheWrites: 0, cacheReads: 0.0004096, output: 0.005, total: 0.0113136 }
		],
		[
			// The prefix is clamped to the input (2,000): reads 2,000 x 3/M x 0.1 = 0.0006, no plain input.
			'a prefix longer than the input is clamped to it',
			'sonnet-4-6',
			{ input: 2_000, prefix: 3_000, output: 0 },
			cache(1),
			{ plainInput: 0, cacheWrites: 0, cacheReads: 0.0006, output: 0, total: 0.0006 }
		]
	])('%s', (_, id, requestShape, levers, expected) => {
		expectBreakdown(requestCost(model(id), requestShape, levers, STANDARD), expected);
	});

	it('does not mutate its arguments', () => {
		const args = [model('sonnet-4-6'), { ...shape }, cache(0.75, '1h', 0.3), STANDARD] as const;
		const before = structuredClone(args);
		requestCost(...args);
		expect(args).toStrictEqual(before);
	});
});

describe('the Sonnet 4.5 long-context tier', () => {
	const sonnet45 = model('sonnet-4-5');

	it.each([
		// Over 200,000 input tokens the whole request moves to $6 / $22.50.
		// (the tier's cache rates are the standard multiples of $6: 7.50, 12, 0.60)
		[250_000, { inputPerMTok: 6, outputPerMTok: 22.5, cacheWrite5mPerMTok: 7.5, cacheWrite1hPerMTok: 12, cacheReadPerMTok: 0.6, longContext: true }],
		[200_001, { inputPerMTok: 6, outputPerMTok: 22.5, cacheWrite5mPerMTok: 7.5, cacheWrite1hPerMTok: 12, cacheReadPerMTok: 0.6, longContext: true }],
		// 200,000 exactly is not more than 200,000.
		[200_000, { inputPerMTok: 3, outputPerMTok: 15, cacheWrite5mPerMTok: 3.75, cacheWrite1hPerMTok: 6, cacheReadPerMTok: 0.3, longContext: false }],
		[0, { inputPerMTok: 3, outputPerMTok: 15, cacheWrite5mPerMTok: 3.75, cacheWrite1hPerMTok: 6, cacheReadPerMTok: 0.3, longContext: false }]
	])('requestRates at %i input tokens', (input, rates) => {
		const { band, ...actual } = requestRates(sonnet45, input);
		expect(actual).toEqual(rates);
		expect(band === null).toBe(!rates.longContext);
	});

	it.each<[string, string, RequestShape, RequestLevers, Expected]>([
		[
			// The whole request at the tier: 250,000 x 6/M = 1.5; 1,000 x 22.5/M = 0.0225.
			'250,000 input tokens bill $6 / $22.50 for the whole request',
			'sonnet-4-5',
			{ input: 250_000, prefix: 0, output: 1_000 },
			noLevers,
			{ plainInput: 1.5, cacheWrites: 0, cacheReads: 0, output: 0.0225, total: 1.5225 }
		],
		[
			// Standard prices: 200,000 x 3/M = 0.6; 1,000 x 15/M = 0.015.
			'200,000 input tokens exactly are not long context',
			'sonnet-4-5',
			{ input: 200_000, prefix: 0, output: 1_000 },
			noLevers,
			{ plainInput: 0.6, cacheWrites: 0, cacheReads: 0, output: 0.015, total: 0.615 }
		],
		[
			// Tier price x batch: plain 150,000 x 6/M x 0.5 = 0.45; reads 100,000 x 6/M x 0.1 x 0.5 = 0.03;
			// output 1,000 x 22.5/M x 0.5 = 0.01125.
			'cache reads and batch apply on top of the tier price',
			'sonnet-4-5',
			{ input: 250_000, prefix: 100_000, output: 1_000 },
			cache(1, '5m', 1),
			{ plainInput: 0.45, cacheWrites: 0, cacheReads: 0.03, output: 0.01125, total: 0.49125 }
		],
		[
			// writes 100,000 x 6/M x 2 (1-hour) = 1.2; plain 150,000 x 6/M = 0.9; no output.
			'cache writes apply on top of the tier price',
			'sonnet-4-5',
			{ input: 250_000, prefix: 100_000, output: 0 },
			cache(0, '1h'),
			{ plainInput: 0.9, cacheWrites: 1.2, cacheReads: 0, output: 0, total: 2.1 }
		],
		[
			// Sonnet 4.6 has no tier: 250,000 x 3/M = 0.75; 1,000 x 15/M = 0.015.
			'Sonnet 4.6 has no long-context tier',
			'sonnet-4-6',
			{ input: 250_000, prefix: 0, output: 1_000 },
			noLevers,
			{ plainInput: 0.75, cacheWrites: 0, cacheReads: 0, output: 0.015, total: 0.765 }
		]
	])('%s', (_, id, requestShape, levers, expected) => {
		expectBreakdown(requestCost(model(id), requestShape, levers, STANDARD), expected);
	});

	it('trimming can move a request out of the tier', () => {
		// 220,000 input tokens on Sonnet 4.5, trimmed by 10 % to 198,000:
		// baseline 220,000 x 6/M = $1.32; trimmed 198,000 x 3/M = $0.594 (a 55 % saving from a 10 % trim).
		const s = plain({
			requestsPerMonth: 1,
			inputTokens: 220_000,
			cachedPrefixTokens: 0,
			outputTokens: 0,
			baselineModel: 'sonnet-4-5',
			mixPercent: { 'sonnet-4-5': 100 },
			inputTrimPercent: 10
		});
		const rows = computeStack(s);
		expect(rows[0]!.monthlyCost).toBeCloseTo(1.32, 12);
		expect(rows[4]!.lever).toBe('Token optimization');
		expect(rows[4]!.monthlyCost).toBeCloseTo(0.594, 12);
		expect(rows[4]!.stepSavingPercent).toBeCloseTo(55, 9);
	});
});

describe('price overrides', () => {
	// 1,000 requests of 1,000 input and 1,000 output tokens on Opus 4.6 ($5 / $25):
	// 1,000 x (1,000 x 5/M + 1,000 x 25/M) = 1,000 x 0.03 = $30.
	const base = plain({
		inputTokens: 1000,
		cachedPrefixTokens: 0,
		outputTokens: 1000,
		mixPercent: { 'opus-4-6': 100 }
	});

	it.each([
		['no override', {}, 30],
		// 1,000 x (1,000 x 4/M + 1,000 x 25/M) = 29.
		['input $4', { 'opus-4-6': { inputPerMTok: 4 } }, 29],
		// 1,000 x (1,000 x 5/M + 1,000 x 30/M) = 35.
		['output $30', { 'opus-4-6': { outputPerMTok: 30 } }, 35],
		// 1,000 x (1,000 x 0 + 1,000 x 0) = 0.
		['both free', { 'opus-4-6': { inputPerMTok: 0, outputPerMTok: 0 } }, 0],
		['a model outside the mix', { 'haiku-4-5': { inputPerMTok: 100 } }, 30]
	])('%s: $%s', (_, prices, expected) => {
		expect(monthlyCost({ ...base, prices }, NO_LEVERS).total).toBeCloseTo(expected, 9);
	});

	it('a minCacheTokens override turns caching on for a shorter prefix', () => {
		// Haiku 4.5 ($1) caches 4,096+ tokens; a 2,000-token prefix at 100 % hits:
		// without the override 1,000 x 2,000 x 1/M = $2; with minimum 1,024: 1,000 x 2,000 x 1/M x 0.1 = $0.20.
		const s = plain({
			inputTokens: 2000,
			cachedPrefixTokens: 2000,
			outputTokens: 0,
			mixPercent: { 'haiku-4-5': 100 },
			cacheHitPercent: 100
		});
		expect(monthlyCost(s).total).toBeCloseTo(2, 12);
		expect(monthlyCost({ ...s, prices: { 'haiku-4-5': { minCacheTokens: 1024 } } }).total).toBeCloseTo(0.2, 12);
	});

	it('do not mutate the shipped sheet or the scenario', () => {
		const sheetBefore = structuredClone(anthropic);
		const s = { ...base, prices: { 'opus-4-6': { inputPerMTok: 4, minCacheTokens: 0 } } };
		const scenarioBefore = structuredClone(s);
		computeStack(s);
		hitRatioSeries(s);
		const overridden = withOverrides(anthropic, s.prices);
		expect(getModel(overridden, 'opus-4-6')).toMatchObject({ inputPerMTok: 4, outputPerMTok: 25, minCacheTokens: 0 });
		expect(getSheet('anthropic-2026-03')).toStrictEqual(sheetBefore);
		expect(model('opus-4-6').inputPerMTok).toBe(5);
		expect(s).toStrictEqual(scenarioBefore);
	});

	it('withOverrides returns the sheet itself when there is nothing to override', () => {
		expect(withOverrides(anthropic, {})).toBe(anthropic);
		expect(withOverrides(anthropic)).toBe(anthropic);
	});
});

describe('computeStack', () => {
	it('returns the five rows in the spec order, with exactly these names', () => {
		const rows = computeStack(DEFAULT_SCENARIO);
		expect(rows.map((r) => r.lever)).toEqual([
			'Baseline',
			'Model routing',
			'Prompt caching',
			'Batch API',
			'Token optimization'
		]);
		expect(rows.map((r) => r.key)).toEqual([null, 'routing', 'caching', 'batch', 'trimming']);
	});

	it('reproduces the default scenario by hand', () => {
		// 100,000 requests; 6,000 in (5,000 prefix), 500 out; default sheet.
		// Baseline, Opus 4.6: 6,000 x 5/M + 500 x 25/M = 0.0425 -> $4,250.
		// Routing 5/25/70 % Opus/Sonnet/Haiku: 0.05 x 0.0425 + 0.25 x 0.0255 + 0.7 x 0.0085 = 0.01445 -> $1,445.
		// Caching, 80 % hits at 5 min: the prefix costs 0.8 x 0.1 + 0.2 x 1.25 = 0.33 of plain, so the input
		//   counts as 1,000 + 5,000 x 0.33 = 2,650 plain tokens: Opus 0.02575, Sonnet 0.01545, Haiku 0.00515
		//   -> 0.008755 -> $875.50.
		// Batch 50 %: x 0.75 -> $656.625.
		// Trimming 10 % in, 20 % out: 900 + 4,500 x 0.33 = 2,385 input tokens, 400 out:
		//   Opus 0.021925, Sonnet 0.013155, Haiku 0.004385 -> 0.0074545 x 0.75 x 100,000 = $559.0875.
		const rows = computeStack(DEFAULT_SCENARIO);
		const expected = [4250, 1445, 875.5, 656.625, 559.0875];
		rows.forEach((row, i) => expect(row.monthlyCost).toBeCloseTo(expected[i]!, 9));
		// Steps: 2,805 / 4,250 = 66 %; 569.50 / 1,445 = 39.41 %; 218.875 / 875.50 = 25 %; 97.5375 / 656.625 = 14.85 %.
		expect(rows.map((r) => r.stepSaving)).toEqual([0, expect.closeTo(2805, 9), expect.closeTo(569.5, 9), expect.closeTo(218.875, 9), expect.closeTo(97.5375, 9)]);
		expect(rows[1]!.stepSavingPercent).toBeCloseTo(66, 9);
		expect(rows[3]!.stepSavingPercent).toBeCloseTo(25, 9);
		// Cumulative: 3,690.9125 / 4,250 = 86.845 %.
		expect(rows[4]!.cumulativeSaving).toBeCloseTo(3690.9125, 9);
		expect(rows[4]!.cumulativeSavingPercent).toBeCloseTo(86.845, 9);
	});

	it('shows a negative step saving when the hit ratio is below break-even', () => {
		// 1,000 requests of a 10,000-token prefix on Opus 4.6 ($5): baseline 1,000 x 10,000 x 5/M = $50.
		// 10 % hits at 5 min: 0.1 x 0.1 + 0.9 x 1.25 = 1.135 of plain -> $56.75, a step of -$6.75 (-13.5 %).
		// 50 % hits at 1 h (break-even 52.6 %): 0.5 x 0.1 + 0.5 x 2 = 1.05 -> $52.50, a step of -$2.50 (-5 %).
		const s = plain({
			inputTokens: 10_000,
			cachedPrefixTokens: 10_000,
			outputTokens: 0,
			mixPercent: { 'opus-4-6': 100 }
		});
		const fiveMinutes = computeStack({ ...s, cacheHitPercent: 10, cacheTtl: '5m' })[2]!;
		expect(fiveMinutes.lever).toBe('Prompt caching');
		expect(fiveMinutes.monthlyCost).toBeCloseTo(56.75, 9);
		expect(fiveMinutes.stepSaving).toBeCloseTo(-6.75, 9);
		expect(fiveMinutes.stepSavingPercent).toBeCloseTo(-13.5, 9);
		expect(fiveMinutes.cumulativeSavingPercent).toBeCloseTo(-13.5, 9);

		const oneHour = computeStack({ ...s, cacheHitPercent: 50, cacheTtl: '1h' })[2]!;
		expect(oneHour.stepSaving).toBeCloseTo(-2.5, 9);
		expect(oneHour.stepSavingPercent).toBeCloseTo(-5, 9);
	});

	it('attributes savings by the order given, with the same final cost', () => {
		// Batch first on the default scenario: 4,250 x 0.75 = $3,187.50 after the first lever.
		const rows = computeStack(DEFAULT_SCENARIO, undefined, ['batch', 'routing', 'caching', 'trimming']);
		expect(rows.map((r) => r.lever)).toEqual([
			'Baseline',
			'Batch API',
			'Model routing',
			'Prompt caching',
			'Token optimization'
		]);
		expect(rows[1]!.monthlyCost).toBeCloseTo(3187.5, 9);
		expect(rows[1]!.stepSaving).toBeCloseTo(1062.5, 9);
		expect(rows[4]!.monthlyCost).toBeCloseTo(559.0875, 9);
	});

	it.each<[string, readonly string[]]>([
		['a lever missing', ['routing', 'caching', 'batch']],
		['a lever twice', ['routing', 'routing', 'batch', 'trimming']],
		['an unknown lever', ['routing', 'caching', 'batch', 'trim']],
		['a fifth entry', ['routing', 'caching', 'batch', 'trimming', 'routing']],
		['nothing', []]
	])('throws a helpful error on a bad order: %s', (_, order) => {
		expect(() => computeStack(DEFAULT_SCENARIO, undefined, order as readonly Lever[])).toThrow(
			`order must list each of routing, caching, batch, trimming once; got ${order.join(', ')}`
		);
	});

	it('accepts every lever exactly once in any order', () => {
		expect(() => computeStack(DEFAULT_SCENARIO, undefined, [...LEVERS].reverse())).not.toThrow();
	});

	it('reports 0 % saved on a free baseline instead of dividing by zero', () => {
		const rows = computeStack(plain({ requestsPerMonth: 0 }));
		expect(rows.every((r) => r.monthlyCost === 0 && r.cumulativeSavingPercent === 0)).toBe(true);
	});
});

describe('percentSaved', () => {
	it.each([
		[100, 75, 25],
		[100, 0, 100],
		[100, 125, -25],
		[0, 0, 0],
		[0, 5, 0]
	])('from %d to %d: %d %', (from, to, expected) => {
		expect(percentSaved(from, to)).toBeCloseTo(expected, 12);
	});
});

describe('monthlyCost', () => {
	it('splits the month by model, and the parts add up to the total', () => {
		// Default scenario, all levers: the per-model monthly totals are share x requests x per-request cost,
		// e.g. Haiku 4.5: 70,000 requests x 0.004385 x 0.75 = $230.2125.
		const month = monthlyCost(DEFAULT_SCENARIO, ALL_LEVERS);
		expect(month.models.map((m) => [m.model.id, m.requests])).toEqual([
			['opus-4-6', 5000],
			['sonnet-4-6', 25_000],
			['haiku-4-5', 70_000]
		]);
		const haiku = month.models[2]!;
		expect(haiku.total).toBeCloseTo(230.2125, 9);
		expect(haiku.perRequest.total).toBeCloseTo(0.004385 * 0.75, 12);
		expect(month.models.reduce((t, m) => t + m.total, 0)).toBeCloseTo(month.total, 9);
		expect(month.plainInput + month.cacheWrites + month.cacheReads + month.output).toBeCloseTo(month.total, 9);
	});

	it('leaves out models with a 0 % share', () => {
		const month = monthlyCost(plain({ mixPercent: { 'opus-4-6': 0, 'haiku-4-5': 100 } }), ALL_LEVERS);
		expect(month.models.map((m) => m.model.id)).toEqual(['haiku-4-5']);
	});
});

describe('break-even points and cachesAnything', () => {
	it('the default scenario caches, with markers at 21.7 % and 52.6 % on the no-cache cost', () => {
		// Trimmed prefix 5,000 x 0.9 = 4,500 tokens: at least every default model's minimum (4,096 at most).
		expect(cachesAnything(DEFAULT_SCENARIO)).toBe(true);
		const none = hitRatioSeries(DEFAULT_SCENARIO).cost.none[0]!;
		expect(breakEvenPoints(DEFAULT_SCENARIO)).toEqual([
			{ ttl: '5m', hitPercent: expect.closeTo((0.25 / 1.15) * 100, 9), costPerRequest: none },
			{ ttl: '1h', hitPercent: expect.closeTo((1 / 1.9) * 100, 9), costPerRequest: none }
		]);
	});

	it.each<[string, Partial<Scenario>, boolean]>([
		// 1,000 x 0.9 = 900 tokens: below Sonnet's 1,024 and Opus/Haiku's 4,096.
		['a prefix below every model minimum', { cachedPrefixTokens: 1000 }, false],
		// 1,100 tokens would reach Sonnet's 1,024, but trimmed by 10 % it is 990.
		['a prefix that trimming pushes below the minimum', { cachedPrefixTokens: 1100 }, false],
		['the same prefix untrimmed', { cachedPrefixTokens: 1100, inputTrimPercent: 0 }, true],
		// Sonnet would cache 2,000 tokens but carries no traffic; Haiku needs 4,096.
		[
			'only a 0 % model could cache',
			{ cachedPrefixTokens: 2000, inputTrimPercent: 0, mixPercent: { 'sonnet-4-6': 0, 'haiku-4-5': 100 } },
			false
		],
		['no prefix, even with a 0-token minimum', { cachedPrefixTokens: 0, prices: { 'sonnet-4-6': { minCacheTokens: 0 } } }, false],
		// The guide sheet's minimum is 1,024 for every model: 1,100 untrimmed caches.
		['the guide sheet', { priceSheet: 'guide-2026-03', cachedPrefixTokens: 1100, inputTrimPercent: 0 }, true]
	])('%s: cachesAnything %s', (_, patch, caches) => {
		const s = { ...defaultScenario(), ...patch };
		expect(cachesAnything(s)).toBe(caches);
		expect(breakEvenPoints(s)).toHaveLength(caches ? 2 : 0);
	});
});

describe('hitRatioSeries', () => {
	/** Where the TTL's line meets the no-cache line, interpolated between the two points around the sign change. */
	function crossing(cost: Record<CacheMode, number[]>, hitPercent: number[], ttl: CacheTtl): number {
		const gap = cost[ttl].map((y, i) => y - cost.none[i]!);
		const i = gap.findIndex((g, k) => g > 0 && gap[k + 1]! <= 0);
		const x0 = hitPercent[i]!;
		const x1 = hitPercent[i + 1]!;
		return x0 + ((x1 - x0) * gap[i]!) / (gap[i]! - gap[i + 1]!);
	}

	it.each<[string, Scenario]>([
		['Opus 4.6 alone on the guide sheet', { ...defaultScenario(), priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 } }],
		['the default scenario', defaultScenario()],
		// Only Sonnet caches the 2,000-token prefix; the rest of the mix adds the same cost to every line.
		['a mix where one model caches', { ...defaultScenario(), cachedPrefixTokens: 2000, inputTrimPercent: 0 }]
	])('the TTL lines cross the no-cache line exactly at break-even: %s', (_, s) => {
		const { hitPercent, cost } = hitRatioSeries(s);
		// Straight lines: the two ends carry them.
		expect(hitPercent).toEqual([0, 100]);
		expect(new Set(cost.none).size).toBe(1);
		// h* = (w - 1) / (w - 0.1): 0.25 / 1.15 = 21.74 %; 1 / 1.9 = 52.63 %.
		expect(crossing(cost, hitPercent, '5m')).toBeCloseTo((0.25 / 1.15) * 100, 9);
		expect(crossing(cost, hitPercent, '1h')).toBeCloseTo((1 / 1.9) * 100, 9);
		expect(crossing(cost, hitPercent, '5m')).toBeCloseTo(breakEvenHitRatio('5m', STANDARD) * 100, 9);
	});

	it('samples evenly when asked for more points: 101 is every 1 %, on the same lines', () => {
		const s = { ...defaultScenario(), priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 } };
		const ends = hitRatioSeries(s, guide);
		const every1 = hitRatioSeries(s, guide, 101);
		expect(every1.hitPercent).toHaveLength(101);
		expect([every1.hitPercent[0], every1.hitPercent[21], every1.hitPercent[100]]).toEqual([0, 21, 100]);
		for (const mode of CACHE_MODES) {
			expect([every1.cost[mode][0], every1.cost[mode][100]]).toEqual(ends.cost[mode]);
		}
		// 5 minutes at 40 %, by hand from the ends below: 0.6 x 0.09590625 + 0.4 x 0.0376875 = 0.07261875.
		expect(every1.cost['5m'][40]).toBeCloseTo(0.07261875, 12);
	});

	it('costs a request of Opus 4.6 (guide sheet) by hand', () => {
		// Default shape, all levers: 5,400 in (4,500 prefix), 400 out, half batched (x 0.75), $15 / $75.
		// No cache: (5,400 x 15/M + 400 x 75/M) x 0.75 = (0.081 + 0.03) x 0.75 = 0.08325.
		// 5 min, 0 % hits: (900 x 15/M + 4,500 x 15/M x 1.25 + 0.03) x 0.75 = (0.0135 + 0.084375 + 0.03) x 0.75 = 0.09590625.
		// 5 min, 100 % hits: (0.0135 + 4,500 x 15/M x 0.1 + 0.03) x 0.75 = (0.0135 + 0.00675 + 0.03) x 0.75 = 0.0376875.
		const s = { ...defaultScenario(), priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 } };
		const { cost } = hitRatioSeries(s, guide, 2);
		expect(cost.none).toEqual([expect.closeTo(0.08325, 12), expect.closeTo(0.08325, 12)]);
		expect(cost['5m']).toEqual([expect.closeTo(0.09590625, 12), expect.closeTo(0.0376875, 12)]);
	});
});

describe('weightedPrice', () => {
	it.each<[string, Record<string, number>, typeof anthropic, number, number]>([
		['one model', { 'sonnet-4-6': 100 }, anthropic, 3, 15],
		// 0.5 x 5 + 0.5 x 1 = 3; 0.5 x 25 + 0.5 x 5 = 15.
		['Opus and Haiku half and half', { 'opus-4-6': 50, 'haiku-4-5': 50 }, anthropic, 3, 15],
		// Guide sheet: 0.5 x 15 + 0.5 x 0.8 = 7.9; 0.5 x 75 + 0.5 x 4 = 39.5.
		['the same on the guide sheet', { 'opus-4-6': 50, 'haiku-4-5': 50 }, guide, 7.9, 39.5],
		// A 0 % share weighs nothing: 0.9 x 0.8 + 0.1 x 15 = 2.22; 0.9 x 4 + 0.1 x 75 = 11.1.
		['a 0 % share', { 'haiku-3-5': 90, 'opus-4-1': 10, 'opus-4-6': 0 }, anthropic, 2.22, 11.1],
		['an empty mix', {}, anthropic, 0, 0]
	])('%s', (_, mix, sheet, input, output) => {
		const p = weightedPrice(mix, sheet);
		expect(p.inputPerMTok).toBeCloseTo(input, 12);
		expect(p.outputPerMTok).toBeCloseTo(output, 12);
	});

	it('names the sheet models when an id is unknown', () => {
		expect(() => weightedPrice({ 'opus-4-5': 100 }, guide)).toThrow(
			'Unknown model "opus-4-5" in sheet guide-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5'
		);
	});
});
