// parseScenario: the public scenario format of docs/scenario.md.
import { describe, expect, it } from 'vitest';
import scenarioDoc from '../../../docs/scenario.md?raw';
import { DEFAULT_SCENARIO, defaultScenario } from '$lib/scenario/defaults';
import { parseScenario as parseAnyVersion } from '$lib/scenario/parse';
import { LIMITS, parseScenario, scenarioProblems, type ParseResult, type Scenario } from '$lib/scenario/schema';

/** The example of docs/scenario.md. */
const EXAMPLE = {
	version: 1,
	priceSheet: 'anthropic-2026-03',
	requestsPerMonth: 250000,
	inputTokens: 8000,
	cachedPrefixTokens: 6000,
	outputTokens: 400,
	baselineModel: 'opus-4-6',
	mixPercent: { 'opus-4-6': 10, 'sonnet-4-6': 30, 'haiku-4-5': 60 },
	cacheHitPercent: 85,
	cacheTtl: '1h',
	batchPercent: 40,
	inputTrimPercent: 15,
	outputTrimPercent: 25,
	prices: { 'opus-4-6': { inputPerMTok: 4.5 } }
};

function problemsOf(data: unknown): string[] {
	const result = parseScenario(data);
	expect(result.ok, `expected problems, got ${JSON.stringify(result)}`).toBe(false);
	return result.ok ? [] : result.problems;
}

function scenarioOf(data: unknown): Scenario {
	const result: ParseResult = parseScenario(data);
	if (!result.ok) throw new Error(`expected a scenario, got ${result.problems.join('; ')}`);
	return result.scenario;
}

