// repairScenario: any JSON-ish value -> a valid scenario and one plain-words sentence per change.
// Expected values are hand-derived from the rules in src/lib/scenario/repair.ts and the defaults.
import { normalizeMix } from '$lib/scenario/mix';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, defaultScenario } from '$lib/scenario/defaults';
import {
	MAX_CORRECTIONS,
	capCorrections,
	defaultBaselineFor,
	defaultMixFor,
	repairScenario,
	showNumber
} from '$lib/scenario/repair';
import { parseScenario, scenarioProblems, type Scenario } from '$lib/scenario/schema';
import { quoteSafely } from '$lib/validation/quoteSafely';

const scenario = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });

function expectValid(s: Scenario): void {
	expect(scenarioProblems(s)).toEqual([]);
	expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
}

describe('repairScenario on valid input', () => {
	it('returns a valid scenario unchanged, without corrections, and does not mutate it', () => {
		const valid = scenario({
			priceSheet: 'guide-2026-03',
			baselineModel: 'sonnet-4-6',
			mixPercent: { 'sonnet-4-6': 33.333, 'haiku-4-5': 66.667 },
			prices: { 'opus-4-6': { inputPerMTok: 4, minCacheTokens: 2048 } }
		});
		const copy = structuredClone(valid);
		const repaired = repairScenario(valid);
		expect(repaired).toStrictEqual({ scenario: copy, corrections: [] });
		expect(valid).toStrictEqual(copy);
		expect(repaired.scenario.mixPercent).not.toBe(valid.mixPercent);
	});

	it('fills missing fields with the defaults silently and ignores unknown fields', () => {
		expect(repairScenario({})).toStrictEqual({ scenario: defaultScenario(), corrections: [] });
		expect(repairScenario(undefined)).toStrictEqual({ scenario: defaultScenario(), corrections: [] });
		expect(repairScenario({ comment: 'mine', cacheHitPercent: 90 })).toStrictEqual({
			scenario: scenario({ cacheHitPercent: 90 }),
			corrections: []
		});
	});

	it('accepts null-prototype objects and turns -0 into 0', () => {
		const data = Object.assign(Object.create(null) as object, { batchPercent: -0 });
		const repaired = repairScenario(data);
		expect(Object.is(repaired.scenario.batchPercent, 0)).toBe(true);
		expect(repaired.corrections).toEqual([]);
	});
});

