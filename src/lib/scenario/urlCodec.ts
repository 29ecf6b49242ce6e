/**
 * The scenario in the query string of `/` (documented in docs/scenario.md, "In a URL").
 *
 *   ?v=3&sheet=guide-2026-03&req=250000&mix=opus-4-6:10,sonnet-4-6:40,haiku-4-5:50&hit=90&p.opus-4-6=4,20
 *
 * Only values that differ from the defaults of the link's format are written. Decoding
 * builds the scenario's JSON object from the keys it knows and hands it to repairScenario,
 * the same field schemas as a scenario file: it never throws, never logs, and returns a
 * valid scenario with every correction it made, in plain words.
 *
 * FORMATS. `v` names the defaults a link was written against:
 * - no `v`, or `v=1`: DEFAULT_SCENARIO (March 2026 sheet, Opus 4.6 baseline...), frozen;
 * - `v=3`: CURRENT_DEFAULT_SCENARIO (November 2026 sheet and lineup), written since then;
 * - `v=2` was never written, and golden links pin how it reads (as an unknown, newer
 *   version, on the version-1 defaults), so the November defaults took the next number.
 *
 * COMPATIBILITY RULES. Shared links live forever, in chats, docs and bookmarks:
 * 1. Never rename, remove, reorder or reinterpret a key or a value format below. The
 *    order of URL_FIELDS is the order keys are written in; new keys go at the end.
 * 2. Only add: a new scenario field gets a new key (and a default, which links without
 *    the key keep meaning); a new slot in a list (e.g. a 4th price) goes at the end.
 * 3. The defaults of a format never change (links omit default values, so a new default
 *    would silently change old links); new defaults are a new format.
 * 4. A change that cannot be an addition gets a new FORMAT_VERSION, and decoding keeps
 *    reading every older format exactly as before.
 * 5. Every case of tests/fixtures/golden-urls.json keeps decoding to its scenario.
 */
import type { ModelPrice } from '../pricing/schema';
import { PRICE_SHEETS } from '../pricing/sheets';
import { quoteSafely } from '../validation/quoteSafely';
import { CURRENT_DEFAULT_SCENARIO, DEFAULT_SCENARIO, currentDefaultScenario, defaultScenario } from './defaults';
import {
	FIELD_LABELS,
	PRICE_FIELDS,
	capCorrections,
	defaultBaselineFor,
	defaultMixFor,
	repairScenario,
	showNumber,
	SpelledNumber,
	type Repaired
} from './repair';
import type { PriceOverride, Scenario } from './types';

/** The format this code writes. Links without `v` are read as version 1. */
export const FORMAT_VERSION = 3;

/** The defaults each readable format fills missing keys from (see FORMATS above). */
export const FORMAT_DEFAULTS: Readonly<Record<number, Readonly<Scenario>>> = {
	1: DEFAULT_SCENARIO,
	3: CURRENT_DEFAULT_SCENARIO
};
/** One key per custom model: `cm.<id>=<slots>` (CUSTOM_SLOTS). */
export const CUSTOM_KEY_PREFIX = 'cm.';
/** Written first whenever anything else is: `v=1`. */
export const VERSION_KEY = 'v';
/** One key per model with price overrides: `p.<model id>=<input $/MTok>,<output $/MTok>,<min cacheable prefix>`. */
export const PRICE_KEY_PREFIX = 'p.';
/** A value longer than this is ignored (with a correction): no real value comes near it. */
export const MAX_VALUE_LENGTH = 1000;
/** A key longer than this is unknown. */
export const MAX_KEY_LENGTH = 64;
/** Only the first this many key=value pairs are read. */
export const MAX_PAIRS = 500;

/** One scenario field in the query string. */
export interface UrlField {
	/** The query key. Never changes. */
	key: string;
	/** The scenario (JSON) field it holds. */
	field: keyof Scenario;
	/** Whether decoding without the key, against these defaults, gives this scenario's value (then the key is not written). */
	isDefault(s: Scenario, defaults: Readonly<Scenario>): boolean;
	/** The value as written in the link (before percent-encoding). */
	write(s: Scenario): string;
	/** The raw JSON value for repairScenario; text it cannot read is passed on as text, for repairScenario to report. */
	read(text: string, notes: string[]): unknown;
}

