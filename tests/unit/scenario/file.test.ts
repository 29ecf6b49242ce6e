// Download scenario / Open scenario…: the JSON file format, version 1.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '$lib/scenario/defaults';
import { MAX_SCENARIO_FILE_CHARACTERS, SCENARIO_FILE_NAME, scenarioFromJson, scenarioToJson, scenarioV2FromJson } from '$lib/scenario/file';
import { MAX_CORRECTIONS } from '$lib/scenario/repair';
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
		['true', 'true', /holds a true\/false value, not a scenario object/],
		['false', ' false ', /holds a true\/false value, not a scenario object/],
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

	it('does not let "__proto__" in a file pollute the object it reads', () => {
		const result = scenarioFromJson('{"__proto__": {"cacheHitPercent": 50}, "batchPercent": 10}');
		expect(result).toStrictEqual({ scenario: { ...defaultScenario(), batchPercent: 10 }, corrections: [] });
	});
});

describe('scenarioFromJson: a key given twice', () => {
	it('keeps the first value, as links do, and says so', () => {
		expect(scenarioFromJson('{"cacheHitPercent": 1, "cacheHitPercent": 2}')).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 1 },
			corrections: ['Cache hit ratio: set 2 times in the file; used the first, 1']
		});
	});

	it('counts every repetition and quotes the first value as the file gave it', () => {
		const text = '{"cacheTtl": "1h", "batchPercent": 5, "cacheTtl": "5m", "cacheTtl": "2h", "requestsPerMonth": 7}';
		expect(scenarioFromJson(text)).toStrictEqual({
			scenario: { ...defaultScenario(), cacheTtl: '1h', batchPercent: 5, requestsPerMonth: 7 },
			corrections: ['Cache TTL: set 3 times in the file; used the first, "1h"']
		});
	});

	it('finds repeated keys inside the mix and the price overrides, in the order of the file', () => {
		const text = JSON.stringify({ x: 1 }).replace(
			'{"x":1}',
			'{"prices": {"opus-4-6": {"inputPerMTok": 4, "inputPerMTok": 9}}, "mixPercent": {"opus-4-6": 40, "haiku-4-5": 60, "opus-4-6": 10}, "batchPercent": 0, "batchPercent": 100}'
		);
		const result = scenarioFromJson(text);
		expect(result).toStrictEqual({
			scenario: {
				...defaultScenario(),
				prices: { 'opus-4-6': { inputPerMTok: 4 } },
				mixPercent: { 'opus-4-6': 40, 'haiku-4-5': 60 },
				batchPercent: 0
			},
			corrections: [
				'Price overrides "opus-4-6.inputPerMTok": set 2 times in the file; used the first, 4',
				'Model mix "opus-4-6": set 2 times in the file; used the first, 40',
				'Batch share: set 2 times in the file; used the first, 0'
			]
		});
	});

	it('names an unknown key by its path, with invisible characters escaped', () => {
		const result = scenarioFromJson('{"note\u202e": 1, "note\u202e": 2, "a": {"b": [{"c": 1, "c": 2}]}}');
		expect(result).toStrictEqual({
			scenario: defaultScenario(),
			corrections: [
				'"note\\u202e": set 2 times in the file; used the first, 1',
				'"a.b[0].c": set 2 times in the file; used the first, 1'
			]
		});
	});

	it('quotes an object that was given first', () => {
		const result = scenarioFromJson('{"mixPercent": {"haiku-4-5": 100}, "mixPercent": {"opus-4-6": 100}}');
		expect(result).toStrictEqual({
			scenario: { ...defaultScenario(), mixPercent: { 'haiku-4-5': 100 } },
			corrections: ['Model mix: set 2 times in the file; used the first, {"haiku-4-5":100}']
		});
	});

	it('puts the notices before the corrections and caps them together', () => {
		const result = scenarioFromJson('{"cacheHitPercent": 140, "cacheHitPercent": 2}');
		expect(result).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 100 },
			corrections: ['Cache hit ratio: set 2 times in the file; used the first, 140', 'Cache hit ratio 140 was above 100; used 100']
		});
		const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}": 1, "k${i}": 2`).join(', ')}}`;
		const capped = scenarioFromJson(many) as { corrections: string[] };
		expect(capped.corrections).toHaveLength(MAX_CORRECTIONS);
		expect(capped.corrections[0]).toBe('"k0": set 2 times in the file; used the first, 1');
		expect(capped.corrections.at(-1)).toBe(`...and ${40 - MAX_CORRECTIONS + 1} more corrections`);
	});

	it('reads values exactly as JSON.parse does when no key is repeated', () => {
		const text = '{"requestsPerMonth": 1e3, "inputTokens": 6000.0, "cacheHitPercent": 12.5e0, "cacheTtl": "\u0031h", "prices": {}, "x": [null, true, false, {"y": -0}]}';
		expect(scenarioFromJson(text)).toStrictEqual({
			scenario: { ...defaultScenario(), requestsPerMonth: 1000, inputTokens: 6000, cacheHitPercent: 12.5, cacheTtl: '1h' },
			corrections: []
		});
	});

	it('still refuses what JSON does not allow, which a lenient reader would take', () => {
		for (const text of ['{"a": 1,}', '{"a": 1 /* c */}', "{'a': 1}", '{"a": 01}', '{a: 1}']) {
			expect(scenarioFromJson(text)).toStrictEqual({
				error: 'This file is not valid JSON, so it is not a scenario. Open a file saved with "Download scenario".'
			});
		}
	});

	it('gives an error for nesting too deep to read, and never throws', () => {
		const deep = `{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
		expect(scenarioFromJson(deep)).toStrictEqual({
			error: 'This file nests its values too deeply to be a scenario. Open a file saved with "Download scenario".'
		});
	});

	it('reads a version-2 file the same way', () => {
		const result = scenarioV2FromJson('{"version": 2, "name": "First", "name": "Second"}');
		expect(result).toHaveProperty('scenario.name', 'First');
		expect((result as { corrections: string[] }).corrections[0]).toBe('"name": set 2 times in the file; used the first, "First"');
	});
});

describe('scenario files: edges', () => {
	it('suggests its download name', () => {
		expect(SCENARIO_FILE_NAME).toBe('claude-cost-levers-scenario.json');
	});

	it('refuses what is not text', () => {
		expect(scenarioFromJson(42 as unknown as string)).toStrictEqual({ error: 'This file could not be read as text.' });
		expect(scenarioV2FromJson(null as unknown as string)).toStrictEqual({ error: 'This file could not be read as text.' });
	});

	it('reads a file of exactly MAX_SCENARIO_FILE_CHARACTERS characters, not one more', () => {
		const padded = (length: number) => {
			const text = '{"cacheHitPercent": 90, "x": ""}';
			return text.replace('""', `"${'a'.repeat(length - text.length)}"`);
		};
		expect(padded(MAX_SCENARIO_FILE_CHARACTERS)).toHaveLength(MAX_SCENARIO_FILE_CHARACTERS);
		expect(scenarioFromJson(padded(MAX_SCENARIO_FILE_CHARACTERS))).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 90 },
			corrections: []
		});
		expect(scenarioFromJson(padded(MAX_SCENARIO_FILE_CHARACTERS + 1))).toStrictEqual({
			error: 'This file is too large to be a scenario (a scenario file is a few kilobytes).'
		});
	});

	it('drops a byte-order mark only at the start', () => {
		expect(scenarioFromJson('{"cacheTtl": "1h\uFEFF"}')).toStrictEqual({
			scenario: defaultScenario(),
			corrections: ['Cache TTL "1h\\ufeff" is not 5m or 1h; used 5m']
		});
	});
});