describe('repairScenario corrections', () => {
	it.each<[string, Record<string, unknown>, Partial<Scenario>, string[]]>([
		['hit ratio above 100', { cacheHitPercent: 140 }, { cacheHitPercent: 100 }, ['Cache hit ratio 140 was above 100; used 100']],
		['batch below 0', { batchPercent: -1 }, { batchPercent: 0 }, ['Batch share -1 was below 0; used 0']],
		['trim as text', { inputTrimPercent: '10' }, {}, ['Input trimmed "10" is not a number; used 10']],
		['trim null', { outputTrimPercent: null }, {}, ['Output trimmed null is not a number; used 20']],
		['NaN', { cacheHitPercent: Number.NaN }, {}, ['Cache hit ratio NaN is not a number; used 80']],
		[
			'Infinity',
			{ requestsPerMonth: Number.POSITIVE_INFINITY },
			{ requestsPerMonth: 1e12 },
			['Requests per month Infinity was above 1,000,000,000,000; used 1,000,000,000,000']
		],
		[
			'fractional tokens',
			{ inputTokens: 6000.4 },
			{ inputTokens: 6000 },
			['Input tokens per request 6,000.4 was not a whole number; used 6,000']
		],
		['fractional requests', { requestsPerMonth: 2.5 }, { requestsPerMonth: 3 }, ['Requests per month 2.5 was not a whole number; used 3']],
		[
			'prefix above input',
			{ inputTokens: 1000, cachedPrefixTokens: 2000 },
			{ inputTokens: 1000, cachedPrefixTokens: 1000 },
			['Cached prefix tokens 2,000 was above the input tokens per request (1,000); used 1,000']
		],
		['output as array', { outputTokens: [500] }, {}, ['Output tokens per request [500] is not a number; used 500']],
		['unknown sheet', { priceSheet: 'acme' }, {}, ['Price sheet "acme" is not known; used Anthropic list prices 2026-03-23']],
		['unknown TTL', { cacheTtl: '1d' }, {}, ['Cache TTL "1d" is not 5m or 1h; used 5m']],
		[
			'baseline not on the sheet',
			{ priceSheet: 'guide-2026-03', baselineModel: 'haiku-3-5' },
			{ priceSheet: 'guide-2026-03' },
			['Baseline model "haiku-3-5" is not on Cost-optimisation guide table (March 2026); used Opus 4.6']
		],
		['baseline a number', { baselineModel: 7 }, {}, ['Baseline model 7 is not on Anthropic list prices 2026-03-23; used Opus 4.6']],
		['version 2', { version: 2 }, {}, ['This scenario was made by a newer version of the calculator (format version 2); read what this version understands']],
		['version text', { version: '1' }, {}, ['Format version "1" is not known; read it as version 1']]
	])('%s', (_name, data, patch, corrections) => {
		const repaired = repairScenario(data);
		expect(repaired).toStrictEqual({ scenario: scenario(patch), corrections });
		expectValid(repaired.scenario);
	});

	it('reports every change, in the order of the page', () => {
		const repaired = repairScenario({ cacheTtl: 'x', requestsPerMonth: -1, priceSheet: 'y', outputTrimPercent: 101 });
		expect(repaired.corrections).toEqual([
			'Price sheet "y" is not known; used Anthropic list prices 2026-03-23',
			'Requests per month -1 was below 0; used 0',
			'Cache TTL "x" is not 5m or 1h; used 5m',
			'Output trimmed 101 was above 100; used 100'
		]);
	});
});

describe('repairScenario on the mix', () => {
	it.each<[string, unknown, Record<string, number>, string[]]>([
		['scales proportionally', { 'opus-4-6': 10, 'sonnet-4-6': 30 }, { 'opus-4-6': 25, 'sonnet-4-6': 75 }, ['Model mix shares add up to 40, not 100; scaled them to 100']],
		[
			'scales in tenths, leftovers to the largest remainders',
			{ 'opus-4-6': 1, 'sonnet-4-6': 1, 'haiku-4-5': 1 },
			{ 'opus-4-6': 33.4, 'sonnet-4-6': 33.3, 'haiku-4-5': 33.3 },
			['Model mix shares add up to 3, not 100; scaled them to 100']
		],
		[
			'clamps a share before scaling',
			{ 'opus-4-6': 150, 'haiku-4-5': 100 },
			{ 'opus-4-6': 50, 'haiku-4-5': 50 },
			['Opus 4.6 share 150 was above 100; used 100', 'Model mix shares add up to 200, not 100; scaled them to 100']
		],
		[
			'drops models not on the sheet',
			{ 'gpt-5': 50, 'haiku-4-5': 100 },
			{ 'haiku-4-5': 100 },
			['Model mix: "gpt-5" is not on Anthropic list prices 2026-03-23; left it out']
		],
		['drops a malformed share', { 'opus-4-6': 'lots', 'haiku-4-5': 100 }, { 'haiku-4-5': 100 }, ['Opus 4.6 share "lots" is not a number; left it out']],
		['all zero: the default mix', { 'opus-4-6': 0, 'haiku-4-5': 0 }, { ...DEFAULT_SCENARIO.mixPercent }, ['Model mix shares add up to 0; used the default mix']],
		['empty: the default mix', {}, { ...DEFAULT_SCENARIO.mixPercent }, ['Model mix is empty; used the default mix']],
		['not an object: the default mix', [5, 95], { ...DEFAULT_SCENARIO.mixPercent }, ['Model mix [5,95] is not a list of model shares; used the default mix']],
		[
			'nothing usable: the default mix',
			{ 'gpt-5': 100 },
			{ ...DEFAULT_SCENARIO.mixPercent },
			['Model mix: "gpt-5" is not on Anthropic list prices 2026-03-23; left it out', 'Model mix has no usable shares; used the default mix']
		]
	])('%s', (_name, mixPercent, expected, corrections) => {
		const repaired = repairScenario({ mixPercent });
		expect(repaired.scenario.mixPercent).toStrictEqual(expected);
		expect(repaired.corrections).toEqual(corrections);
		expectValid(repaired.scenario);
	});

	it('keeps a mix within MIX_TOLERANCE of 100 as it is', () => {
		const mix = { 'opus-4-6': 100 / 3, 'sonnet-4-6': 100 / 3, 'haiku-4-5': 100 / 3 };
		expect(repairScenario({ mixPercent: mix })).toStrictEqual({ scenario: scenario({ mixPercent: mix }), corrections: [] });
	});
});