/** A decimal number as String(n) writes it (plus an optional sign and leading/trailing dot). */
const NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/**
 * The number the text spells, or the text itself (repairScenario says it is not a number).
 * A spelling too large for a double (`1e309`) keeps its spelling for the correction.
 */
export function readNumber(text: string): number | string | SpelledNumber {
	const t = text.trim();
	if (!NUMBER.test(t)) return text;
	const n = Number(t);
	return Number.isFinite(n) ? n : new SpelledNumber(n, t);
}

export function readText(text: string): string {
	return text.trim();
}

function numberField(key: string, field: keyof Scenario): UrlField {
	return {
		key,
		field,
		isDefault: (s, d) => s[field] === d[field],
		write: (s) => String(s[field]),
		read: readNumber
	};
}

function textField(key: string, field: keyof Scenario): UrlField {
	return {
		key,
		field,
		isDefault: (s, d) => s[field] === d[field],
		write: (s) => String(s[field]),
		read: readText
	};
}

/** On/off as `1`/`0`; other text is passed on for repairScenario to report. */
function flagField(key: string, field: 'usOnlyInference' | 'adjustForTokenizer'): UrlField {
	return {
		key,
		field,
		isDefault: (s, d) => s[field] === d[field],
		write: (s) => (s[field] ? '1' : '0'),
		read: readFlag
	};
}

export function readFlag(text: string): boolean | string {
	const t = text.trim();
	return t === '1' ? true : t === '0' ? false : text;
}

/**
 * The mix as `id:share` pairs joined by commas, in the scenario's order:
 * `mix=opus-4-6:5,sonnet-4-6:25,haiku-4-5:70`. Shares are exact (String(n)).
 */
export function writeMix(mix: Record<string, number>): string {
	return Object.entries(mix)
		.map(([id, share]) => `${id}:${String(share)}`)
		.join(',');
}

export function readMix(text: string, notes: string[], label = 'Model mix'): Record<string, unknown> {
	const mix: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	for (const item of text.split(',')) {
		const t = item.trim();
		if (!t) continue;
		const colon = t.indexOf(':');
		if (colon < 0) {
			notes.push(`${label}: ${quoteSafely(t)} is not model:share; left it out`);
			continue;
		}
		const id = t.slice(0, colon).trim();
		if (Object.hasOwn(mix, id)) {
			notes.push(`${label}: ${quoteSafely(id)} appears more than once; used its first share`);
			continue;
		}
		mix[id] = readNumber(t.slice(colon + 1));
	}
	return mix;
}

export function sameMix(a: Record<string, number>, b: Record<string, number>): boolean {
	const ids = Object.keys(a);
	return ids.length === Object.keys(b).length && ids.every((id) => Object.hasOwn(b, id) && a[id] === b[id]);
}

/**
 * The keys, in the order they are written (after `v`). See the compatibility rules above:
 * append only.
 */
export const URL_FIELDS: readonly UrlField[] = [
	textField('sheet', 'priceSheet'),
	numberField('req', 'requestsPerMonth'),
	numberField('in', 'inputTokens'),
	numberField('pre', 'cachedPrefixTokens'),
	numberField('out', 'outputTokens'),
	{
		key: 'base',
		field: 'baselineModel',
		isDefault: (s) => s.baselineModel === defaultBaselineFor(s.priceSheet),
		write: (s) => s.baselineModel,
		read: readText
	},
	{
		key: 'mix',
		field: 'mixPercent',
		isDefault: (s) => sameMix(s.mixPercent, defaultMixFor(s.priceSheet)),
		write: (s) => writeMix(s.mixPercent),
		read: readMix
	},
	numberField('hit', 'cacheHitPercent'),
	textField('ttl', 'cacheTtl'),
	numberField('batch', 'batchPercent'),
	numberField('trimin', 'inputTrimPercent'),
	numberField('trimout', 'outputTrimPercent'),
	// Added with format 3 (readable in any format; a version-1 link never has them).
	flagField('us', 'usOnlyInference'),
	flagField('adj', 'adjustForTokenizer'),
	textField('tok', 'tokensCountedOn'),
	numberField('ws', 'webSearchesPerRequest')
	// `cm.<model id>` (custom models) and then `p.<model id>` (the `prices` field) follow,
	// one key per model: see writeCustom and writePrice.
];

