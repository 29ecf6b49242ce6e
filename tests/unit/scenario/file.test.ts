// Download scenario / Open scenario…: the JSON file format, version 1.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '$lib/scenario/defaults';
import { MAX_SCENARIO_FILE_CHARACTERS, scenarioFromJson, scenarioToJson } from '$lib/scenario/file';
import type { Scenario } from '$lib/scenario/schema';

const edited: Scenario = {
	...defaultScenario(),
	priceSheet: 'guide-2026-03',
	mixPercent: { 'sonnet-4-6': 100 / 3, 'haiku-4-5': 200 / 3 },
	cacheTtl: '1h',
	prices: { 'opus-4-6': { inputPerMTok: 4.5 }, 'haiku-4-5': {} }
};

describe('scenarioToJson', () => {
	it('writes every field in the documented order, tab-indented, version 1, with a final newline', () => {
		const text = scenarioToJson(defaultScenario());
		expect(text.startsWith('{\n\t"version": 1,\n\t"priceSheet": "anthropic-2026-03",\n')).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
		expect(Object.keys(JSON.parse(text) as object)).toEqual([
			'version',
			'priceSheet',
			'requestsPerMonth',
			'inputTokens',
			'cachedPrefixTokens',
			'outputTokens',
			'baselineModel',
			'mixPercent',
			'cacheHitPercent',
			'cacheTtl',
			'batchPercent',
			'inputTrimPercent',
			'outputTrimPercent',
			'prices',
			'customModels',
			'usOnlyInference',
			'adjustForTokenizer',
			'tokensCountedOn',
			'webSearchesPerRequest'
		]);
	});

	it('does not mutate the scenario', () => {
		const copy = structuredClone(edited);
		scenarioToJson(edited);
		expect(edited).toStrictEqual(copy);
	});
});

describe('scenarioFromJson', () => {
	it('reads back what scenarioToJson wrote, exactly, without corrections', () => {
		expect(scenarioFromJson(scenarioToJson(edited))).toStrictEqual({ scenario: edited, corrections: [] });
		expect(scenarioFromJson(scenarioToJson(defaultScenario()))).toStrictEqual({ scenario: defaultScenario(), corrections: [] });
	});

	it('accepts a byte-order mark and a partial scenario', () => {
		expect(scenarioFromJson('\uFEFF{"cacheHitPercent": 90}')).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 90 },
			corrections: []
		});
	});

	it('repairs what it can, saying so', () => {
		const result = scenarioFromJson('{"cacheHitPercent": 140, "cacheTtl": "2h"}');
		expect(result).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 100 },
			corrections: ['Cache hit ratio 140 was above 100; used 100', 'Cache TTL "2h" is not 5m or 1h; used 5m']
		});
	});

	it.each([
		['not JSON', '{"cacheHitPercent": ', /not valid JSON/],
		['empty', '', /not valid JSON/],
		['a list', '[1, 2]', /holds a list, not a scenario object/],
		['null', 'null', /holds null, not a scenario object/],
		['a number', '42', /holds a number, not a scenario object/],
		['a string', '"<script>alert(1)</script>"', /holds a string, not a scenario object/],
		['too large', `{"x": "${'a'.repeat(MAX_SCENARIO_FILE_CHARACTERS)}"}`, /too large/]
	])('%s gives an error in plain words', (_name, text, message) => {
		const result = scenarioFromJson(text);
		expect(result).toHaveProperty('error');
		expect((result as { error: string }).error).toMatch(message);
		expect((result as { error: string }).error).not.toContain('<script>');
	});

	it('does not let "__proto__" in a file pollute anything', () => {
		const result = scenarioFromJson('{"__proto__": {"polluted": true}, "mixPercent": {"__proto__": 100}}');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(result).toHaveProperty('scenario');
	});
});
