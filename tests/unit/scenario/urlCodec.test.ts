// The scenario link format (docs/scenario.md, "In a URL"): golden URLs, encoding rules, decoding
// corrections and hostile input. The golden file is the frozen contract of the format.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import golden from '../../fixtures/golden-urls.json';
import golden3 from '../../fixtures/golden-urls-v3.json';
import { customModel } from '../customModel';
import { CURRENT_DEFAULT_SCENARIO, DEFAULT_SCENARIO, currentDefaultScenario, defaultScenario } from '$lib/scenario/defaults';
import { parseScenario, scenarioProblems, type Scenario } from '$lib/scenario/schema';
import {
	CUSTOM_KEY_PREFIX,
	MAX_PAIRS,
	MAX_VALUE_LENGTH,
	PRICE_KEY_PREFIX,
	URL_FIELDS,
	VERSION_KEY,
	decodeAddress,
	decodeScenario,
	encodeAddress,
	encodeScenario
} from '$lib/scenario/urlCodec';

interface GoldenCase {
	description: string;
	query: string;
	scenario: Scenario;
	corrections: number;
}
const cases = golden.cases as unknown as GoldenCase[];

/**
 * The fields added after the golden cases of URL format 1 were written, with the values that
 * reproduce version 1 (docs/scenario.md): a format-1 link must decode to these.
 */
const VERSION_1_ADDITIONS = {
	customModels: [],
	usOnlyInference: false,
	adjustForTokenizer: true,
	tokensCountedOn: 'legacy',
	webSearchesPerRequest: 0
} as const;

/** A golden case's scenario as this version holds it: the frozen fields plus the additions at their version-1 values. */
const complete = (c: GoldenCase): Scenario => ({ ...structuredClone(VERSION_1_ADDITIONS), ...c.scenario }) as Scenario;

/** A scenario edited the way a user would: most fields moved, one price override. */
const edited: Scenario = {
	version: 1,
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
	prices: { 'opus-4-6': { inputPerMTok: 4, outputPerMTok: 20 } },
	customModels: [],
	usOnlyInference: false,
	adjustForTokenizer: true,
	tokensCountedOn: 'legacy',
	webSearchesPerRequest: 0
};

/** A version-1 scenario (what links without `v=3` decode to) with some fields changed. */
const scenario = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });
/** A scenario on the current defaults (what `v=3` links decode to) with some fields changed. */
const current = (patch: Partial<Scenario>): Scenario => ({ ...currentDefaultScenario(), ...patch });

/** Every number inside a value, for the "all finite" checks. */
function numbersIn(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
	return [];
}

function expectValid(s: Scenario): void {
	expect(scenarioProblems(s)).toEqual([]);
	expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
	expect(numbersIn(s).every(Number.isFinite)).toBe(true);
}