const FIELD_BY_KEY = new Map(URL_FIELDS.map((f) => [f.key, f]));

/**
 * One model's override as comma-separated slots in PRICE_FIELDS order: input $/MTok, output
 * $/MTok, minimum cacheable prefix (tokens), then (format 3) 5-minute write, 1-hour write,
 * read, and the five band rates; an unset slot is empty and trailing empty slots are
 * dropped: `p.opus-4-6=4,20`, `p.sonnet-4-6=,,2048`, `p.opus-5-5=,,,,,0.1`, `p.haiku-4-5=`
 * (an empty override).
 */
export function writePrice(o: PriceOverride): string {
	const slots = PRICE_FIELDS.map(({ key }) => (o[key] === undefined ? '' : String(o[key])));
	while (slots.length && slots[slots.length - 1] === '') slots.pop();
	return slots.join(',');
}

export function readPrice(text: string, label: string, notes: string[]): Record<string, unknown> {
	const slots = text.split(',');
	if (slots.length > PRICE_FIELDS.length) {
		notes.push(`${label}: the link gives ${slots.length} values; read the first ${PRICE_FIELDS.length}`);
	}
	const override: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	PRICE_FIELDS.forEach(({ key }, i) => {
		const slot = slots[i]?.trim();
		if (slot) override[key] = readNumber(slot);
	});
	return override;
}

export function readVersion(text: string): number | string {
	const t = text.trim();
	return /^[0-9]{1,9}$/.test(t) ? Number(t) : text;
}

/**
 * A custom model's slots, in this order (append only). Text slots escape `%` and `,` so a
 * name may hold commas; empty optional slots are left empty. Example:
 *   cm.custom-1=Mythos 5.2,fable,active,1000000,8,10,16,0.2,40,512,2026,1,2,,,,,,
 */
const CUSTOM_SLOTS = [
	{ key: 'name', kind: 'text' },
	{ key: 'family', kind: 'text' },
	{ key: 'status', kind: 'text' },
	{ key: 'contextWindow', kind: 'number' },
	{ key: 'inputPerMTok', kind: 'number' },
	{ key: 'cacheWrite5mPerMTok', kind: 'number' },
	{ key: 'cacheWrite1hPerMTok', kind: 'number' },
	{ key: 'cacheReadPerMTok', kind: 'number' },
	{ key: 'outputPerMTok', kind: 'number' },
	{ key: 'minCacheTokens', kind: 'number' },
	{ key: 'tokenizer', kind: 'text' },
	{ key: 'usOnlyInference', kind: 'flag' },
	{ key: 'fastMode', kind: 'number' },
	{ key: 'note', kind: 'text' }
] as const;
/** The first band of a custom model: `abovePromptTokens` and its five rates, after CUSTOM_SLOTS. */
const BAND_SLOTS = ['abovePromptTokens', 'inputPerMTok', 'cacheWrite5mPerMTok', 'cacheWrite1hPerMTok', 'cacheReadPerMTok', 'outputPerMTok'] as const;

export const escapeSlot = (t: string) => t.replace(/%/g, '%25').replace(/,/g, '%2C');
export function unescapeSlot(t: string): string {
	try {
		return decodeURIComponent(t);
	} catch {
		return t;
	}
}

export function writeCustom(m: ModelPrice): string {
	const slots: string[] = CUSTOM_SLOTS.map(({ key, kind }) => {
		const v = m[key];
		if (v === undefined) return '';
		if (kind === 'flag') return v ? '1' : '0';
		return kind === 'text' ? escapeSlot(String(v)) : String(v);
	});
	const band = m.bands?.[0];
	if (band) slots.push(...BAND_SLOTS.map((k) => String(band[k])));
	while (slots.length && slots[slots.length - 1] === '') slots.pop();
	return slots.join(',');
}

export function readCustom(id: string, text: string): Record<string, unknown> {
	const slots = text.split(',');
	const model: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	model.id = id;
	CUSTOM_SLOTS.forEach(({ key, kind }, i) => {
		const slot = slots[i];
		if (slot === undefined || slot.trim() === '') return;
		model[key] = kind === 'text' ? unescapeSlot(slot) : kind === 'flag' ? readFlag(slot) : readNumber(slot);
	});
	const bandSlots = slots.slice(CUSTOM_SLOTS.length);
	if (bandSlots.some((t) => t.trim() !== '')) {
		const band: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
		BAND_SLOTS.forEach((k, i) => (band[k] = readNumber(bandSlots[i] ?? '')));
		model.bands = [band];
	}
	return model;
}

