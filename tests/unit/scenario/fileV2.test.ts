// Download scenario / Open scenario…, version 2 (src/lib/scenario/file.ts): the file's field
// order, reading it back, and version-1 files opened as version 2 with their figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, computeStack } from '$lib/engine';
import { defaultScenario, emptyScenarioV2, exampleScenarioV2 } from '$lib/scenario/defaults';
import { MAX_SCENARIO_FILE_CHARACTERS, scenarioToJson, scenarioV2FromJson, scenarioV2ToJson } from '$lib/scenario/file';
import { fromV1 } from '$lib/scenario/fromV1';
import type { ConversationWorkload, RequestWorkload, Scenario, ScenarioV2 } from '$lib/scenario/types';
import { scenarioV2Arb } from '../../property/scenarioV2Arbitrary';

const SCENARIO_KEYS = ['version', 'name', 'notes', 'priceSheet', 'prices', 'customModels', 'usOnlyInference', 'adjustForTokenizer', 'leverOrder', 'workloads'];
const REQUEST_KEYS = ['name', 'kind', 'requestsPerMonth', 'inputTokens', 'cachedPrefixTokens', 'outputTokens', 'webSearchesPerRequest', 'tokensCountedOn', 'traffic', 'today', 'planned'];
const CONVERSATION_KEYS = [
	'name',
	'kind',
	'conversationsPerMonth',
	'turnsPerConversation',
	'systemTokens',
	'inputTokensPerTurn',
	'outputTokensPerTurn',
	'secondsBetweenTurns',
	'webSearchesPerTurn',
	'tokensCountedOn',
	'traffic',
	'today',
	'planned'
];
const TRAFFIC_KEYS = ['distinctPrefixes', 'activeHoursPerDay', 'activeDaysPerMonth'];

/** Two workloads whose objects were built with their keys in scrambled order (as a UI might spread them). */
function scrambled(): ScenarioV2 {
	const requests = {
		planned: { outputTrimPercent: 20, fastMode: false, inputTrimPercent: 10, caching: { hitPercent: 90, ttl: '1h' }, batchPercent: 40, mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 } },
		today: { fastMode: true, batchPercent: 10, caching: { hitPercent: 50, ttl: '5m' }, mixPercent: { 'sonnet-4-6': 100 } },
		traffic: { activeDaysPerMonth: 22, activeHoursPerDay: 10, distinctPrefixes: 5 },
		tokensCountedOn: 'legacy',
		webSearchesPerRequest: 0.5,
		outputTokens: 800,
		cachedPrefixTokens: 12_000,
		inputTokens: 13_500,
		requestsPerMonth: 300_000,
		kind: 'requests',
		name: 'Support triage'
	} as RequestWorkload;
	const conversations = {
		planned: { outputTrimPercent: 0, inputTrimPercent: 0, fastMode: false, caching: { systemHitPercent: 90, ttl: '5m' }, mixPercent: { 'sonnet-4-6': 100 } },
		today: { fastMode: false, caching: null, mixPercent: { 'sonnet-4-6': 100 } },
		traffic: null,
		tokensCountedOn: 'legacy',
		webSearchesPerTurn: 0,
		secondsBetweenTurns: 30,
		outputTokensPerTurn: 400,
		inputTokensPerTurn: 800,
		systemTokens: 5000,
		turnsPerConversation: 20,
		conversationsPerMonth: 10_000,
		kind: 'conversations',
		name: 'Coding agent'
	} as ConversationWorkload;
	return {
		workloads: [requests, conversations],
		leverOrder: ['batch', 'caching', 'routing', 'fast', 'trimming'],
		adjustForTokenizer: true,
		usOnlyInference: false,
		customModels: [],
		prices: { 'sonnet-5-5': { outputPerMTok: 9, inputPerMTok: 1.8 } },
		priceSheet: 'anthropic-2026-11',
		notes: 'Two lines\nof notes',
		name: 'Acme support',
		version: 2
	};
}

