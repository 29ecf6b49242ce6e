// Invariants of the scenario link format: every valid scenario survives the round trip
// exactly, and no query string, however hostile, makes decoding throw or yield an invalid
// scenario (>= 10,000 generated query strings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import { repairScenario } from '$lib/scenario/repair';
import { MIX_TOLERANCE, mixTotal, parseScenario, scenarioProblems, type Scenario } from '$lib/scenario/schema';
import { CUSTOM_KEY_PREFIX, PRICE_KEY_PREFIX, URL_FIELDS, VERSION_KEY, decodeScenario, encodeScenario } from '$lib/scenario/urlCodec';
import { scenarioArb } from './scenarioArbitrary';
import { HOSTILE_VALUES } from './hostileValues';

/**
 * Fractional shares summing to 100 within MIX_TOLERANCE: arbitrary doubles with the last
 * share taking the rest, and the classic thirds (33.333 + 33.333 + 33.334, 100 / 3).
 */
function fractionalMixArb(ids: readonly string[]): fc.Arbitrary<Record<string, number>> {
	const arbitrary = fc.shuffledSubarray([...ids], { minLength: 1 }).chain((chosen) =>
		fc
			.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: chosen.length, maxLength: chosen.length })
			.map((weights) => {
				const total = weights.reduce((a, b) => a + b, 0) || 1;
				const shares = weights.map((w) => (w / total) * 100);
				const rest = shares.slice(0, -1).reduce((a, b) => a + b, 0);
				shares[shares.length - 1] = Math.min(100, Math.max(0, 100 - rest));
				return Object.fromEntries(chosen.map((id, i) => [id, shares[i] as number]));
			})
	);
	const thirds = fc.constantFrom(...ids.slice(0, 3)).map(() => {
		const [a, b, c] = ids as [string, string, string];
		return { [a]: 33.333, [b]: 33.333, [c]: 33.334 };
	});
	const exactThirds = fc.constant(Object.fromEntries(ids.slice(0, 3).map((id) => [id, 100 / 3])));
	return fc
		.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: thirds }, { weight: 1, arbitrary: exactThirds })
		.filter((mix) => Math.abs(mixTotal(mix) - 100) <= MIX_TOLERANCE);
}

/** Valid scenarios over both sheets, with whole and fractional mixes and price overrides. */
const validScenarioArb: fc.Arbitrary<Scenario> = scenarioArb().chain((s) => {
	const ids = [...(PRICE_SHEETS.find((sheet) => sheet.id === s.priceSheet) ?? PRICE_SHEETS[0])!.models, ...s.customModels].map((m) => m.id);
	return fc.oneof(fc.constant(s), fractionalMixArb(ids).map((mixPercent) => ({ ...s, mixPercent })));
});

function numbersIn(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
	return [];
}