describe('repairScenario on price overrides', () => {
	it('clamps, rounds and drops what it cannot read, field by field', () => {
		const repaired = repairScenario({
			prices: {
				'opus-4-6': { inputPerMTok: 'cheap', outputPerMTok: 20_000, minCacheTokens: 1024.5, longContext: 1 },
				'sonnet-4-6': 3,
				'gpt-5': { inputPerMTok: 1 },
				'haiku-4-5': {}
			}
		});
		expect(repaired.scenario.prices).toStrictEqual({ 'opus-4-6': { outputPerMTok: 10_000, minCacheTokens: 1025 }, 'haiku-4-5': {} });
		expect(repaired.corrections).toEqual([
			`Opus 4.6 input price "cheap" is not a number; used the sheet's 5`,
			'Opus 4.6 output price 20,000 was above 10,000; used 10,000',
			'Opus 4.6 minimum cacheable prefix 1,024.5 was not a whole number; used 1,025',
			'Sonnet 4.6 price override 3 is not a set of prices; left it out',
			'Price override for "gpt-5": it is not on Anthropic list prices 2026-03-23; left it out'
		]);
		expectValid(repaired.scenario);
	});

	it('drops overrides for models of another sheet', () => {
		const repaired = repairScenario({ priceSheet: 'guide-2026-03', prices: { 'opus-4-1': { inputPerMTok: 1 } } });
		expect(repaired.scenario.prices).toStrictEqual({});
		expect(repaired.corrections).toEqual(['Price override for "opus-4-1": it is not on Cost-optimisation guide table (March 2026); left it out']);
	});

	it('ignores prices that are not an object', () => {
		expect(repairScenario({ prices: 'free' }).corrections).toEqual(['Price overrides "free" are not a list of model prices; ignored them']);
	});
});

describe('repairScenario on anything else', () => {
	it.each([null, 42, 'scenario', true, [1, 2]])('%o gives the default scenario with a correction', (data) => {
		const repaired = repairScenario(data);
		expect(repaired.scenario).toStrictEqual(defaultScenario());
		expect(repaired.corrections).toHaveLength(1);
		expect(repaired.corrections[0]).toMatch(/is not a set of fields; used the default scenario$/);
	});

	it('survives getters that throw and proxies', () => {
		const hostile = {
			get cacheHitPercent(): number {
				throw new Error('boom');
			}
		};
		const boom = (): never => {
			throw new Error('boom');
		};
		const proxy = new Proxy({}, { getOwnPropertyDescriptor: boom, ownKeys: boom, get: boom, has: boom });
		for (const data of [hostile, proxy]) {
			const repaired = repairScenario(data);
			expect(repaired.scenario).toStrictEqual(defaultScenario());
			expect(repaired.corrections).toEqual(['The scenario could not be read; used the default scenario']);
		}
	});

	it('does not pollute prototypes with JSON "__proto__" keys', () => {
		const data: unknown = JSON.parse('{"__proto__": {"polluted": 1}, "mixPercent": {"__proto__": 100}, "prices": {"__proto__": {}}}');
		const repaired = repairScenario(data);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(repaired.scenario.mixPercent).toStrictEqual({ ...DEFAULT_SCENARIO.mixPercent });
		expect(repaired.scenario.prices).toStrictEqual({});
		expectValid(repaired.scenario);
	});
});