describe('scenarioV2ToJson', () => {
	it('writes a workload growth only when it is a number, and the forecast start month only when picked', () => {
		const base = emptyScenarioV2();
		const s: ScenarioV2 = {
			...base,
			workloads: [{ ...base.workloads[0]!, growthPercent: null }, { ...base.workloads[0]!, name: 'B', growthPercent: 3 }],
			forecast: { startMonth: '2027-01', horizonMonths: 12, growthPercent: 2 }
		};
		const file = JSON.parse(scenarioV2ToJson(s)) as { workloads: Record<string, unknown>[]; forecast: Record<string, unknown> };
		expect('growthPercent' in file.workloads[0]!).toBe(false);
		expect(file.workloads[1]!.growthPercent).toBe(3);
		expect(Object.entries(file.forecast)).toEqual([['startMonth', '2027-01'], ['horizonMonths', 12], ['growthPercent', 2]]);
		const unpicked = JSON.parse(scenarioV2ToJson({ ...s, forecast: { horizonMonths: 12, growthPercent: 2 } })) as { forecast: Record<string, unknown> };
		expect(Object.keys(unpicked.forecast)).toEqual(['horizonMonths', 'growthPercent']);
	});

	it('writes tab-indented JSON, version 2 first, ending with a newline', () => {
		const text = scenarioV2ToJson(emptyScenarioV2());
		expect(text.startsWith('{\n\t"version": 2,\n\t"name": "",\n\t"notes": "",\n\t"priceSheet": "anthropic-2026-11",\n')).toBe(true);
		expect(text.endsWith('\n\t]\n}\n')).toBe(true);
	});

	it('writes every level in the documented order, whatever order the objects were built in', () => {
		const file = JSON.parse(scenarioV2ToJson(scrambled())) as Record<string, unknown> & { workloads: Record<string, Record<string, Record<string, unknown>>>[] };
		expect(Object.keys(file)).toEqual(SCENARIO_KEYS);
		const [requests, conversations] = file.workloads;
		expect(Object.keys(requests!)).toEqual(REQUEST_KEYS);
		expect(Object.keys(conversations!)).toEqual(CONVERSATION_KEYS);
		expect(Object.keys(requests!.traffic!)).toEqual(TRAFFIC_KEYS);
		expect(Object.keys(requests!.today!)).toEqual(['mixPercent', 'caching', 'batchPercent', 'fastMode']);
		expect(Object.keys(requests!.planned!)).toEqual(['mixPercent', 'caching', 'batchPercent', 'fastMode', 'inputTrimPercent', 'outputTrimPercent']);
		expect(Object.keys(requests!.today!.caching as object)).toEqual(['ttl', 'hitPercent']);
		expect(Object.keys(conversations!.today!)).toEqual(['mixPercent', 'caching', 'fastMode']);
		expect(Object.keys(conversations!.planned!)).toEqual(['mixPercent', 'caching', 'fastMode', 'inputTrimPercent', 'outputTrimPercent']);
		expect(Object.keys(conversations!.planned!.caching as object)).toEqual(['ttl', 'systemHitPercent']);
		// A mix and a price override keep their own order: it is the user's.
		expect(Object.keys(requests!.planned!.mixPercent as object)).toEqual(['sonnet-5-5', 'haiku-5-5']);
	});

	it('writes the first-visit example exactly', () => {
		const w = '\n\t\t\t';
		expect(scenarioV2ToJson(exampleScenarioV2())).toBe(
			'{\n\t"version": 2,\n\t"name": "Example: support triage",\n\t"notes": "",\n\t"priceSheet": "anthropic-2026-11",\n\t"prices": {},\n\t"customModels": [],' +
				'\n\t"usOnlyInference": false,\n\t"adjustForTokenizer": true,\n\t"leverOrder": [\n\t\t"routing",\n\t\t"caching",\n\t\t"batch",\n\t\t"fast",\n\t\t"trimming"\n\t],' +
				`\n\t"workloads": [\n\t\t{${w}"name": "Support triage",${w}"kind": "requests",${w}"requestsPerMonth": 300000,${w}"inputTokens": 13500,${w}"cachedPrefixTokens": 12000,` +
				`${w}"outputTokens": 800,${w}"webSearchesPerRequest": 0,${w}"tokensCountedOn": "legacy",${w}"traffic": null,` +
				`${w}"today": {${w}\t"mixPercent": {${w}\t\t"sonnet-4-6": 100${w}\t},${w}\t"caching": null,${w}\t"batchPercent": 0,${w}\t"fastMode": false${w}},` +
				`${w}"planned": {${w}\t"mixPercent": {${w}\t\t"sonnet-4-6": 100${w}\t},${w}\t"caching": {${w}\t\t"ttl": "5m",${w}\t\t"hitPercent": 90${w}\t},${w}\t"batchPercent": 40,${w}\t"fastMode": false,${w}\t"inputTrimPercent": 0,${w}\t"outputTrimPercent": 0${w}}` +
				'\n\t\t}\n\t]\n}\n'
		);
	});

	it('does not mutate the scenario', () => {
		const s = scrambled();
		const copy = structuredClone(s);
		scenarioV2ToJson(s);
		expect(s).toStrictEqual(copy);
	});
});

