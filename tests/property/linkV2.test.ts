// Invariants of link format 4 (version-2 scenarios in the query string): every valid
// scenario survives the round trip exactly and encodes canonically, and no query string,
// however hostile, makes decoding throw, pollute Object.prototype or yield a scenario that
// is not valid (one that repairScenarioV2 would change, or that does not round-trip itself).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import { CONVERSATION_FIELDS, MAX_WORKLOADS, REQUEST_FIELDS, TRAFFIC_FIELDS } from '$lib/scenario/fields';
import { LINK_FORMAT, decodeLink, encodeLink } from '$lib/scenario/linkV2';
import { parseScenario } from '$lib/scenario/parse';
import { repairScenarioV2 } from '$lib/scenario/repairV2';
import { PLAN_LEVERS, type ScenarioV2 } from '$lib/scenario/types';
import { numbersIn, scenarioV2Arb } from './scenarioV2Arbitrary';
import { HOSTILE_VALUES } from './hostileValues';

/** Valid, and what repairScenarioV2 and parseScenario accept exactly as it is. */
function expectValidV2(s: ScenarioV2): void {
	expect(repairScenarioV2(s)).toStrictEqual({ scenario: s, corrections: [] });
	expect(parseScenario(s)).toStrictEqual({ ok: true, scenario: s });
	expect(numbersIn(s).every(Number.isFinite)).toBe(true);
	expect(s.workloads.length).toBeGreaterThanOrEqual(1);
	expect(s.workloads.length).toBeLessThanOrEqual(MAX_WORKLOADS);
}

describe('round trip', { timeout: 60_000 }, () => {
	it('any valid scenario -> link -> the identical scenario, without corrections', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				expectValidV2(s);
				const query = encodeLink(s);
				expect(decodeLink(query)).toStrictEqual({ scenario: s, corrections: [] });
				expect(decodeLink(`?${query}`).scenario).toStrictEqual(s);
				expect(decodeLink(new URLSearchParams(query)).scenario).toStrictEqual(s);
			}),
			{ numRuns: 600 }
		);
	});

	it('encoding is canonical: the decoded scenario encodes to the same link, `v=4` first', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const query = encodeLink(s);
				expect(encodeLink(decodeLink(query).scenario)).toBe(query);
				expect(query === `v=${LINK_FORMAT}` || query.startsWith(`v=${LINK_FORMAT}&`)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('encoding does not mutate the scenario', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const copy = structuredClone(s);
				encodeLink(s);
				expect(s).toStrictEqual(copy);
			}),
			{ numRuns: 200 }
		);
	});
});

// ---------------------------------------------------------------------------------------
// Fuzz: random and adversarial query strings of format 4.

const SCENARIO_KEYS = ['v', 'name', 'notes', 'sheet', 'us', 'adj', 'order', 'w'];
const WORKLOAD_KEYS = [
	'n',
	'k',
	...REQUEST_FIELDS.map((f) => f.url),
	...CONVERSATION_FIELDS.map((f) => f.url),
	'tok',
	'tr',
	'mix',
	'cache',
	'batch',
	'fast',
	'pmix',
	'pcache',
	'pbatch',
	'pfast',
	'trimin',
	'trimout',
	'zzz',
	'__proto__',
	'constructor'
];
const MODEL_IDS = [...new Set(PRICE_SHEETS.flatMap((s) => s.models.map((m) => m.id)))];
const HOSTILE = [...HOSTILE_VALUES, 'requests', 'conversations', 'off', '5m:', ':90', '1h:1e309', '24h:50'];

const junkArb = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
const numberTextArb = fc.oneof(
	fc.double().map(String),
	fc.integer().map(String),
	fc.double({ min: -1, max: 200, noNaN: true }).map(String),
	fc.constantFrom('0', '1', '12', '13', '100', '100.5', '-1', '1e12', '1e13', '10000001', '.5', '5.', '1e-7')
);
const mixTextArb = fc
	.array(fc.tuple(fc.oneof(fc.constantFrom(...MODEL_IDS), junkArb), fc.oneof(numberTextArb, junkArb)), { maxLength: 8 })
	.map((items) => items.map(([id, share]) => `${id}:${share}`).join(','));
const cachingTextArb = fc.oneof(
	fc.constant('off'),
	fc.tuple(fc.oneof(fc.constantFrom('5m', '1h'), junkArb), fc.oneof(numberTextArb, junkArb)).map(([ttl, hit]) => `${ttl}:${hit}`)
);
const listTextArb = (items: fc.Arbitrary<string>) => fc.array(items, { maxLength: TRAFFIC_FIELDS.length + 2 }).map((slots) => slots.join(','));
const orderTextArb = fc.oneof(
	fc.shuffledSubarray([...PLAN_LEVERS]).map((l) => l.join(',')),
	listTextArb(fc.oneof(fc.constantFrom(...PLAN_LEVERS), junkArb))
);

