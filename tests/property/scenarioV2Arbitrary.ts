// fast-check generators of valid version-2 scenarios (every one passes parseScenario and
// repairScenarioV2 unchanged): 1 to 12 workloads, random mixes over the sheet's models (and
// custom models), optional caching, batch, fast mode and trims, random lever orders, names
// and notes with the characters a link has to escape. Built on the version-1 generators, so
// token counts are biased towards the edges the cost model cares about.
import fc from 'fast-check';
import type { ModelPrice, PriceSheet } from '$lib/pricing/schema';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import { firstDefaultModel, neutralWorkload } from '$lib/scenario/defaults';
import { CONVERSATION_FIELDS, MAX_WORKLOADS, TEXT_LIMITS } from '$lib/scenario/fields';
import {
	PLAN_LEVERS,
	type ConversationCaching,
	type ConversationSettings,
	type ConversationWorkload,
	type PlanLever,
	type RequestCaching,
	type RequestSettings,
	type RequestWorkload,
	type ScenarioV2,
	type Traffic,
	type Workload
} from '$lib/scenario/types';
import { customModelsArb, mixArb, percentArb, prefixArb, pricesArb, requestsArb, tokenCountArb } from './scenarioArbitrary';

/**
 * Characters repairScenarioV2 removes from text (typed from its rules: C0 and C1 controls,
 * the Arabic letter mark, LRM/RLM, the bidi embeddings and isolates), newline, carriage
 * return and tab allowed in notes only, and unpaired UTF-16 surrogates, which no link can
 * carry.
 */
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const UNSAFE_IN_NOTES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a link has to escape: spaces, `&`, `=`, `+`, `%`, `#`, `,`, `:`, quotes, non-Latin scripts, emoji. */
const AWKWARD_TEXT = ['Acme support', 'a&b=c+d', '100% off, #1: "best"', 'Ünïcode ✓ 東京 🚀', ' padded ', 'w1.n=x', '?v=4&w=12', '%20%zz'];

function textArb(max: number, unsafe: RegExp, extra: readonly string[] = []): fc.Arbitrary<string> {
	return fc
		.oneof(
			{ weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT, ...extra) },
			{ weight: 2, arbitrary: fc.string({ maxLength: max }) },
			{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: Math.min(max, 40) }) },
			{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(max, 40) }) }
		)
		.filter((t) => t.length <= max && !unsafe.test(t) && !LONE_SURROGATE.test(t));
}

/** A scenario name: mostly empty (the default), else text up to 80 characters. */
export const scenarioNameArb: fc.Arbitrary<string> = fc.oneof(
	{ weight: 2, arbitrary: fc.constant('') },
	{ weight: 3, arbitrary: textArb(TEXT_LIMITS.name, UNSAFE_IN_NAME) }
);

/** Notes: mostly empty; else text with newlines and tabs, sometimes long (a link value of more than 1,000 characters). */
export const notesArb: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constant('') },
	{ weight: 3, arbitrary: textArb(TEXT_LIMITS.notes, UNSAFE_IN_NOTES, ['first line\nsecond line\r\n\tindented']) },
	{ weight: 1, arbitrary: fc.constantFrom(1001, 1500, TEXT_LIMITS.notes).map((n) => 'n\u00E9 '.repeat(n).slice(0, n)) }
);

/** A workload name: the default one (`Workload <n>`, never written to a link), another workload's, or any non-empty text up to 60 characters. */
function workloadNameArb(index: number): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant(`Workload ${index + 1}`) },
		{ weight: 1, arbitrary: fc.constant(`Workload ${index + 2}`) },
		{ weight: 3, arbitrary: textArb(TEXT_LIMITS.workloadName, UNSAFE_IN_NAME, ['Support triage']).filter((t) => t.trim().length > 0) }
	);
}

export const leverOrderArb: fc.Arbitrary<PlanLever[]> = fc.oneof(
	{ weight: 1, arbitrary: fc.constant<PlanLever[]>([...PLAN_LEVERS]) },
	{ weight: 3, arbitrary: fc.shuffledSubarray([...PLAN_LEVERS], { minLength: PLAN_LEVERS.length, maxLength: PLAN_LEVERS.length }) }
);

const ttlArb = fc.constantFrom('5m' as const, '1h' as const);