describe('scenarioV2FromJson', () => {
	it('reads back what scenarioV2ToJson wrote, identically, without corrections', () => {
		for (const s of [emptyScenarioV2(), exampleScenarioV2(), scrambled()]) {
			expect(scenarioV2FromJson(scenarioV2ToJson(s))).toStrictEqual({ scenario: s, corrections: [] });
		}
	});

	it('reads back any valid scenario identically (generated: 1 to 12 workloads of both kinds, overrides, custom models)', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const text = scenarioV2ToJson(s);
				expect(scenarioV2FromJson(text)).toStrictEqual({ scenario: s, corrections: [] });
				// What it reads writes back the same text (custom models: in the order the sheet schema lists their fields).
				const again = scenarioV2ToJson((scenarioV2FromJson(text) as { scenario: ScenarioV2 }).scenario);
				expect(scenarioV2ToJson((scenarioV2FromJson(again) as { scenario: ScenarioV2 }).scenario)).toBe(again);
				if (s.customModels.length === 0) expect(again).toBe(text);
			}),
			{ numRuns: 200 }
		);
	}, 60_000);

	it('accepts a byte-order mark and a partial scenario', () => {
		expect(scenarioV2FromJson('\uFEFF{"version": 2, "workloads": [{"requestsPerMonth": 5}]}')).toStrictEqual({
			scenario: { ...emptyScenarioV2(), workloads: [{ ...emptyScenarioV2().workloads[0]!, requestsPerMonth: 5 }] },
			corrections: []
		});
	});

	it('repairs what it can and says so', () => {
		const repaired = scenarioV2FromJson('{"version": 2, "workloads": [{"today": {"caching": {"ttl": "5m", "hitPercent": 140}}}]}');
		expect(repaired).toStrictEqual({
			scenario: {
				...emptyScenarioV2(),
				workloads: [
					{
						...emptyScenarioV2().workloads[0]!,
						today: { mixPercent: { 'opus-5-5': 100 }, caching: { ttl: '5m', hitPercent: 100 }, batchPercent: 0, fastMode: false },
						planned: { mixPercent: { 'opus-5-5': 100 }, caching: { ttl: '5m', hitPercent: 100 }, batchPercent: 0, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 }
					}
				]
			},
			corrections: ['Workload 1: Caching today: hit ratio 140 was above 100; used 100']
		});
	});

	it.each([
		['not JSON', '{"version": 2,', 'This file is not valid JSON, so it is not a scenario. Open a file saved with "Download scenario".'],
		['a list', '[{"version": 2}]', 'This file holds a list, not a scenario object. Open a file saved with "Download scenario".'],
		['null', 'null', 'This file holds null, not a scenario object. Open a file saved with "Download scenario".'],
		['a string', '"v=4"', 'This file holds a string, not a scenario object. Open a file saved with "Download scenario".'],
		['too large', `{"notes": "${'x'.repeat(MAX_SCENARIO_FILE_CHARACTERS)}"}`, 'This file is too large to be a scenario (a scenario file is a few kilobytes).']
	])('refuses %s', (_name, text, error) => {
		expect(scenarioV2FromJson(text)).toStrictEqual({ error });
	});

	it('refuses what is not text, without throwing', () => {
		expect(scenarioV2FromJson(42 as unknown as string)).toStrictEqual({ error: 'This file could not be read as text.' });
	});

	it('refuses a number and true/false, saying which', () => {
		expect(scenarioV2FromJson('42')).toStrictEqual({ error: 'This file holds a number, not a scenario object. Open a file saved with "Download scenario".' });
		expect(scenarioV2FromJson('true')).toStrictEqual({ error: 'This file holds a true/false value, not a scenario object. Open a file saved with "Download scenario".' });
	});

	it('names a key given twice inside a workload by its path, and keeps the first value', () => {
		const opened = scenarioV2FromJson('{"version": 2, "workloads": [{"name": "A", "name": "B", "today": {"batchPercent": 10, "batchPercent": 20}}]}');
		expect(opened).toMatchObject({
			corrections: ['"workloads[0].name": set 2 times in the file; used the first, "A"', '"workloads[0].today.batchPercent": set 2 times in the file; used the first, 10']
		});
		expect((opened as { scenario: ScenarioV2 }).scenario.workloads[0]!.name).toBe('A');
	});
});