describe('round trip', () => {
	it('any valid scenario -> query string -> the identical scenario, without corrections', () => {
		fc.assert(
			fc.property(validScenarioArb, (s) => {
				expect(parseScenario(s).ok).toBe(true);
				const query = encodeScenario(s);
				expect(decodeScenario(query)).toStrictEqual({ scenario: s, corrections: [] });
				expect(decodeScenario(`?${query}`).scenario).toStrictEqual(s);
				expect(decodeScenario(new URLSearchParams(query)).scenario).toStrictEqual(s);
			}),
			{ numRuns: 1500 }
		);
	});

	it('encoding is canonical: re-encoding the decoded scenario gives the same query string', () => {
		fc.assert(
			fc.property(validScenarioArb, (s) => {
				const query = encodeScenario(s);
				expect(encodeScenario(decodeScenario(query).scenario)).toBe(query);
				expect(query === `${VERSION_KEY}=3` || query.startsWith(`${VERSION_KEY}=3&`)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});
});

// ---------------------------------------------------------------------------------------
// Fuzz: random and adversarial query strings.

const KEYS = [VERSION_KEY, ...URL_FIELDS.map((f) => f.key)];
const MODEL_IDS = [...new Set(PRICE_SHEETS.flatMap((s) => s.models.map((m) => m.id)))];

const junkArb = fc.oneof(
	fc.constantFrom(...HOSTILE_VALUES),
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 })
);
const numberTextArb = fc.oneof(
	fc.double().map(String),
	fc.integer().map(String),
	fc.double({ min: -1, max: 200, noNaN: true }).map(String),
	fc.constantFrom('0', '100', '100.5', '-1', '1e12', '1e13', '10000001', '.5', '5.', '1e-7')
);
const mixTextArb = fc
	.array(fc.tuple(fc.oneof(fc.constantFrom(...MODEL_IDS), junkArb), fc.oneof(numberTextArb, junkArb)), { maxLength: 8 })
	.map((items) => items.map(([id, share]) => `${id}:${share}`).join(','));
const priceTextArb = fc
	.array(fc.oneof(fc.constant(''), numberTextArb, junkArb), { maxLength: 5 })
	.map((slots) => slots.join(','));
const keyArb = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...KEYS) },
	{ weight: 2, arbitrary: fc.constantFrom(...MODEL_IDS, ...HOSTILE_VALUES).map((id) => `p.${id}`) },
	{ weight: 1, arbitrary: junkArb }
);
const valueArb = fc.oneof(
	{ weight: 3, arbitrary: numberTextArb },
	{ weight: 2, arbitrary: mixTextArb },
	{ weight: 2, arbitrary: priceTextArb },
	{ weight: 1, arbitrary: fc.constantFrom(...PRICE_SHEETS.map((s) => s.id), ...MODEL_IDS, '5m', '1h') },
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
	.tuple(fc.array(fc.tuple(keyArb, valueArb, fc.boolean()), { maxLength: 20 }), fc.constantFrom('', '?', '??', '&'))
	.map(([pairs, lead]) => lead + pairs.map(([k, v, enc]) => `${maybeEncode(k, enc)}=${maybeEncode(v, enc)}`).join('&'));

/** A valid link with random damage: a character inserted, a cut, or a pair repeated. */
const damagedQueryArb = fc
	.tuple(validScenarioArb, fc.nat(), junkArb, fc.constantFrom('insert', 'cut', 'repeat', 'swap'))
	.map(([s, at, junk, how]) => {
		const query = encodeScenario(s);
		const i = query.length ? at % query.length : 0;
		if (how === 'insert') return query.slice(0, i) + junk + query.slice(i);
		if (how === 'cut') return query.slice(0, i);
		if (how === 'repeat') return `${query}&${query.split('&')[at % Math.max(1, query.split('&').length)] ?? ''}=${junk}`;
		return query.replace(/=/g, () => (at++ % 3 === 0 ? `=${junk}` : '='));
	});

function expectDecodesCleanly(query: string | URLSearchParams): void {
	const { scenario, corrections } = decodeScenario(query);
	expect(scenarioProblems(scenario)).toEqual([]);
	expect(parseScenario(scenario)).toEqual({ ok: true, scenario });
	expect(numbersIn(scenario).every(Number.isFinite)).toBe(true);
	expect(corrections.every((c) => typeof c === 'string')).toBe(true);
}

describe('fuzz: decoding never throws and always yields a valid scenario', () => {
	it('4,000 random strings (full Unicode, lone surrogates, percent signs)', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 300 })),
				expectDecodesCleanly
			),
			{ numRuns: 4000 }
		);
	});

	it('4,000 key=value lists from the key table with random and hostile values', () => {
		fc.assert(fc.property(pairsQueryArb, expectDecodesCleanly), { numRuns: 4000 });
	});

	it('1,500 damaged valid links', () => {
		fc.assert(fc.property(damagedQueryArb, expectDecodesCleanly), { numRuns: 1500 });
	});

	it('500 URLSearchParams built from arbitrary pairs', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(keyArb, valueArb), { maxLength: 20 }), (pairs) => expectDecodesCleanly(new URLSearchParams(pairs))),
			{ numRuns: 500 }
		);
	});

	it('repairScenario of anything is valid, and repairing again changes nothing', () => {
		fc.assert(
			fc.property(fc.oneof(fc.anything(), fc.record({ mixPercent: fc.anything(), prices: fc.anything(), cachedPrefixTokens: fc.anything() })), (data) => {
				const once = repairScenario(data);
				expect(scenarioProblems(once.scenario)).toEqual([]);
				expect(repairScenario(once.scenario)).toStrictEqual({ scenario: once.scenario, corrections: [] });
			}),
			{ numRuns: 1000 }
		);
	});
});