export const trafficArb: fc.Arbitrary<Traffic | null> = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(null) },
	{
		weight: 1,
		arbitrary: fc.record(
			{
				distinctPrefixes: fc.oneof(fc.constantFrom(1, 2, 1_000_000), fc.integer({ min: 1, max: 1_000_000 })),
				activeHoursPerDay: fc.oneof(fc.constantFrom(1, 8, 24), fc.double({ min: 1, max: 24, noNaN: true })),
				activeDaysPerMonth: fc.oneof(fc.constantFrom(1, 22, 30, 31), fc.double({ min: 1, max: 31, noNaN: true }))
			},
			{ noNullPrototype: true }
		)
	}
);

const requestCachingArb: fc.Arbitrary<RequestCaching | null> = fc.option(
	fc.record({ ttl: ttlArb, hitPercent: percentArb }, { noNullPrototype: true }),
	{ nil: null }
);
const conversationCachingArb: fc.Arbitrary<ConversationCaching | null> = fc.option(
	fc.record({ ttl: ttlArb, systemHitPercent: percentArb }, { noNullPrototype: true }),
	{ nil: null }
);

/** Today's value again (a copy: the scenario never shares objects), or a new one. */
function sameOr<T>(today: T, arb: fc.Arbitrary<T>): fc.Arbitrary<T> {
	return fc.oneof(fc.constant(null).map(() => structuredClone(today)), arb);
}

/** Trims: mostly none. */
const trimArb = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: percentArb });

const searchesArb = fc.oneof(fc.constant(0), fc.constantFrom(0.5, 1, 3), fc.double({ min: 0, max: 1000, noNaN: true }));

export interface ScenarioV2ArbOptions {
	/** Workloads per scenario (default 1 to MAX_WORKLOADS). */
	minWorkloads?: number;
	maxWorkloads?: number;
	/** Also generate conversation workloads (default false: the engine does not price them yet). */
	conversations?: boolean;
	/** Generate price overrides and custom models (default true). */
	overrides?: boolean;
	/** Generate names and notes (default true; false: every text at its default). */
	text?: boolean;
}

export function requestWorkloadArb(index: number, ids: readonly string[], text = true): fc.Arbitrary<RequestWorkload> {
	const todayArb: fc.Arbitrary<RequestSettings> = fc.record(
		{ mixPercent: mixArb(ids), caching: requestCachingArb, batchPercent: percentArb, fastMode: fc.boolean() },
		{ noNullPrototype: true }
	);
	return fc
		.record({
			name: text ? workloadNameArb(index) : fc.constant(`Workload ${index + 1}`),
			shape: tokenCountArb.chain((input) => prefixArb(input).map((prefix) => ({ input, prefix }))),
			requestsPerMonth: requestsArb,
			outputTokens: tokenCountArb,
			webSearchesPerRequest: searchesArb,
			tokensCountedOn: fc.constantFrom('legacy' as const, '2026' as const),
			traffic: trafficArb,
			today: todayArb
		})
		.chain(({ shape, today, ...rest }) =>
			fc
				.record({
					mixPercent: sameOr(today.mixPercent, mixArb(ids)),
					caching: sameOr(today.caching, requestCachingArb),
					batchPercent: sameOr(today.batchPercent, percentArb),
					fastMode: sameOr(today.fastMode, fc.boolean()),
					inputTrimPercent: trimArb,
					outputTrimPercent: trimArb
				}, { noNullPrototype: true })
				.map(
					(planned): RequestWorkload => ({
						name: rest.name,
						kind: 'requests',
						requestsPerMonth: rest.requestsPerMonth,
						inputTokens: shape.input,
						cachedPrefixTokens: shape.prefix,
						outputTokens: rest.outputTokens,
						webSearchesPerRequest: rest.webSearchesPerRequest,
						tokensCountedOn: rest.tokensCountedOn,
						traffic: rest.traffic,
						today,
						planned
					})
				)
		);
}

const field = (key: string) => CONVERSATION_FIELDS.find((f) => f.key === key)!;

