import { CONVERSATION_FIELDS, REQUEST_FIELDS, TRAFFIC_FIELDS } from './fields';
import { repairScenario, type Repaired } from './repair';
import { repairScenarioV2, type RepairedV2 } from './repairV2';
import type { Scenario, ScenarioV2, Workload } from './types';

/** A scenario file is a few hundred bytes; anything past this is not one. */
export const MAX_SCENARIO_FILE_CHARACTERS = 1_000_000;

/** The name `Download scenario` suggests. */
export const SCENARIO_FILE_NAME = 'claude-cost-levers-scenario.json';

/**
 * The whole scenario as pretty JSON (tab-indented, fields in the documented order,
 * version 1, ending with a newline): what `Download scenario` saves.
 * Example: scenarioToJson(defaultScenario()) starts with '{\n\t"version": 1,\n\t"priceSheet": "anthropic-2026-03",'.
 */
export function scenarioToJson(s: Scenario): string {
	const ordered: Scenario = {
		version: 1,
		priceSheet: s.priceSheet,
		requestsPerMonth: s.requestsPerMonth,
		inputTokens: s.inputTokens,
		cachedPrefixTokens: s.cachedPrefixTokens,
		outputTokens: s.outputTokens,
		baselineModel: s.baselineModel,
		mixPercent: s.mixPercent,
		cacheHitPercent: s.cacheHitPercent,
		cacheTtl: s.cacheTtl,
		batchPercent: s.batchPercent,
		inputTrimPercent: s.inputTrimPercent,
		outputTrimPercent: s.outputTrimPercent,
		prices: s.prices,
		customModels: s.customModels,
		usOnlyInference: s.usOnlyInference,
		adjustForTokenizer: s.adjustForTokenizer,
		tokensCountedOn: s.tokensCountedOn,
		webSearchesPerRequest: s.webSearchesPerRequest
	};
	return `${JSON.stringify(ordered, null, '\t')}\n`;
}

/**
 * Reads a scenario file (`Open scenario…`): the scenario, repaired like a link with the
 * corrections in plain words, or an error saying why the file is not a scenario at all
 * (not JSON, not an object, too large). Never throws.
 * Example: scenarioFromJson('{"cacheHitPercent": 140}') -> hit ratio 100 and
 * ['Cache hit ratio 140 was above 100; used 100'].
 */
export function scenarioFromJson(text: string): Repaired | { error: string } {
	const data = readJsonObject(text);
	return 'error' in data ? data : repairScenario(data.value);
}

/** The JSON object in a file's text, or why there is none (not text, too large, not JSON, not an object). */
function readJsonObject(text: string): { value: Record<string, unknown> } | { error: string } {
	if (typeof text !== 'string') return { error: 'This file could not be read as text.' };
	if (text.length > MAX_SCENARIO_FILE_CHARACTERS) {
		return { error: 'This file is too large to be a scenario (a scenario file is a few kilobytes).' };
	}
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { error: 'This file is not valid JSON, so it is not a scenario. Open a file saved with "Download scenario".' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { error: `This file holds ${describeJson(data)}, not a scenario object. Open a file saved with "Download scenario".` };
	}
	return { value: data as Record<string, unknown> };
}

function describeJson(data: unknown): string {
	if (data === null) return 'null';
	if (Array.isArray(data)) return 'a list';
	if (typeof data === 'string') return 'a string';
	if (typeof data === 'number') return 'a number';
	if (typeof data === 'boolean') return 'a true/false value';
	return 'a value';
}

/**
 * A version-2 scenario as pretty JSON in the documented order (docs/scenario.md, "Version
 * 2"): scenario-wide fields, then each workload with its numbers in the order of the field
 * tables, Today, then Planned. What `Download scenario` saves.
 */
export function scenarioV2ToJson(s: ScenarioV2): string {
	// Today and Planned in the documented order too, whatever order the object was built in.
	const settings = (w: Workload, c: Workload['today']) => ({
		mixPercent: c.mixPercent,
		caching: c.caching && ('hitPercent' in c.caching ? { ttl: c.caching.ttl, hitPercent: c.caching.hitPercent } : { ttl: c.caching.ttl, systemHitPercent: c.caching.systemHitPercent }),
		...(w.kind === 'requests' && 'batchPercent' in c ? { batchPercent: c.batchPercent } : {}),
		fastMode: c.fastMode
	});
	const workload = (w: Workload) => {
		const numbers = (w.kind === 'requests' ? REQUEST_FIELDS : CONVERSATION_FIELDS) as readonly { key: string }[];
		return {
			name: w.name,
			kind: w.kind,
			...Object.fromEntries(numbers.map((f) => [f.key, (w as unknown as Record<string, number>)[f.key]])),
			tokensCountedOn: w.tokensCountedOn,
			traffic: w.traffic && Object.fromEntries(TRAFFIC_FIELDS.map((f) => [f.key, w.traffic?.[f.key]])),
			today: settings(w, w.today),
			planned: { ...settings(w, w.planned), inputTrimPercent: w.planned.inputTrimPercent, outputTrimPercent: w.planned.outputTrimPercent }
		};
	};
	const ordered = {
		version: 2,
		name: s.name,
		notes: s.notes,
		priceSheet: s.priceSheet,
		prices: s.prices,
		customModels: s.customModels,
		usOnlyInference: s.usOnlyInference,
		adjustForTokenizer: s.adjustForTokenizer,
		leverOrder: s.leverOrder,
		workloads: s.workloads.map(workload)
	};
	return `${JSON.stringify(ordered, null, '\t')}\n`;
}

/**
 * Reads a scenario file of version 1 or 2 as version 2, repaired like a link, or an error
 * saying why the file is not a scenario at all. Never throws.
 */
export function scenarioV2FromJson(text: string): RepairedV2 | { error: string } {
	const data = readJsonObject(text);
	return 'error' in data ? data : repairScenarioV2(data.value);
}