// ---------------------------------------------------------------------------------------
// Fuzz with an oracle: what the link gives correctly survives next to what is corrected
// (validity alone would pass a decoder that ignored its input and opened the defaults).

/** Junk as a link value: percent-encoded, so it stays one value (no "&" or "=" inside it). */
const encodedJunkArb = junkArb.map((junk) => {
	try {
		return encodeURIComponent(junk);
	} catch {
		return encodeURIComponent(junk.replace(/[\uD800-\uDFFF]/g, ''));
	}
});

/** The scenario fields a pair may change besides its own: the sheet and custom models decide which model ids are valid, the input caps the prefix. */
function fieldsTouchedBy(key: string): (keyof Scenario)[] {
	const models: (keyof Scenario)[] = ['baselineModel', 'mixPercent', 'prices', 'customModels'];
	if (key === 'sheet') return ['priceSheet', ...models];
	if (key.startsWith(CUSTOM_KEY_PREFIX)) return models;
	if (key.startsWith(PRICE_KEY_PREFIX)) return ['prices'];
	if (key === 'in') return ['inputTokens', 'cachedPrefixTokens'];
	const field = URL_FIELDS.find((f) => f.key === key)?.field;
	return field ? [field] : [];
}

describe('fuzz with an oracle: the rest of a link survives a spoiled value', () => {
	it('1,500 valid links with one value replaced by junk keep every field that value does not touch', () => {
		fc.assert(
			fc.property(validScenarioArb, fc.nat(), encodedJunkArb, (s, at, junk) => {
				const pairs = encodeScenario(s).split('&');
				fc.pre(pairs.length > 1);
				// Any pair but the version marker (which picks the defaults of every other field).
				const i = 1 + (at % (pairs.length - 1));
				const [key = ''] = (pairs[i] as string).split('=');
				pairs[i] = `${key}=${junk}`;
				const { scenario } = decodeScenario(pairs.join('&'));
				expect(scenarioProblems(scenario)).toEqual([]);
				const touched = fieldsTouchedBy(decodeURIComponent(key));
				for (const field of Object.keys(s) as (keyof Scenario)[]) {
					if (!touched.includes(field)) expect(scenario[field], field).toStrictEqual(s[field]);
				}
			}),
			{ numRuns: 1500 }
		);
	});

	it('1,500 valid links followed by random and hostile pairs keep every value they give (the first of a key wins)', () => {
		fc.assert(
			fc.property(validScenarioArb, pairsQueryArb, (s, hostile) => {
				const query = encodeScenario(s);
				const { scenario } = decodeScenario(`${query}&${hostile.replace(/^[?&]+/, '')}`);
				expect(scenarioProblems(scenario)).toEqual([]);
				const given = new Set(query.split('&').map((pair) => decodeURIComponent(pair.split('=')[0] ?? '')));
				for (const f of URL_FIELDS) {
					if (!given.has(f.key)) continue;
					// A later pair may still name a sheet or a smaller input the link left at its default.
					if (['baselineModel', 'mixPercent'].includes(f.field) && !given.has('sheet')) continue;
					if (f.field === 'cachedPrefixTokens' && !given.has('in')) continue;
					expect(scenario[f.field], f.key).toStrictEqual(s[f.field]);
				}
				if (given.has('sheet')) {
					for (const [id, override] of Object.entries(s.prices)) expect(scenario.prices[id], id).toStrictEqual(override);
					expect(scenario.customModels.slice(0, s.customModels.length)).toStrictEqual(s.customModels);
				}
			}),
			{ numRuns: 1500 }
		);
	});
});