/** Percent-encodes a value, leaving `:` and `,` readable (both are allowed in a query). */
export function escapeValue(text: string): string {
	return encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/**
 * The scenario as a query string without the leading `?`, in the current format: `v=3`
 * first, then only the values that differ from its defaults (CURRENT_DEFAULT_SCENARIO) in
 * URL_FIELDS order, then `cm.<id>` in the order of `customModels` and `p.<id>` in the order
 * of `prices`. Numbers are written with String(n), which reads back as the same double.
 * Expects a valid scenario (decoding corrects anything else).
 * Example: encodeScenario({ ...currentDefaultScenario(), cacheHitPercent: 90 }) -> 'v=3&hit=90'.
 */
export function encodeScenario(s: Scenario): string {
	const defaults = FORMAT_DEFAULTS[FORMAT_VERSION] as Readonly<Scenario>;
	const parts: string[] = [`${VERSION_KEY}=${FORMAT_VERSION}`];
	for (const f of URL_FIELDS) {
		if (!f.isDefault(s, defaults)) parts.push(`${f.key}=${escapeValue(f.write(s))}`);
	}
	for (const model of s.customModels) {
		parts.push(`${escapeValue(CUSTOM_KEY_PREFIX + model.id)}=${escapeValue(writeCustom(model))}`);
	}
	for (const [id, override] of Object.entries(s.prices)) {
		parts.push(`${escapeValue(PRICE_KEY_PREFIX + id)}=${escapeValue(writePrice(override))}`);
	}
	return parts.join('&');
}

export interface DecodeOptions {
	/** Keys that belong to the page rather than the scenario (e.g. embed options): ignored silently. */
	ignoreKeys?: readonly string[];
}

/** Keys that link trackers add: ignored silently. */
export function isTrackingKey(key: string): boolean {
	return key.startsWith('utm_') || key === 'fbclid' || key === 'gclid';
}

/** What a correction calls the key, or undefined for a key this version does not know. */
function labelFor(key: string): string | undefined {
	if (key === VERSION_KEY) return FIELD_LABELS.version;
	const field = FIELD_BY_KEY.get(key);
	if (field) return FIELD_LABELS[field.field];
	if (key.startsWith(PRICE_KEY_PREFIX) && key.length <= MAX_KEY_LENGTH) {
		const id = key.slice(PRICE_KEY_PREFIX.length);
		const name = PRICE_SHEETS.flatMap((s) => s.models).find((m) => m.id === id)?.name;
		return name ? `${name} prices` : `Prices for ${quoteSafely(id)}`;
	}
	if (key.startsWith(CUSTOM_KEY_PREFIX) && key.length <= MAX_KEY_LENGTH) {
		return `Custom model ${quoteSafely(key.slice(CUSTOM_KEY_PREFIX.length))}`;
	}
	return undefined;
}

/**
 * The scenario in a query string (with or without its `?`, or a URLSearchParams), and the
 * corrections made reading it. Total: never throws, never logs; hostile input gives the
 * default or a corrected scenario. Rules (docs/scenario.md, "In a URL"):
 * - a repeated key: the first value wins, with a correction;
 * - a value over MAX_VALUE_LENGTH characters is ignored, with a correction;
 * - unknown keys are ignored, listed in one correction (tracking keys such as utm_* and
 *   `options.ignoreKeys` silently); only the first MAX_PAIRS pairs are read;
 * - `v=1` (or none) fills missing keys from DEFAULT_SCENARIO, `v=3` from
 *   CURRENT_DEFAULT_SCENARIO; any other `v`: what this version knows is read on the
 *   version-1 defaults, with a correction;
 * - everything else (ranges, types, unknown models, prefix, mix total) is repairScenario's.
 * Example: decodeScenario('?v=1&hit=140') -> hit ratio 100 and
 * ['Cache hit ratio 140 was above 100; used 100'].
 */
export function decodeScenario(search: string | URLSearchParams, options: DecodeOptions = {}): Repaired {
	try {
		return decode(search, options);
	} catch {
		return { scenario: defaultScenario(), corrections: ['The link could not be read; opened the default scenario'] };
	}
}

function decode(search: string | URLSearchParams, options: DecodeOptions): Repaired {
	// URLSearchParams drops one leading '?', reads '+' as a space and keeps broken
	// percent-encoding as text (or U+FFFD) instead of throwing.
	const params =
		search instanceof URLSearchParams ? search : new URLSearchParams(typeof search === 'string' ? search : '');
	const notes: string[] = [];

	const firstValues = new Map<string, { value: string; count: number }>();
	let pairs = 0;
	for (const [key, value] of params) {
		if (++pairs > MAX_PAIRS) {
			notes.push(`The link has more than ${MAX_PAIRS} settings; read the first ${MAX_PAIRS}`);
			break;
		}
		const seen = firstValues.get(key);
		if (seen) seen.count += 1;
		else firstValues.set(key, { value, count: 1 });
	}

	// Null-prototype records: keys from the link (`__proto__`, `constructor`) stay plain data.
	const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	let prices: Record<string, unknown> | undefined;
	let customModels: Record<string, unknown>[] | undefined;
	let format = 1;
	const unknown: string[] = [];
	for (const [key, { value, count }] of firstValues) {
		const label = labelFor(key);
		if (label === undefined) {
			if (!isTrackingKey(key) && !options.ignoreKeys?.includes(key)) unknown.push(key);
			continue;
		}
		if (count > 1) notes.push(`${label}: set ${count} times in the link; used the first, ${quoteSafely(value)}`);
		if (value.length > MAX_VALUE_LENGTH) {
			notes.push(`${label}: the value in the link is ${showNumber(value.length)} characters long; ignored it`);
			continue;
		}
		if (key === VERSION_KEY) {
			const version = readVersion(value);
			if (version === FORMAT_VERSION) format = version;
			else raw.version = version;
		} else if (key.startsWith(CUSTOM_KEY_PREFIX)) {
			(customModels ??= []).push(readCustom(key.slice(CUSTOM_KEY_PREFIX.length), value));
		} else if (key.startsWith(PRICE_KEY_PREFIX)) {
			prices ??= Object.create(null) as Record<string, unknown>;
			prices[key.slice(PRICE_KEY_PREFIX.length)] = readPrice(value, label, notes);
		} else {
			const field = FIELD_BY_KEY.get(key) as UrlField;
			raw[field.field] = field.read(value, notes);
		}
	}
	if (prices) raw.prices = prices;
	if (customModels) raw.customModels = customModels;

	const repaired = repairScenario(raw, FORMAT_DEFAULTS[format]);
	const corrections = [...notes, ...repaired.corrections];
	if (unknown.length) corrections.push(unknownKeysNote(unknown));
	return { scenario: repaired.scenario, corrections: capCorrections(corrections) };
}

export function unknownKeysNote(keys: readonly string[]): string {
	const shown = keys.slice(0, 3).map(quoteSafely).join(', ');
	const more = keys.length > 3 ? ` and ${keys.length - 3} more` : '';
	return keys.length === 1
		? `Ignored an unknown setting in the link: ${shown}`
		: `Ignored ${keys.length} unknown settings in the link: ${shown}${more}`;
}

/**
 * The page's reading of its own address. A bare address (nothing but tracking keys and
 * `options.ignoreKeys`) is the home page: it opens on CURRENT_DEFAULT_SCENARIO, what a new
 * visitor should see; any scenario key reads as decodeScenario does (a bare `v=1` link
 * still opens the version-1 defaults).
 */
export function decodeAddress(search: string | URLSearchParams, options: DecodeOptions = {}): Repaired {
	const params = search instanceof URLSearchParams ? search : new URLSearchParams(typeof search === 'string' ? search : '');
	const bare = [...params.keys()].every((key) => isTrackingKey(key) || options.ignoreKeys?.includes(key));
	return bare ? { scenario: currentDefaultScenario(), corrections: [] } : decodeScenario(params, options);
}

/** The query the page writes for a scenario: encodeScenario, but '' for the current defaults (a bare address). */
export function encodeAddress(s: Scenario): string {
	const query = encodeScenario(s);
	return query === `${VERSION_KEY}=${FORMAT_VERSION}` ? '' : query;
}