describe('version-1 files open as version 2 (docs/pricing-model.md §9)', () => {
	const edited: Scenario = {
		...defaultScenario(),
		priceSheet: 'guide-2026-03',
		requestsPerMonth: 250_000,
		inputTokens: 12_000,
		cachedPrefixTokens: 8000,
		outputTokens: 800,
		baselineModel: 'sonnet-4-6',
		mixPercent: { 'opus-4-6': 10, 'sonnet-4-6': 40, 'haiku-4-5': 50 },
		cacheHitPercent: 90,
		cacheTtl: '1h',
		batchPercent: 30,
		inputTrimPercent: 15,
		outputTrimPercent: 25,
		prices: { 'opus-4-6': { inputPerMTok: 4, outputPerMTok: 20 } }
	};

	it('reads a version-1 file as one request workload, without corrections', () => {
		const opened = scenarioV2FromJson(scenarioToJson(edited));
		expect(opened).toStrictEqual({ scenario: fromV1(edited), corrections: [] });
		const w = (opened as { scenario: ScenarioV2 }).scenario.workloads[0] as RequestWorkload;
		expect(w.today.mixPercent).toEqual({ 'sonnet-4-6': 100 });
		expect(w.planned).toEqual({ mixPercent: edited.mixPercent, caching: { ttl: '1h', hitPercent: 90 }, batchPercent: 30, fastMode: false, inputTrimPercent: 15, outputTrimPercent: 25 });
	});

	it('keeps its figures: the default version-1 file gives 4,250 / 1,445 / 875.50 / 656.625 / 559.0875', () => {
		const opened = scenarioV2FromJson(scenarioToJson(defaultScenario())) as { scenario: ScenarioV2 };
		expect(opened.scenario.priceSheet).toBe('anthropic-2026-03');
		const rows = computePlan(opened.scenario).rows.map((r) => r.monthlyCost);
		expect(rows).toEqual([4250, 1445, 875.5, 656.625, 656.625, 559.0875].map((x) => expect.closeTo(x, 9)));
	});

	it('keeps the figures of an edited file, row by row', () => {
		const opened = scenarioV2FromJson(scenarioToJson(edited)) as { scenario: ScenarioV2 };
		const plan = computePlan(opened.scenario).rows.filter((r) => r.key !== 'fast');
		const stack = computeStack(edited);
		expect(plan.map((r) => r.monthlyCost)).toEqual(stack.map((r) => expect.closeTo(r.monthlyCost, 9)));
	});

	it('a version-1 file without version or sheet is on the March sheet; its problems are version 1’s', () => {
		expect(scenarioV2FromJson('{"cacheHitPercent": 90}')).toStrictEqual({ scenario: fromV1({ ...defaultScenario(), cacheHitPercent: 90 }), corrections: [] });
		expect(scenarioV2FromJson('{"cacheHitPercent": 140}')).toStrictEqual({
			scenario: fromV1({ ...defaultScenario(), cacheHitPercent: 100 }),
			corrections: ['Cache hit ratio 140 was above 100; used 100']
		});
	});
});
