import { parseTree, type Node } from 'jsonc-parser';
import { quoteSafely } from '../validation/quoteSafely';
import { CONVERSATION_FIELDS, REQUEST_FIELDS, TRAFFIC_FIELDS } from './fields';
import { FIELD_LABELS, capCorrections, repairScenario, type Repaired } from './repair';
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
	return 'error' in data ? data : withNotes(data.notes, repairScenario(data.value));
}

/** The notices about the file itself (keys given twice) before the repair's corrections. */
function withNotes<R extends { corrections: string[] }>(notes: readonly string[], repaired: R): R {
	return notes.length ? { ...repaired, corrections: capCorrections([...notes, ...repaired.corrections]) } : repaired;
}

/**
 * The JSON object in a file's text, or why there is none (not text, too large, not JSON, not
 * an object). A key given twice in one object keeps its first value, as in links (JSON.parse
 * would keep the last), with a notice: `"cacheHitPercent": 1, "cacheHitPercent": 2` -> 1 and
 * 'Cache hit ratio: set 2 times in the file; used the first, 1'.
 */
function readJsonObject(text: string): { value: Record<string, unknown>; notes: string[] } | { error: string } {
	if (typeof text !== 'string') return { error: 'This file could not be read as text.' };
	if (text.length > MAX_SCENARIO_FILE_CHARACTERS) {
		return { error: 'This file is too large to be a scenario (a scenario file is a few kilobytes).' };
	}
	const json = text.replace(/^\uFEFF/, '');
	let data: unknown;
	try {
		// Strict JSON decides what is valid; jsonc-parser (lenient) only reads it again.
		data = JSON.parse(json);
	} catch {
		return { error: 'This file is not valid JSON, so it is not a scenario. Open a file saved with "Download scenario".' };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { error: `This file holds ${describeJson(data)}, not a scenario object. Open a file saved with "Download scenario".` };
	}
	const duplicates: { offset: number; note: string }[] = [];
	let value: unknown;
	try {
		value = firstWins(parseTree(json, [], { disallowComments: true, allowTrailingComma: false }) as Node, [], duplicates);
	} catch {
		// Only a nesting deep enough to exhaust the stack gets here; a scenario is a few levels deep.
		return { error: 'This file nests its values too deeply to be a scenario. Open a file saved with "Download scenario".' };
	}
	duplicates.sort((a, b) => a.offset - b.offset);
	return { value: value as Record<string, unknown>, notes: duplicates.map((d) => d.note) };
}

/**
 * The value of a parsed JSON node, every object keeping the first value of a key given more
 * than once (one notice per such key, at the offset of its first occurrence). Keys become own
 * properties, as JSON.parse makes them: "__proto__" stays plain data.
 */
function firstWins(node: Node, path: readonly (string | number)[], duplicates: { offset: number; note: string }[]): unknown {
	// jsonc-parser gives arrays and objects their children, and each property its key node.
	if (node.type === 'array') return (node.children as Node[]).map((child, i) => firstWins(child, [...path, i], duplicates));
	if (node.type !== 'object') return node.value as unknown;
	const out: Record<string, unknown> = {};
	const seen = new Map<string, { offset: number; count: number }>();
	for (const property of node.children as Node[]) {
		const [keyNode, valueNode] = property.children as Node[];
		const key = String((keyNode as Node).value);
		const first = seen.get(key);
		if (first) {
			first.count += 1;
			continue;
		}
		seen.set(key, { offset: property.offset, count: 1 });
		const v = valueNode ? firstWins(valueNode, [...path, key], duplicates) : null;
		Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
	}
	for (const [key, { offset, count }] of seen) {
		if (count > 1) {
			duplicates.push({ offset, note: `${duplicateLabel([...path, key])}: set ${count} times in the file; used the first, ${quoteSafely(out[key])}` });
		}
	}
	return out;
}

/** A field's name on the page for a top-level key ("Cache hit ratio"), else its quoted path ("Model mix "opus-4-6""). */
function duplicateLabel(path: readonly (string | number)[]): string {
	const [top, ...rest] = path;
	const inner = rest.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
	if (typeof top === 'string' && Object.hasOwn(FIELD_LABELS, top)) {
		const label = FIELD_LABELS[top as keyof typeof FIELD_LABELS];
		return rest.length ? `${label} ${quoteSafely(inner)}` : label;
	}
	return quoteSafely(`${String(top)}${inner.startsWith('[') || !inner ? inner : `.${inner}`}`);
}

function describeJson(data: unknown): string {
	if (data === null) return 'null';
	if (Array.isArray(data)) return 'a list';
	if (typeof data === 'string') return 'a string';
	if (typeof data === 'number') return 'a number';
	// What is left of JSON's values (an object is read as a scenario, never described).
	return 'a true/false value';
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
		const traffic = w.traffic;
		return {
			name: w.name,
			kind: w.kind,
			...Object.fromEntries(numbers.map((f) => [f.key, (w as unknown as Record<string, number>)[f.key]])),
			tokensCountedOn: w.tokensCountedOn,
			traffic: traffic && Object.fromEntries(TRAFFIC_FIELDS.map((f) => [f.key, traffic[f.key]])),
			today: settings(w, w.today),
			planned: { ...settings(w, w.planned), inputTrimPercent: w.planned.inputTrimPercent, outputTrimPercent: w.planned.outputTrimPercent },
			// Added later, so last; only a workload with its own growth has it.
			...(typeof w.growthPercent === 'number' ? { growthPercent: w.growthPercent } : {})
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
		workloads: s.workloads.map(workload),
		// Added later, so last; only when it differs from the defaults (the start month only when picked).
		...(s.forecast
			? {
					// JSON leaves out a start month that is undefined (not picked).
					forecast: {
						startMonth: s.forecast.startMonth,
						horizonMonths: s.forecast.horizonMonths,
						growthPercent: s.forecast.growthPercent
					}
				}
			: {})
	};
	return `${JSON.stringify(ordered, null, '\t')}\n`;
}

/**
 * Reads a scenario file of version 1 or 2 as version 2, repaired like a link, or an error
 * saying why the file is not a scenario at all. Never throws.
 */
export function scenarioV2FromJson(text: string): RepairedV2 | { error: string } {
	const data = readJsonObject(text);
	return 'error' in data ? data : withNotes(data.notes, repairScenarioV2(data.value));
}