const keyArb = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...SCENARIO_KEYS) },
	{
		weight: 8,
		arbitrary: fc
			.tuple(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 12, 13, 99, '01', '1.5', '-1', '')), fc.constantFrom(...WORKLOAD_KEYS))
			.map(([n, key]) => `w${n}.${key}`)
	},
	{ weight: 1, arbitrary: fc.constantFrom(...MODEL_IDS, ...HOSTILE).map((id) => `p.${id}`) },
	{ weight: 1, arbitrary: fc.constantFrom('custom-1', ...MODEL_IDS, ...HOSTILE).map((id) => `cm.${id}`) },
	{ weight: 1, arbitrary: junkArb }
);
const valueArb = fc.oneof(
	{ weight: 3, arbitrary: numberTextArb },
	{ weight: 2, arbitrary: mixTextArb },
	{ weight: 2, arbitrary: cachingTextArb },
	{ weight: 1, arbitrary: listTextArb(fc.oneof(numberTextArb, junkArb)) },
	{ weight: 1, arbitrary: orderTextArb },
	{ weight: 1, arbitrary: fc.constantFrom('0', '1', 'legacy', '2026', 'requests', 'conversations', ...PRICE_SHEETS.map((s) => s.id), ...MODEL_IDS) },
	{ weight: 2, arbitrary: junkArb }
);

/** encodeURIComponent, except that lone surrogates (which it rejects) stay raw. */
function maybeEncode(text: string, encode: boolean): string {
	if (!encode) return text;
	try {
		return encodeURIComponent(text);
	} catch {
		return text;
	}
}

const pairsQueryArb = fc
	.tuple(fc.array(fc.tuple(keyArb, valueArb, fc.boolean()), { maxLength: 25 }), fc.constantFrom('v=4&', '?v=4&', 'v=4&v=3&', ' v=4&', 'v=04&', ''))
	.map(([pairs, lead]) => lead + pairs.map(([k, v, enc]) => `${maybeEncode(k, enc)}=${maybeEncode(v, enc)}`).join('&'));

/** A valid link with random damage: a character inserted, a cut, or a pair repeated. */
const damagedQueryArb = fc
	.tuple(scenarioV2Arb({ conversations: true, maxWorkloads: 4 }), fc.nat(), junkArb, fc.constantFrom('insert', 'cut', 'repeat', 'swap'))
	.map(([s, at, junk, how]) => {
		const query = encodeLink(s);
		const i = query.length ? at % query.length : 0;
		if (how === 'insert') return query.slice(0, i) + junk + query.slice(i);
		if (how === 'cut') return query.slice(0, i);
		if (how === 'repeat') return `${query}&${query.split('&')[at % Math.max(1, query.split('&').length)] ?? ''}=${junk}`;
		return query.replace(/=/g, () => (at++ % 3 === 0 ? `=${junk}` : '='));
	});

function expectDecodesCleanly(query: string | URLSearchParams): void {
	const { scenario, corrections } = decodeLink(query);
	expectValidV2(scenario);
	expect(corrections.every((c) => typeof c === 'string')).toBe(true);
	expect(corrections.length).toBeLessThanOrEqual(25);
	// Whatever a link opens, the page can write back and reopen unchanged.
	expect(decodeLink(encodeLink(scenario))).toStrictEqual({ scenario, corrections: [] });
	expect(Object.keys(Object.prototype)).toEqual([]);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('fuzz: decoding never throws and always yields a valid scenario', { timeout: 120_000 }, () => {
	it('2,000 random strings after v=4 (full Unicode, lone surrogates, percent signs)', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 300 })),
				(text) => {
					expectDecodesCleanly(`v=4&${text}`);
					expectDecodesCleanly(text);
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('3,000 key=value lists from the format-4 keys with random and hostile values', () => {
		fc.assert(fc.property(pairsQueryArb, expectDecodesCleanly), { numRuns: 3000 });
	});

	it('1,000 damaged valid links', () => {
		fc.assert(fc.property(damagedQueryArb, expectDecodesCleanly), { numRuns: 1000 });
	});

	it('500 URLSearchParams built from arbitrary pairs', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(keyArb, valueArb), { maxLength: 25 }), (pairs) => expectDecodesCleanly(new URLSearchParams([['v', '4'], ...pairs]))),
			{ numRuns: 500 }
		);
	});

	it('repairScenarioV2 of anything is valid, and repairing again changes nothing', () => {
		const workloadish = fc.record(
			{
				name: fc.anything(),
				kind: fc.oneof(fc.constantFrom('requests', 'conversations'), fc.anything()),
				requestsPerMonth: fc.anything(),
				inputTokens: fc.anything(),
				cachedPrefixTokens: fc.anything(),
				traffic: fc.anything(),
				today: fc.oneof(fc.record({ mixPercent: fc.anything(), caching: fc.anything(), batchPercent: fc.anything(), fastMode: fc.anything() }, { requiredKeys: [] }), fc.anything()),
				planned: fc.oneof(fc.record({ mixPercent: fc.anything(), caching: fc.anything(), inputTrimPercent: fc.anything() }, { requiredKeys: [] }), fc.anything())
			},
			{ requiredKeys: [] }
		);
		fc.assert(
			fc.property(
				fc.oneof(
					fc.anything(),
					fc.record(
						{
							version: fc.oneof(fc.constant(2), fc.anything()),
							name: fc.anything(),
							leverOrder: fc.oneof(fc.shuffledSubarray([...PLAN_LEVERS]), fc.anything()),
							workloads: fc.oneof(fc.array(workloadish, { maxLength: 14 }), fc.anything())
						},
						{ requiredKeys: ['workloads'] }
					)
				),
				(data) => {
					const once = repairScenarioV2(data);
					expectValidV2(once.scenario);
				}
			),
			{ numRuns: 1000 }
		);
	});
});