export function conversationWorkloadArb(index: number, ids: readonly string[], text = true): fc.Arbitrary<ConversationWorkload> {
	const todayArb: fc.Arbitrary<ConversationSettings> = fc.record(
		{ mixPercent: mixArb(ids), caching: conversationCachingArb, fastMode: fc.boolean() },
		{ noNullPrototype: true }
	);
	const turns = field('turnsPerConversation');
	const gap = field('secondsBetweenTurns');
	return fc
		.record({
			name: text ? workloadNameArb(index) : fc.constant(`Workload ${index + 1}`),
			conversationsPerMonth: requestsArb,
			turnsPerConversation: fc.oneof(fc.constantFrom(turns.min, 10, turns.max), fc.integer({ min: turns.min, max: turns.max })),
			systemTokens: tokenCountArb,
			inputTokensPerTurn: tokenCountArb,
			outputTokensPerTurn: tokenCountArb,
			secondsBetweenTurns: fc.oneof(fc.constantFrom(0, 30, gap.max), fc.double({ min: 0, max: gap.max, noNaN: true })),
			webSearchesPerTurn: searchesArb,
			tokensCountedOn: fc.constantFrom('legacy' as const, '2026' as const),
			traffic: trafficArb,
			today: todayArb
		})
		.chain(({ today, ...rest }) =>
			fc
				.record({
					mixPercent: sameOr(today.mixPercent, mixArb(ids)),
					caching: sameOr(today.caching, conversationCachingArb),
					fastMode: sameOr(today.fastMode, fc.boolean()),
					inputTrimPercent: trimArb,
					outputTrimPercent: trimArb
				}, { noNullPrototype: true })
				.map((planned): ConversationWorkload => ({ ...rest, kind: 'conversations', today, planned }))
		);
}

/** A valid version-2 scenario on one of the shipped sheets, every field present. */
export function scenarioV2Arb({
	minWorkloads = 1,
	maxWorkloads = MAX_WORKLOADS,
	conversations = false,
	overrides = true,
	text = true
}: ScenarioV2ArbOptions = {}): fc.Arbitrary<ScenarioV2> {
	return fc
		.tuple(fc.constantFrom(...PRICE_SHEETS), overrides ? (customModelsArb as fc.Arbitrary<ModelPrice[]>) : fc.constant<ModelPrice[]>([]))
		.chain(([sheet, customModels]: [PriceSheet, ModelPrice[]]) => {
			const models = [...sheet.models, ...customModels];
			const ids = models.map((m) => m.id);
			// Now and then a new, neutral workload: a link writes no key for it (only the count `w`).
			const neutral = fc.constant(null).map(() => neutralWorkload('Workload 1', firstDefaultModel(sheet)));
			const workloadArb = (i: number): fc.Arbitrary<Workload> =>
				fc.oneof(
					{ weight: 6, arbitrary: requestWorkloadArb(i, ids, text) as fc.Arbitrary<Workload> },
					...(conversations ? [{ weight: 2, arbitrary: conversationWorkloadArb(i, ids, text) as fc.Arbitrary<Workload> }] : []),
					{ weight: 1, arbitrary: neutral.map((w): Workload => ({ ...w, name: `Workload ${i + 1}` })) }
				);
			return fc
				.integer({ min: minWorkloads, max: maxWorkloads })
				.chain((n) =>
					fc.record({
						name: text ? scenarioNameArb : fc.constant(''),
						notes: text ? notesArb : fc.constant(''),
						prices: overrides ? pricesArb(models) : fc.constant({}),
						usOnlyInference: fc.boolean(),
						adjustForTokenizer: fc.boolean(),
						leverOrder: leverOrderArb,
						workloads: fc.tuple(...Array.from({ length: n }, (_, i) => workloadArb(i)))
					})
				)
				.map(
					(rest): ScenarioV2 => ({
						version: 2,
						name: rest.name,
						notes: rest.notes,
						priceSheet: sheet.id,
						prices: rest.prices,
						customModels,
						usOnlyInference: rest.usOnlyInference,
						adjustForTokenizer: rest.adjustForTokenizer,
						leverOrder: rest.leverOrder,
						workloads: rest.workloads
					})
				);
		});
}

/** The same scenario with every Planned setting equal to Today's and no trims: a plan that changes nothing. */
export function neutralised(s: ScenarioV2, shuffle: (ids: string[]) => string[] = (ids) => ids): ScenarioV2 {
	return {
		...s,
		workloads: s.workloads.map((w): Workload => {
			// The same mix, possibly listed in another order: still the same setting.
			const mixPercent = Object.fromEntries(shuffle(Object.keys(w.today.mixPercent)).map((id) => [id, w.today.mixPercent[id] as number]));
			return w.kind === 'requests'
				? { ...w, planned: { ...structuredClone(w.today), mixPercent, inputTrimPercent: 0, outputTrimPercent: 0 } }
				: { ...w, planned: { ...structuredClone(w.today), mixPercent, inputTrimPercent: 0, outputTrimPercent: 0 } };
		})
	};
}

/** Every number inside a value. */
export function numbersIn(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
	return [];
}