describe('parseScenario accepts', () => {
	it('{} as the default scenario', () => {
		expect(scenarioOf({})).toStrictEqual({ ...DEFAULT_SCENARIO });
	});

	it('the example scenario, with the fields added since at their version-1 defaults', () => {
		expect(scenarioOf(EXAMPLE)).toStrictEqual({
			...EXAMPLE,
			customModels: [],
			usOnlyInference: false,
			adjustForTokenizer: true,
			tokensCountedOn: 'legacy',
			webSearchesPerRequest: 0
		});
	});

	it('a scenario with every field added for November 2026 prices', () => {
		const custom = {
			id: 'custom-1',
			name: 'Mythos 5.2',
			family: 'custom',
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
		const full = {
			...EXAMPLE,
			priceSheet: 'anthropic-2026-11',
			baselineModel: 'opus-5-5',
			mixPercent: { 'opus-5-5': 20, 'custom-1': 80 },
			prices: { 'haiku-5-5': { cacheReadPerMTok: 0.02, bandOutputPerMTok: 3 } },
			customModels: [custom],
			usOnlyInference: true,
			adjustForTokenizer: false,
			tokensCountedOn: '2026',
			webSearchesPerRequest: 1.5
		};
		expect(scenarioOf(full)).toStrictEqual(full);
	});

	it('every JSON example of docs/scenario.md', () => {
		const blocks = [...scenarioDoc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);
		expect(blocks).toHaveLength(3);
		expect(blocks[0]).toEqual(EXAMPLE);
		// The two version-1 examples by version 1's rules; every example, the version-2 one
		// included, by parseScenario of versions 1 and 2, without a problem.
		for (const block of blocks.slice(0, 2)) expect(parseScenario(block).ok, JSON.stringify(block)).toBe(true);
		for (const block of blocks) expect(parseAnyVersion(block)).toMatchObject({ ok: true });
		expect((blocks[2] as { version: number }).version).toBe(2);
	});

	it('a partial scenario, filling the rest with the defaults', () => {
		expect(scenarioOf({ priceSheet: 'guide-2026-03', requestsPerMonth: 1000 })).toStrictEqual({
			...defaultScenario(),
			priceSheet: 'guide-2026-03',
			requestsPerMonth: 1000
		});
	});

	it.each<[string, Record<string, unknown>]>([
		['every limit at its top', {
			requestsPerMonth: LIMITS.requestsPerMonth,
			inputTokens: LIMITS.tokens,
			cachedPrefixTokens: LIMITS.tokens,
			outputTokens: LIMITS.tokens,
			cacheHitPercent: 100,
			batchPercent: 100,
			inputTrimPercent: 100,
			outputTrimPercent: 100,
			prices: { 'opus-4-6': { inputPerMTok: LIMITS.dollarsPerMTok, outputPerMTok: LIMITS.dollarsPerMTok, minCacheTokens: LIMITS.tokens } }
		}],
		['every number at 0', {
			requestsPerMonth: 0,
			inputTokens: 0,
			cachedPrefixTokens: 0,
			outputTokens: 0,
			cacheHitPercent: 0,
			batchPercent: 0,
			inputTrimPercent: 0,
			outputTrimPercent: 0,
			prices: { 'haiku-4-5': { inputPerMTok: 0, outputPerMTok: 0, minCacheTokens: 0 } }
		}],
		['a prefix equal to the input', { inputTokens: 3000, cachedPrefixTokens: 3000 }],
		['a prefix below every model minimum (not an error: billed as plain input)', { cachedPrefixTokens: 10 }],
		['a mix of thirds that sums to 100 only within float tolerance', { mixPercent: { 'opus-4-6': 100 / 3, 'sonnet-4-6': 100 / 3, 'haiku-4-5': 100 / 3 } }],
		['a mix listing a model at 0 %', { mixPercent: { 'opus-4-6': 0, 'haiku-3-5': 100 } }],
		['a model only the default sheet has', { baselineModel: 'opus-4-1', mixPercent: { 'sonnet-4-5': 100 } }],
		['an empty override', { prices: { 'sonnet-4-6': {} } }],
		['the 1-hour TTL', { cacheTtl: '1h' }]
	])('%s, unchanged', (_, data) => {
		expect(scenarioOf(data)).toStrictEqual({ ...defaultScenario(), ...data });
	});

	it('ignores fields it does not know (a newer file still opens)', () => {
		expect(scenarioOf({ requestsPerMonth: 5, addedInVersion9: true })).toStrictEqual({
			...defaultScenario(),
			requestsPerMonth: 5
		});
	});
});

describe('parseScenario reports a problem naming the field and the value', () => {
	it.each<[string, unknown, string[]]>([
		['a hit ratio of 140 %', { cacheHitPercent: 140 }, ['cacheHitPercent: expected a number <= 100, got 140']],
		['a negative batch share', { batchPercent: -1 }, ['batchPercent: expected a number >= 0, got -1']],
		['a trim over 100 %', { outputTrimPercent: 100.5 }, ['outputTrimPercent: expected a number <= 100, got 100.5']],
		['negative tokens', { inputTokens: -5 }, ['inputTokens: expected a number >= 0, got -5']],
		['fractional tokens', { outputTokens: 1.5 }, ['outputTokens: expected int, got 1.5']],
		['tokens past the limit', { inputTokens: 10_000_001 }, ['inputTokens: expected a number <= 10000000, got 10000001']],
		['fractional requests', { requestsPerMonth: 10.5 }, ['requestsPerMonth: expected int, got 10.5']],
		['too many requests', { requestsPerMonth: 1e13 }, ['requestsPerMonth: expected a number <= 1000000000000, got 10000000000000']],
		['a number written as text', { inputTokens: '6000' }, ['inputTokens: expected number, got "6000"']],
		[
			'a prefix larger than the input',
			{ inputTokens: 6000, cachedPrefixTokens: 7000 },
			['cachedPrefixTokens: the cached prefix (7000) cannot be larger than the input (6000)']
		],
		[
			'a mix summing to 90',
			{ mixPercent: { 'opus-4-6': 50, 'sonnet-4-6': 40 } },
			['mixPercent: the shares must sum to 100, got 90']
		],
		[
			'a mix summing to 100.1',
			{ mixPercent: { 'opus-4-6': 50.1, 'sonnet-4-6': 50 } },
			['mixPercent: the shares must sum to 100, got 100.1']
		],
		['an empty mix', { mixPercent: {} }, ['mixPercent: the mix needs at least one model']],
		['a share over 100', { mixPercent: { 'opus-4-6': 120, 'sonnet-4-6': -20 } }, [
			'mixPercent.opus-4-6: expected a number <= 100, got 120',
			'mixPercent.sonnet-4-6: expected a number >= 0, got -20'
		]],
		[
			'an unknown model in the mix',
			{ mixPercent: { 'gpt-5': 100 } },
			[
				'mixPercent.gpt-5: not a model of anthropic-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5, opus-4-5, opus-4-1, sonnet-4-5, haiku-3-5'
			]
		],
		[
			'an unknown baseline model',
			{ baselineModel: 'gpt-5' },
			[
				'baselineModel: "gpt-5" is not a model of anthropic-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5, opus-4-5, opus-4-1, sonnet-4-5, haiku-3-5'
			]
		],
		[
			'an override for an unknown model',
			{ prices: { 'gpt-5': { inputPerMTok: 1 } } },
			[
				'prices.gpt-5: not a model of anthropic-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5, opus-4-5, opus-4-1, sonnet-4-5, haiku-3-5'
			]
		],
		[
			'a model the chosen sheet does not have',
			{ priceSheet: 'guide-2026-03', baselineModel: 'opus-4-5', mixPercent: { 'opus-4-1': 100 } },
			[
				'baselineModel: "opus-4-5" is not a model of guide-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5',
				'mixPercent.opus-4-1: not a model of guide-2026-03; use one of opus-4-6, sonnet-4-6, haiku-4-5'
			]
		],
		['a negative override', { prices: { 'opus-4-6': { inputPerMTok: -1 } } }, ['prices.opus-4-6.inputPerMTok: expected a number >= 0, got -1']],
		['an override past the limit', { prices: { 'opus-4-6': { outputPerMTok: 10_001 } } }, ['prices.opus-4-6.outputPerMTok: expected a number <= 10000, got 10001']],
		['not an object', null, ['(root): expected object, got null']],
		['an array', [], ['(root): expected object, got []']]
	])('%s', (_, data, problems) => {
		expect(problemsOf(data)).toEqual(problems);
	});

	// Enum and literal fields: the message names the field and quotes the value.
	it.each<[string, unknown, string, string]>([
		['an unknown price sheet', { priceSheet: 'openai-2026-03' }, 'priceSheet', '"openai-2026-03"'],
		['a TTL of 10 minutes', { cacheTtl: '10m' }, 'cacheTtl', '"10m"'],
		['a TTL given as a number', { cacheTtl: 5 }, 'cacheTtl', '5'],
		['version 2', { version: 2 }, 'version', '2']
	])('%s', (_, data, field, quoted) => {
		const problems = problemsOf(data);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(new RegExp(`^${field}: `));
		expect(problems[0]!.endsWith(`got ${quoted}`)).toBe(true);
	});

	it('reports every field problem at once, before any cross-field rule', () => {
		// The prefix (7,000 > 6,000) would also be a problem, but fields come first.
		const problems = problemsOf({ cacheHitPercent: 140, outputTokens: -1, cacheTtl: '2h', cachedPrefixTokens: 7000 });
		expect(problems).toHaveLength(3);
		expect(problems).toEqual(
			expect.arrayContaining([
				'cacheHitPercent: expected a number <= 100, got 140',
				'outputTokens: expected a number >= 0, got -1',
				expect.stringMatching(/^cacheTtl: .*got "2h"$/)
			])
		);
	});

	it('reports every cross-field problem at once', () => {
		expect(
			problemsOf({
				cachedPrefixTokens: 7000,
				baselineModel: 'gpt-5',
				mixPercent: { 'opus-4-6': 50 },
				prices: { 'gpt-4': {} }
			})
		).toHaveLength(4);
	});
});

describe('parseScenario never fixes anything silently', () => {
	it.each<[string, unknown]>([
		['a hit ratio just over 100', { cacheHitPercent: 100.0001 }],
		['a mix just off 100', { mixPercent: { 'opus-4-6': 99.99 } }],
		['a prefix one token over the input', { inputTokens: 1000, cachedPrefixTokens: 1001 }],
		['a negative price', { prices: { 'sonnet-4-6': { inputPerMTok: -0.01 } } }],
		['one good model and one unknown', { mixPercent: { 'opus-4-6': 50, 'gpt-5': 50 } }]
	])('%s is rejected, not clamped, rescaled or dropped', (_, data) => {
		expect(parseScenario(data)).toMatchObject({ ok: false });
	});
});

describe('parseScenario and its input', () => {
	it('does not mutate the input, valid or not', () => {
		for (const data of [EXAMPLE, { ...EXAMPLE, cacheHitPercent: 140 }, { ...EXAMPLE, cachedPrefixTokens: 9000 }]) {
			const before = structuredClone(data);
			parseScenario(Object.freeze(data));
			expect(data).toStrictEqual(before);
		}
	});

	it('returns a scenario that shares no objects with the input or the defaults', () => {
		const data = structuredClone(EXAMPLE);
		const scenario = scenarioOf(data);
		scenario.mixPercent['opus-4-6'] = 99;
		scenario.prices['opus-4-6']!.inputPerMTok = 99;
		expect(data).toStrictEqual(EXAMPLE);

		const defaults = scenarioOf({});
		defaults.mixPercent['opus-4-6'] = 99;
		defaults.prices['opus-4-6'] = { inputPerMTok: 99 };
		expect(DEFAULT_SCENARIO.mixPercent['opus-4-6']).toBe(5);
		expect(DEFAULT_SCENARIO.prices).toEqual({});
	});
});

describe('scenarioProblems', () => {
	it('is empty for the defaults and the example', () => {
		expect(scenarioProblems(defaultScenario())).toEqual([]);
		expect(scenarioProblems(scenarioOf(EXAMPLE))).toEqual([]);
	});
});
