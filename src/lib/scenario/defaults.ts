import type { PriceSheet } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { CONVERSATION_FIELDS, REQUEST_FIELDS, type NumberField } from './fields';
import {
	PLAN_LEVERS,
	type ConversationSettings,
	type ConversationWorkload,
	type RequestSettings,
	type RequestWorkload,
	type Scenario,
	type ScenarioV2
} from './types';

/**
 * The defaults of version-1 links and files (URL format 1, docs/scenario.md). A public
 * contract: those links store only what differs from it, so changing a value here changes
 * what old links mean. Never change it. Fields added later take the value that reproduces
 * what version 1 computed (no custom models, no US-only inference, legacy token counts).
 */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
	version: 1,
	priceSheet: 'anthropic-2026-03',
	requestsPerMonth: 100_000,
	inputTokens: 6000,
	cachedPrefixTokens: 5000,
	outputTokens: 500,
	baselineModel: 'opus-4-6',
	mixPercent: Object.freeze({ 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 }),
	cacheHitPercent: 80,
	cacheTtl: '5m',
	batchPercent: 50,
	inputTrimPercent: 10,
	outputTrimPercent: 20,
	prices: Object.freeze({}),
	customModels: Object.freeze([]),
	usOnlyInference: false,
	adjustForTokenizer: true,
	tokensCountedOn: 'legacy',
	webSearchesPerRequest: 0
}) as unknown as Readonly<Scenario>;

/**
 * What a new visitor sees, and the defaults of links written since November 2026 (URL
 * format 3): the November 2026 sheet and its current lineup, token counts measured on the
 * current (2026) tokenizer. Frozen like DEFAULT_SCENARIO once published: a new default is a
 * new URL format.
 */
export const CURRENT_DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
	...DEFAULT_SCENARIO,
	priceSheet: 'anthropic-2026-11',
	baselineModel: 'opus-5-5',
	mixPercent: Object.freeze({ 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 }),
	tokensCountedOn: '2026'
}) as unknown as Readonly<Scenario>;

/** A deep copy of a set of defaults (the version-1 ones unless told), safe to mutate. */
export function defaultScenario(defaults: Readonly<Scenario> = DEFAULT_SCENARIO): Scenario {
	return structuredClone({
		...defaults,
		mixPercent: { ...defaults.mixPercent },
		prices: {},
		customModels: []
	});
}

/** The scenario a new visitor starts from (CURRENT_DEFAULT_SCENARIO), safe to mutate. */
export function currentDefaultScenario(): Scenario {
	return defaultScenario(CURRENT_DEFAULT_SCENARIO);
}

// ---------------------------------------------------------------------------------------
// Version 2

/** The sheet a version-2 scenario is on when it names none. */
export const V2_DEFAULT_SHEET = 'anthropic-2026-11';

/** The model a new workload starts on: the first model of the sheet's default mix (Opus 5.5 on the November sheet). */
export function firstDefaultModel(sheet: PriceSheet): string {
	return Object.keys(sheet.defaultMix)[0] as string;
}

/** A request workload whose Planned equals its Today: a plan that saves nothing until changed. */
export function neutralWorkload(name = 'Workload 1', modelId = firstDefaultModel(getSheet(V2_DEFAULT_SHEET))): RequestWorkload {
	const field = (key: (typeof REQUEST_FIELDS)[number]['key']) => (REQUEST_FIELDS.find((f) => f.key === key) as NumberField).default;
	const today: RequestSettings = { mixPercent: { [modelId]: 100 }, caching: null, batchPercent: 0, fastMode: false };
	return {
		name,
		kind: 'requests',
		requestsPerMonth: field('requestsPerMonth'),
		inputTokens: field('inputTokens'),
		cachedPrefixTokens: field('cachedPrefixTokens'),
		outputTokens: field('outputTokens'),
		webSearchesPerRequest: field('webSearchesPerRequest'),
		tokensCountedOn: '2026',
		traffic: null,
		today,
		planned: { ...structuredClone(today), inputTrimPercent: 0, outputTrimPercent: 0 }
	};
}

/** A conversation workload whose Planned equals its Today. */
export function neutralConversation(name = 'Workload 1', modelId = firstDefaultModel(getSheet(V2_DEFAULT_SHEET))): ConversationWorkload {
	const field = (key: (typeof CONVERSATION_FIELDS)[number]['key']) => (CONVERSATION_FIELDS.find((f) => f.key === key) as NumberField).default;
	const today: ConversationSettings = { mixPercent: { [modelId]: 100 }, caching: null, fastMode: false };
	return {
		name,
		kind: 'conversations',
		conversationsPerMonth: field('conversationsPerMonth'),
		turnsPerConversation: field('turnsPerConversation'),
		systemTokens: field('systemTokens'),
		inputTokensPerTurn: field('inputTokensPerTurn'),
		outputTokensPerTurn: field('outputTokensPerTurn'),
		secondsBetweenTurns: field('secondsBetweenTurns'),
		webSearchesPerTurn: field('webSearchesPerTurn'),
		tokensCountedOn: '2026',
		traffic: null,
		today,
		planned: { ...structuredClone(today), inputTrimPercent: 0, outputTrimPercent: 0 }
	};
}

/** What `Reset` opens: one neutral workload on the November sheet. */
export function emptyScenarioV2(): ScenarioV2 {
	return {
		version: 2,
		name: '',
		notes: '',
		priceSheet: V2_DEFAULT_SHEET,
		prices: {},
		customModels: [],
		usOnlyInference: false,
		adjustForTokenizer: true,
		leverOrder: [...PLAN_LEVERS],
		workloads: [neutralWorkload()]
	};
}

/**
 * What a first visit shows, labelled as an example (docs/pricing-model.md §11.5): a support
 * triage workload that runs on Sonnet 4.6 without caching today ($15,750 a month) and plans
 * 5-minute caching at 90 % and 40 % batch ($5,817.60).
 */
export function exampleScenarioV2(): ScenarioV2 {
	const today: RequestSettings = { mixPercent: { 'sonnet-4-6': 100 }, caching: null, batchPercent: 0, fastMode: false };
	return {
		...emptyScenarioV2(),
		name: 'Example: support triage',
		workloads: [
			{
				...neutralWorkload('Support triage'),
				requestsPerMonth: 300_000,
				inputTokens: 13_500,
				cachedPrefixTokens: 12_000,
				outputTokens: 800,
				tokensCountedOn: 'legacy',
				today,
				planned: {
					mixPercent: { 'sonnet-4-6': 100 },
					caching: { ttl: '5m', hitPercent: 90 },
					batchPercent: 40,
					fastMode: false,
					inputTrimPercent: 0,
					outputTrimPercent: 0
				}
			}
		]
	};
}