describe('helpers', () => {
	it('normalizeMix (the rule links rely on) scales to exactly 1000 tenths', () => {
		expect(normalizeMix({ a: 1, b: 3 })).toStrictEqual({ a: 25, b: 75 });
		expect(normalizeMix({ a: 2, b: 1, c: 1 })).toStrictEqual({ a: 50, b: 25, c: 25 });
		expect(normalizeMix({ a: 1, b: 0, c: 2 })).toStrictEqual({ a: 33.3, b: 0, c: 66.7 });
		expect(normalizeMix({ a: 5e-324, b: 5e-324 })).toStrictEqual({ a: 50, b: 50 });
	});

	it('defaultMixFor and defaultBaselineFor give the defaults on both shipped sheets', () => {
		for (const sheet of ['anthropic-2026-03', 'guide-2026-03']) {
			expect(defaultMixFor(sheet)).toStrictEqual({ ...DEFAULT_SCENARIO.mixPercent });
			expect(defaultBaselineFor(sheet)).toBe('opus-4-6');
		}
	});

	it('showNumber groups thousands and leaves exponents alone', () => {
		expect([0, 140, 8000, -5000, 1234.5, 1e12, 1e-7, 1e21].map(showNumber)).toEqual([
			'0',
			'140',
			'8,000',
			'-5,000',
			'1,234.5',
			'1,000,000,000,000',
			'1e-7',
			'1e+21'
		]);
	});

	it('capCorrections keeps MAX_CORRECTIONS sentences, the last counting the rest', () => {
		const many = Array.from({ length: 30 }, (_, i) => `c${i}`);
		const capped = capCorrections(many);
		expect(capped).toHaveLength(MAX_CORRECTIONS);
		expect(capped.at(-1)).toBe('...and 6 more corrections');
		expect(capCorrections(['a'])).toEqual(['a']);
	});

	it('quoteSafely is brief and shows invisible characters', () => {
		expect(quoteSafely('x'.repeat(100))).toBe(`"${'x'.repeat(32)}..."`);
		expect(quoteSafely('a\u200Bb\u202Ec\u0000')).toBe('"a\\u200bb\\u202ec\\u0000"');
		expect(quoteSafely('\uD800')).toBe('"\\ud800"');
		expect(quoteSafely(140)).toBe('140');
		expect(quoteSafely(Number.NaN)).toBe('NaN');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(quoteSafely(cyclic)).toBe('[object Object]');
	});
});

describe('custom model text that a link cannot carry', () => {
	it('drops half of a character (a lone surrogate) from a name, with a correction, so the link round-trips', () => {
		const model = {
			id: 'custom-1',
			name: 'Bad \uD800 name',
			family: 'custom',
			status: 'active',
			contextWindow: 1_000_000,
			inputPerMTok: 1,
			cacheWrite5mPerMTok: 1,
			cacheWrite1hPerMTok: 1,
			cacheReadPerMTok: 1,
			outputPerMTok: 1,
			minCacheTokens: 0,
			usOnlyInference: false,
			tokenizer: '2026'
		};
		const repaired = repairScenario({ customModels: [model] });
		expect(repaired.corrections).toEqual(['Custom model 1 name: removed half of a character that cannot be written']);
		expect(repaired.scenario.customModels[0]?.name).toBe('Bad  name');
	});
});