describe('golden URLs (tests/fixtures/golden-urls.json)', () => {
	it('holds at least 20 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});

	it('covers every key of format 1', () => {
		const used = new Set(cases.flatMap((c) => [...new URLSearchParams(c.query).keys()]));
		const format1 = URL_FIELDS.map((f) => f.key).slice(0, URL_FIELDS.findIndex((f) => f.key === 'us'));
		expect(format1).toEqual(['sheet', 'req', 'in', 'pre', 'out', 'base', 'mix', 'hit', 'ttl', 'batch', 'trimin', 'trimout']);
		for (const key of [VERSION_KEY, ...format1]) expect(used, key).toContain(key);
		expect([...used].some((k) => k.startsWith(PRICE_KEY_PREFIX))).toBe(true);
	});

	it.each(cases)('$description: $query', (c) => {
		const decoded = decodeScenario(c.query);
		expect(decoded.scenario).toStrictEqual(complete(c));
		expect(decoded.corrections).toHaveLength(c.corrections);
		expectValid(decoded.scenario);
	});

	it.each(cases)('$description: the scenario encodes and decodes back to itself', (c) => {
		expect(decodeScenario(encodeScenario(complete(c)))).toStrictEqual({ scenario: complete(c), corrections: [] });
	});
});

describe('golden URLs of format 3 (tests/fixtures/golden-urls-v3.json)', () => {
	const cases3 = golden3.cases as unknown as GoldenCase[];

	it('holds at least 10 cases and covers every key', () => {
		expect(cases3.length).toBeGreaterThanOrEqual(10);
		const used = new Set(cases3.flatMap((c) => [...new URLSearchParams(c.query).keys()]));
		for (const key of [VERSION_KEY, ...URL_FIELDS.map((f) => f.key)]) expect(used, key).toContain(key);
		expect([...used].some((k) => k.startsWith(PRICE_KEY_PREFIX))).toBe(true);
		expect([...used].some((k) => k.startsWith(CUSTOM_KEY_PREFIX))).toBe(true);
	});

	it.each(cases3)('$description: $query', (c) => {
		const decoded = decodeScenario(c.query);
		expect(decoded.scenario).toStrictEqual(c.scenario);
		expect(decoded.corrections).toHaveLength(c.corrections);
		expectValid(decoded.scenario);
	});

	it.each(cases3)('$description: the scenario encodes and decodes back to itself', (c) => {
		expect(decodeScenario(encodeScenario(c.scenario))).toStrictEqual({ scenario: c.scenario, corrections: [] });
	});
});

describe('encodeScenario', () => {
	it('writes only the format marker for the current defaults', () => {
		expect(encodeScenario(CURRENT_DEFAULT_SCENARIO)).toBe('v=3');
		expect(encodeScenario(currentDefaultScenario())).toBe('v=3');
	});

	it('writes the version-1 defaults out in full, so they reopen as they were', () => {
		const query = encodeScenario(DEFAULT_SCENARIO);
		// Opus 4.6 and the 5/25/70 mix are the March sheet's own defaults, so they need no key.
		expect(query).toBe('v=3&sheet=anthropic-2026-03&tok=legacy');
		expect(decodeScenario(query)).toStrictEqual({ scenario: defaultScenario(), corrections: [] });
	});

	it.each([
		[{ cacheHitPercent: 90 }, 'v=3&hit=90'],
		[{ priceSheet: 'guide-2026-03', baselineModel: 'opus-4-6', mixPercent: { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 } }, 'v=3&sheet=guide-2026-03'],
		[{ cacheTtl: '1h' as const, batchPercent: 0 }, 'v=3&ttl=1h&batch=0'],
		[{ mixPercent: { 'sonnet-5-5': 100 } }, 'v=3&mix=sonnet-5-5:100'],
		// the default mix in another order is still the default mix
		[{ mixPercent: { 'haiku-5-5': 70, 'opus-5-5': 5, 'sonnet-5-5': 25 } }, 'v=3'],
		[{ prices: { 'sonnet-5-5': { minCacheTokens: 2048 } } }, 'v=3&p.sonnet-5-5=,,2048'],
		[{ prices: { 'opus-5-5': { cacheReadPerMTok: 0.1 } } }, 'v=3&p.opus-5-5=,,,,,0.1'],
		[{ prices: { 'haiku-5-5': { bandOutputPerMTok: 3 } } }, 'v=3&p.haiku-5-5=,,,,,,,,,,3'],
		[{ prices: { 'opus-5-5': {} } }, 'v=3&p.opus-5-5='],
		[{ usOnlyInference: true, adjustForTokenizer: false }, 'v=3&us=1&adj=0'],
		[{ tokensCountedOn: 'legacy' as const, webSearchesPerRequest: 0.5 }, 'v=3&tok=legacy&ws=0.5'],
		[{ outputTrimPercent: 1e-7, inputTrimPercent: 100 / 3 }, 'v=3&trimin=33.333333333333336&trimout=1e-7']
	])('writes only what differs from the current defaults: %o -> %s', (patch, query) => {
		expect(encodeScenario(current(patch))).toBe(query);
	});

	it('writes the keys in the table order, v first, and leaves ":" and "," readable', () => {
		expect(encodeScenario(edited)).toBe(
			'v=3&sheet=guide-2026-03&req=250000&in=12000&pre=8000&out=800&base=sonnet-4-6' +
				'&mix=opus-4-6:10,sonnet-4-6:40,haiku-4-5:50&hit=90&ttl=1h&batch=30&trimin=15&trimout=25&tok=legacy&p.opus-4-6=4,20'
		);
	});

	it('writes a custom model with a comma in its name and reads it back', () => {
		const custom = {
			id: 'custom-1',
			name: 'Mythos 5.2, EU',
			family: 'custom',
			status: 'active' as const,
			contextWindow: 1_000_000,
			inputPerMTok: 8,
			cacheWrite5mPerMTok: 10,
			cacheWrite1hPerMTok: 16,
			cacheReadPerMTok: 0.2,
			outputPerMTok: 40,
			minCacheTokens: 512,
			usOnlyInference: true,
			tokenizer: '2026' as const,
			fastMode: 2,
			bands: [{ abovePromptTokens: 200_000, inputPerMTok: 16, cacheWrite5mPerMTok: 20, cacheWrite1hPerMTok: 32, cacheReadPerMTok: 0.4, outputPerMTok: 60 }]
		};
		const s = current({ customModels: [custom], mixPercent: { 'custom-1': 40, 'opus-5-5': 60 } });
		const query = encodeScenario(s);
		expect(query).toBe(
			'v=3&mix=custom-1:40,opus-5-5:60&cm.custom-1=Mythos 5.2%252C EU,custom,active,1000000,8,10,16,0.2,40,512,2026,1,2,,200000,16,20,32,0.4,60'.replace(/ /g, '%20')
		);
		expect(decodeScenario(query)).toStrictEqual({ scenario: s, corrections: [] });
	});

	it('reads a custom model without a band, and blank slots as unset', () => {
		const plain = customModel('plain-1', 'Plain');
		const s = current({ customModels: [plain] });
		expect(encodeScenario(s)).toBe('v=3&cm.plain-1=Plain,custom,active,200000,1,1.25,2,0.1,5,1024,2026,0');
		expect(decodeScenario(encodeScenario(s))).toStrictEqual({ scenario: s, corrections: [] });
		// Blank (space-only) optional slots and band slots are unset, not values.
		expect(decodeScenario('v=3&cm.plain-1=Plain,custom,active,200000,1,1.25,2,0.1,5,1024,2026,0,%20,%20,%20,%20')).toStrictEqual({
			scenario: s,
			corrections: []
		});
	});

	it('names each slot a partial band leaves out', () => {
		const { scenario, corrections } = decodeScenario('v=3&cm.plain-1=Plain,custom,active,200000,1,1.25,2,0.1,5,1024,2026,0,,,150000');
		expect(scenario.customModels).toEqual([]);
		expect(corrections).toEqual([
			'Custom model 1 was left out: bands.0.inputPerMTok: expected number, got ""; bands.0.cacheWrite5mPerMTok: expected number, got ""'
		]);
	});

	it('fits a typical edited scenario in under 200 characters', () => {
		expect(encodeScenario(edited).length).toBeLessThan(200);
	});

	it('does not mutate the scenario', () => {
		const copy = structuredClone(edited);
		encodeScenario(edited);
		expect(edited).toStrictEqual(copy);
	});
});

describe('decodeScenario', () => {
	it('accepts a leading "?" and a URLSearchParams', () => {
		const expected = scenario({ cacheHitPercent: 90 });
		expect(decodeScenario('?v=1&hit=90')).toStrictEqual({ scenario: expected, corrections: [] });
		expect(decodeScenario(new URLSearchParams('v=1&hit=90'))).toStrictEqual({ scenario: expected, corrections: [] });
	});

	it('reads percent-encoded values and "+" as a space', () => {
		expect(decodeScenario('sheet=guide%2D2026%2D03&mix=sonnet-4-6%3A100&hit=+90').scenario).toStrictEqual(
			scenario({ priceSheet: 'guide-2026-03', mixPercent: { 'sonnet-4-6': 100 }, cacheHitPercent: 90 })
		);
	});

	it.each([
		['hit=140', 'Cache hit ratio 140 was above 100; used 100'],
		['batch=-5', 'Batch share -5 was below 0; used 0'],
		['hit=abc', 'Cache hit ratio "abc" is not a number; used 80'],
		['in=20000000', 'Input tokens per request 20,000,000 was above 10,000,000; used 10,000,000'],
		['out=12.5', 'Output tokens per request 12.5 was not a whole number; used 13'],
		['req=1e999', 'Requests per month 1e999 was above 1,000,000,000,000; used 1,000,000,000,000'],
		['hit=-1e400', 'Cache hit ratio -1e400 was below 0; used 0'],
		['in=3000', 'Cached prefix tokens 5,000 was above the input tokens per request (3,000); used 3,000'],
		['ttl=2h', 'Cache TTL "2h" is not 5m or 1h; used 5m'],
		['sheet=nope', 'Price sheet "nope" is not known; used Anthropic list prices 2026-03-23'],
		['base=gpt-5', 'Baseline model "gpt-5" is not on Anthropic list prices 2026-03-23; used Opus 4.6'],
		['mix=opus-4-6:10,sonnet-4-6:40', 'Model mix shares add up to 50, not 100; scaled them to 100'],
		['mix=opus-4-6:0,haiku-4-5:0', 'Model mix shares add up to 0; used the default mix'],
		['mix=opus-4-6:abc,haiku-4-5:100', 'Opus 4.6 share "abc" is not a number; left it out'],
		['mix=gpt-5:10,haiku-4-5:100', 'Model mix: "gpt-5" is not on Anthropic list prices 2026-03-23; left it out'],
		['mix=haiku-4-5', 'Model mix: "haiku-4-5" is not model:share; left it out'],
		['mix=haiku-4-5:100,haiku-4-5:5', 'Model mix: "haiku-4-5" appears more than once; used its first share'],
		['p.opus-4-6=-4', 'Opus 4.6 input price -4 was below 0; used 0'],
		['p.opus-4-6=,x', `Opus 4.6 output price "x" is not a number; used the sheet's 25`],
		['p.opus-4-6=1,2,3,4,5,6,7,8,9,10,11,12', 'Opus 4.6 prices: the link gives 12 values; read the first 11'],
		['p.opus-4-6=,,,,,,9', 'Opus 4.6 has no prompt-length band; ignored its band input price'],
		['us=yes', 'US-only inference "yes" is not true or false; used off'],
		['tok=2027', 'Token counts measured on "2027" is not legacy or 2026; used legacy'],
		['ws=-1', 'Web searches per request -1 was below 0; used 0'],
		['cm.custom-1=x', 'Custom model 1 was left out: family: expected string, got nothing; status: expected one of "active", "legacy", "deprecated", "retired", got nothing'],
		['cm.opus-4-6=Opus,opus,active,1000,1,1,1,1,1,0,legacy,0', 'Custom model 1 was left out: the id "opus-4-6" is already taken'],
		['p.gpt-5=1', 'Price override for "gpt-5": it is not on Anthropic list prices 2026-03-23; left it out'],
		['p.gpt-5=1,2,3,4,5,6,7,8,9,10,11,12', 'Prices for "gpt-5": the link gives 12 values; read the first 11'],
		['p.gpt-5=1&p.gpt-5=2', 'Prices for "gpt-5": set 2 times in the link; used the first, "1"'],
		['hit=50&hit=60', 'Cache hit ratio: set 2 times in the link; used the first, "50"'],
		['v=2&hit=50', 'This scenario was made by a newer version of the calculator (format version 2); read what this version understands'],
		['v=one', 'Format version "one" is not known; read it as version 1'],
		['foo=1', 'Ignored an unknown setting in the link: "foo"'],
		['a=1&b=2&c=3&d=4&e=5', 'Ignored 5 unknown settings in the link: "a", "b", "c" and 2 more']
	])('%s -> "%s"', (query, correction) => {
		const decoded = decodeScenario(query);
		expect(decoded.corrections).toContain(correction);
		expectValid(decoded.scenario);
	});

	it('keeps what it can read next to what it corrects', () => {
		const decoded = decodeScenario('v=2&hit=140&ttl=1h&future=yes');
		expect(decoded.scenario).toStrictEqual(scenario({ cacheHitPercent: 100, cacheTtl: '1h' }));
		expect(decoded.corrections).toHaveLength(3);
	});

	it('ignores tracking keys and the caller’s own keys silently', () => {
		expect(decodeScenario('utm_source=news&fbclid=x&gclid=y&hit=90').corrections).toEqual([]);
		expect(decodeScenario('theme=dark&hit=90', { ignoreKeys: ['theme'] })).toStrictEqual({
			scenario: scenario({ cacheHitPercent: 90 }),
			corrections: []
		});
	});

	it('reads only the first MAX_PAIRS pairs', () => {
		const query = `${Array.from({ length: MAX_PAIRS }, (_, i) => `x${i}=1`).join('&')}&hit=90`;
		const decoded = decodeScenario(query);
		expect(decoded.scenario.cacheHitPercent).toBe(80);
		expect(decoded.corrections).toContain(`The link has more than ${MAX_PAIRS} settings; read the first ${MAX_PAIRS}`);
	});

	it('ends a long list of corrections with a count', () => {
		const query = Array.from({ length: 40 }, (_, i) => `p.gpt-${i}=1`).join('&');
		const { corrections } = decodeScenario(query);
		expect(corrections).toHaveLength(25);
		expect(corrections.at(-1)).toBe('...and 16 more corrections');
	});
});

describe('decodeAddress and encodeAddress (the page’s own address)', () => {
	it('opens a bare address, or one with only tracking and page keys, on the current defaults', () => {
		for (const query of ['', '?', 'utm_source=x&gclid=y']) {
			expect(decodeAddress(query)).toStrictEqual({ scenario: currentDefaultScenario(), corrections: [] });
		}
		expect(decodeAddress('theme=dark', { ignoreKeys: ['theme'] }).scenario).toStrictEqual(currentDefaultScenario());
	});

	it('reads any scenario key as decodeScenario does, version-1 links on their own defaults', () => {
		expect(decodeAddress('v=1').scenario).toStrictEqual(defaultScenario());
		expect(decodeAddress('hit=90').scenario).toStrictEqual(scenario({ cacheHitPercent: 90 }));
		expect(decodeAddress('v=3&hit=90').scenario).toStrictEqual(current({ cacheHitPercent: 90 }));
	});

	it('writes a bare address for the current defaults and the full query otherwise', () => {
		expect(encodeAddress(currentDefaultScenario())).toBe('');
		expect(encodeAddress(current({ cacheHitPercent: 90 }))).toBe('v=3&hit=90');
		expect(decodeAddress(encodeAddress(defaultScenario())).scenario).toStrictEqual(defaultScenario());
	});
});

describe('decodeScenario against hostile links', () => {
	const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];
	beforeEach(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			consoleSpies.push(vi.spyOn(console, method).mockImplementation(() => undefined));
		}
	});
	afterEach(() => {
		for (const spy of consoleSpies.splice(0)) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});

	const huge = 'x'.repeat(100_000);
	// Each hostile link ends with settings it gives correctly: those must survive next to the
	// corrected ones (a decoder that ignored its input would open the defaults and pass the
	// validity checks alone).
	const GOOD = '&trimin=12&ttl=1h&ws=2';
	const survivors = { inputTrimPercent: 12, cacheTtl: '1h', webSearchesPerRequest: 2 } as const;
	it.each<[string, string, Partial<Scenario>]>([
		['a script tag', 'hit=<script>alert(1)</script>', {}],
		['an encoded script tag', 'sheet=%3Cscript%3Ealert(1)%3C%2Fscript%3E&base=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', {}],
		['a javascript: URL', 'sheet=javascript:alert(1)', {}],
		['a 100 KB value', `hit=${huge}`, {}],
		['a 100 KB key', `${huge}=1`, {}],
		['a 100 KB mix', `mix=${'opus-4-6:1,'.repeat(10_000)}`, {}],
		['repeated keys', 'hit=1&hit=2&hit=3&mix=opus-4-6:100&mix=haiku-4-5:100', { cacheHitPercent: 1, mixPercent: { 'opus-4-6': 100 } }],
		['broken percent-encoding', '%E0%A4%A=1&hit=%E0%A4%A&mix=opus-4-6%3A%ZZ', {}],
		['a lone surrogate', 'hit=%ED%A0%80&base=\uD800', {}],
		['an RTL override', 'hit=5\u202E0&sheet=guide-2026-03\u202E', {}],
		['zero-width characters', 'in=1\u200B2&base=opus\u200D-4-6&\uFEFFhit=1', {}],
		['full-width digits', 'hit=\uFF15\uFF10', {}],
		['NaN and Infinity', 'hit=NaN&batch=Infinity&req=-Infinity', {}],
		['hex and exotic numbers', 'req=0x10&in=1_000&out=1e3.5&hit=.5.', {}],
		['prototype keys', '__proto__=1&constructor.prototype=1&prototype=1&__proto__[polluted]=1', {}],
		['prototype model ids', 'mix=__proto__:100,constructor:5&p.__proto__=1&p.constructor=2&base=__proto__', {}],
		['only separators', '&&&==&?&=', {}],
		['a whole URL', 'https://evil.example/?hit=1#x', {}],
		['hostile pairs after good ones', 'hit=35&hit=<b>&p.opus-4-6=4,20&p.opus-4-6=x&base=sonnet-4-6&x=\u202E', {
			cacheHitPercent: 35,
			prices: { 'opus-4-6': { inputPerMTok: 4, outputPerMTok: 20 } },
			baselineModel: 'sonnet-4-6'
		}]
	])('%s opens a valid scenario with a notice, keeping what the link gives correctly', (_name, query, corrected) => {
		const decoded = decodeScenario(query + GOOD);
		expectValid(decoded.scenario);
		// Every field the hostile part spoiled takes the version-1 default (or its corrected value).
		expect(decoded.scenario).toStrictEqual(scenario({ ...corrected, ...survivors }));
		expect(decoded.corrections.length).toBeGreaterThan(0);
		expect(decoded.corrections.every((c) => typeof c === 'string' && c.length < 400)).toBe(true);
	});

	it('never lets a key or value reach Object.prototype', () => {
		decodeScenario('__proto__=1&constructor.prototype=1&__proto__[polluted]=1&mix=__proto__:100&p.__proto__=1,2,3');
		decodeScenario('p.constructor=1&mix=constructor:1,prototype:2');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(Object.prototype)).toEqual([]);
		expect(Object.getPrototypeOf(decodeScenario('mix=__proto__:100').scenario.mixPercent)).toBe(Object.prototype);
	});

	it('ignores a value over MAX_VALUE_LENGTH characters with a correction', () => {
		const decoded = decodeScenario(`hit=${'9'.repeat(MAX_VALUE_LENGTH + 1)}&ttl=1h`);
		expect(decoded.scenario).toStrictEqual(scenario({ cacheTtl: '1h' }));
		expect(decoded.corrections).toEqual(['Cache hit ratio: the value in the link is 1,001 characters long; ignored it']);
	});

	it('quotes user values briefly, with invisible characters escaped', () => {
		const [long] = decodeScenario(`sheet=${'a'.repeat(500)}`).corrections;
		expect(long).toBe(`Price sheet "${'a'.repeat(32)}..." is not known; used Anthropic list prices 2026-03-23`);
		const [rtl] = decodeScenario('hit=5\u202E0').corrections;
		expect(rtl).toBe('Cache hit ratio "5\\u202e0" is not a number; used 80');
		expect(rtl).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
	});

	it('trims spaces around text values and numbers', () => {
		expect(decodeScenario('sheet=%20guide-2026-03%20&ttl=+1h&base=sonnet-4-6%20&tok=%202026&hit=%2090%20')).toStrictEqual({
			scenario: scenario({ priceSheet: 'guide-2026-03', cacheTtl: '1h', baselineModel: 'sonnet-4-6', tokensCountedOn: '2026', cacheHitPercent: 90 }),
			corrections: []
		});
	});

	it('reads anything but a string or URLSearchParams as an empty link', () => {
		for (const value of [undefined, null, 42, {}, [], true] as unknown[]) {
			expect(decodeScenario(value as string)).toStrictEqual({ scenario: defaultScenario(), corrections: [] });
			expect(decodeAddress(value as string)).toStrictEqual({ scenario: currentDefaultScenario(), corrections: [] });
		}
	});

	it('opens the default scenario, saying so, when reading the link fails outright', () => {
		class Unreadable extends URLSearchParams {
			override *[Symbol.iterator](): URLSearchParamsIterator<[string, string]> {
				yield* [];
				throw new Error('unreadable');
			}
		}
		expect(decodeScenario(new Unreadable('hit=90'))).toStrictEqual({
			scenario: defaultScenario(),
			corrections: ['The link could not be read; opened the default scenario']
		});
	});

	it('never throws, whatever it is given', () => {
		for (const value of [undefined, null, 42, {}, [], Symbol('x')] as unknown[]) {
			const decoded = decodeScenario(value as string);
			expectValid(decoded.scenario);
		}
	});
});
