/**
 * Version-2 scenarios (workloads, Today and Planned) in the query string: link format 4
 * (docs/scenario.md, "Workload links").
 *
 *   ?v=4&name=Acme&w1.n=Support%20triage&w1.req=300000&w1.in=13500&w1.pre=12000&w1.out=800
 *    &w1.tok=legacy&w1.mix=sonnet-4-6:100&w1.pmix=sonnet-5-5:70,haiku-5-5:30&w1.pcache=1h:90
 *
 * Only what differs from the defaults is written: a scenario-wide value when it is not the
 * default, a workload value when it is not a new workload's, and a Planned value when it is
 * not Today's (so a neutral plan writes no Planned key at all). Decoding builds the
 * scenario's JSON object and hands it to repairScenarioV2, the same repair as a file.
 * Links of formats 1 and 3 (no `v`, `v=1`, `v=3`) are read by decodeScenario and opened as
 * version 2 (fromV1), with the figures they always showed.
 *
 * COMPATIBILITY: as for urlCodec.ts. Never rename, remove, reorder or reinterpret a key or a
 * value format; add keys at the end of their table; the defaults of format 4 never change.
 */
import type { PriceSheet } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { quoteSafely } from '../validation/quoteSafely';
import { V2_DEFAULT_SHEET, exampleScenarioV2, firstDefaultModel } from './defaults';
import { CONVERSATION_FIELDS, MAX_WORKLOADS, REQUEST_FIELDS, SETTINGS_FIELDS, TEXT_LIMITS, TRAFFIC_FIELDS, type NumberField } from './fields';
import { FORECAST_FIELDS, START_MONTH_FIELD } from './forecastSettings';
import { fromV1 } from './fromV1';
import { capCorrections, showNumber } from './repair';
import { repairScenarioV2, type RepairedV2 } from './repairV2';
import { PLAN_LEVERS, type ScenarioV2, type Workload } from './types';
import {
	CUSTOM_KEY_PREFIX,
	MAX_PAIRS,
	MAX_VALUE_LENGTH,
	PRICE_KEY_PREFIX,
	VERSION_KEY,
	decodeScenario,
	escapeValue,
	isTrackingKey,
	readCustom,
	readFlag,
	readMix,
	readNumber,
	readPrice,
	readVersion,
	sameMix,
	unknownKeysNote,
	writeCustom,
	writeMix,
	writePrice,
	type DecodeOptions
} from './urlCodec';

/** The link format of version-2 scenarios. */
export const LINK_FORMAT = 4;
/** Workload keys start `w<n>.`, n = 1..MAX_WORKLOADS. */
const WORKLOAD_KEY = /^w([1-9][0-9]?)\.([a-z]+)$/;

/** Scenario-wide keys, in the order they are written after `v` (the forecast's after `w`: appended later). */
const SCENARIO_KEYS = ['name', 'notes', 'sheet', 'us', 'adj', 'order', 'w', START_MONTH_FIELD.url, FORECAST_FIELDS.horizonMonths.url, FORECAST_FIELDS.growthPercent.url] as const;

/** Per workload, after `w<n>.`, in the order they are written (the numbers come from the field tables). */
const TEXT_KEYS = { name: 'n', kind: 'k', tokensCountedOn: 'tok', traffic: 'tr' } as const;
const SETTING_KEYS = {
	todayMix: 'mix',
	todayCaching: 'cache',
	todayBatch: 'batch',
	todayFast: 'fast',
	plannedMix: 'pmix',
	plannedCaching: 'pcache',
	plannedBatch: 'pbatch',
	plannedFast: 'pfast',
	inputTrim: SETTINGS_FIELDS.inputTrimPercent.url,
	outputTrim: SETTINGS_FIELDS.outputTrimPercent.url
} as const;
/** Keys of one kind of workload only (`ws` belongs to both; conversations never batch). */
const REQUEST_ONLY_KEYS = new Set([...REQUEST_FIELDS.map((f) => f.url), SETTING_KEYS.todayBatch, SETTING_KEYS.plannedBatch].filter((k) => !CONVERSATION_FIELDS.some((f) => f.url === k)));
const CONVERSATION_ONLY_KEYS = new Set(CONVERSATION_FIELDS.map((f) => f.url).filter((k) => !REQUEST_FIELDS.some((f) => f.url === k)));
/** A workload's own monthly growth, written after its other keys (appended later). */
const WORKLOAD_GROWTH_KEY = FORECAST_FIELDS.growthPercent.url;

// ---------------------------------------------------------------------------------------
// Encoding

/** Caching as `5m:90` (TTL and hit ratio, or system prompt hit ratio), or `off`. */
function writeCaching(c: { ttl: string; hitPercent?: number; systemHitPercent?: number } | null): string {
	return c ? `${c.ttl}:${String(c.hitPercent ?? c.systemHitPercent ?? 0)}` : 'off';
}

const sameCaching = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const flag = (b: boolean) => (b ? '1' : '0');

function encodeWorkload(w: Workload, index: number, sheet: PriceSheet): string[] {
	const parts: string[] = [];
	const put = (key: string, value: string) => parts.push(`w${index + 1}.${key}=${escapeValue(value)}`);
	if (w.name !== `Workload ${index + 1}`) put(TEXT_KEYS.name, w.name);
	if (w.kind !== 'requests') put(TEXT_KEYS.kind, w.kind);
	const numbers = (w.kind === 'requests' ? REQUEST_FIELDS : CONVERSATION_FIELDS) as readonly NumberField[];
	for (const f of numbers) {
		const v = (w as unknown as Record<string, number>)[f.key] as number;
		if (v !== f.default) put(f.url, String(v));
	}
	if (w.tokensCountedOn !== '2026') put(TEXT_KEYS.tokensCountedOn, w.tokensCountedOn);
	if (w.traffic) put(TEXT_KEYS.traffic, TRAFFIC_FIELDS.map((f) => String(w.traffic?.[f.key])).join(','));

	const defaultMix = { [firstDefaultModel(sheet)]: 100 };
	if (!sameMix(w.today.mixPercent, defaultMix)) put(SETTING_KEYS.todayMix, writeMix(w.today.mixPercent));
	if (w.today.caching) put(SETTING_KEYS.todayCaching, writeCaching(w.today.caching));
	if (w.kind === 'requests' && w.today.batchPercent !== 0) put(SETTING_KEYS.todayBatch, String(w.today.batchPercent));
	if (w.today.fastMode) put(SETTING_KEYS.todayFast, '1');

	if (!sameMix(w.planned.mixPercent, w.today.mixPercent)) put(SETTING_KEYS.plannedMix, writeMix(w.planned.mixPercent));
	if (!sameCaching(w.planned.caching, w.today.caching)) put(SETTING_KEYS.plannedCaching, writeCaching(w.planned.caching));
	if (w.kind === 'requests' && w.planned.batchPercent !== w.today.batchPercent) put(SETTING_KEYS.plannedBatch, String(w.planned.batchPercent));
	if (w.planned.fastMode !== w.today.fastMode) put(SETTING_KEYS.plannedFast, flag(w.planned.fastMode));
	if (w.planned.inputTrimPercent !== 0) put(SETTING_KEYS.inputTrim, String(w.planned.inputTrimPercent));
	if (w.planned.outputTrimPercent !== 0) put(SETTING_KEYS.outputTrim, String(w.planned.outputTrimPercent));
	if (typeof w.growthPercent === 'number') put(WORKLOAD_GROWTH_KEY, String(w.growthPercent));
	return parts;
}

/**
 * A version-2 scenario as a query string without the leading `?`: `v=4`, the scenario-wide
 * values that differ from the defaults, each workload's keys, then `cm.<id>` and `p.<id>`.
 * Expects a valid scenario (decoding corrects anything else).
 */
export function encodeLink(s: ScenarioV2): string {
	const sheet = getSheet(s.priceSheet);
	const parts: string[] = [`${VERSION_KEY}=${LINK_FORMAT}`];
	const put = (key: (typeof SCENARIO_KEYS)[number], value: string) => parts.push(`${key}=${escapeValue(value)}`);
	if (s.name) put('name', s.name);
	if (s.notes) put('notes', s.notes);
	if (s.priceSheet !== V2_DEFAULT_SHEET) put('sheet', s.priceSheet);
	if (s.usOnlyInference) put('us', '1');
	if (!s.adjustForTokenizer) put('adj', '0');
	if (s.leverOrder.join(',') !== PLAN_LEVERS.join(',')) put('order', s.leverOrder.join(','));
	if (s.workloads.length !== 1) put('w', String(s.workloads.length));
	// The forecast: only what differs from its defaults; a start month only when one was picked.
	if (s.forecast?.startMonth !== undefined) put(START_MONTH_FIELD.url, s.forecast.startMonth);
	if (s.forecast && s.forecast.horizonMonths !== FORECAST_FIELDS.horizonMonths.default) put(FORECAST_FIELDS.horizonMonths.url, String(s.forecast.horizonMonths));
	if (s.forecast && s.forecast.growthPercent !== FORECAST_FIELDS.growthPercent.default) put(FORECAST_FIELDS.growthPercent.url, String(s.forecast.growthPercent));
	s.workloads.forEach((w, i) => parts.push(...encodeWorkload(w, i, sheet)));
	for (const model of s.customModels) parts.push(`${escapeValue(CUSTOM_KEY_PREFIX + model.id)}=${escapeValue(writeCustom(model))}`);
	for (const [id, override] of Object.entries(s.prices)) parts.push(`${escapeValue(PRICE_KEY_PREFIX + id)}=${escapeValue(writePrice(override))}`);
	return parts.join('&');
}

// ---------------------------------------------------------------------------------------
// Decoding

function readCaching(text: string, field: 'hitPercent' | 'systemHitPercent'): unknown {
	const t = text.trim();
	if (t === 'off') return null;
	const colon = t.indexOf(':');
	if (colon < 0) return text; // repairScenarioV2 says it is not caching settings
	return { ttl: t.slice(0, colon), [field]: readNumber(t.slice(colon + 1)) };
}

function readTraffic(text: string): unknown {
	const slots = text.split(',');
	return Object.fromEntries(TRAFFIC_FIELDS.map((f, i) => [f.key, readNumber(slots[i] ?? '')]));
}

/**
 * A link of any format as a version-2 scenario, with the corrections made reading it. Total:
 * never throws, never logs. Format 4 is read here; formats 1 and 3 by decodeScenario, then
 * opened as version 2 (their figures unchanged). Rules as decodeScenario's: a repeated key
 * keeps its first value, long values and unknown keys are ignored with a correction.
 */
export function decodeLink(search: string | URLSearchParams, options: DecodeOptions = {}): RepairedV2 {
	const params = search instanceof URLSearchParams ? search : new URLSearchParams(typeof search === 'string' ? search : '');
	try {
		if (readVersion(params.get(VERSION_KEY) ?? '') !== LINK_FORMAT) {
			const v1 = decodeScenario(params, options);
			return { scenario: fromV1(v1.scenario), corrections: v1.corrections };
		}
		return decode(params, options);
	} catch {
		const v1 = decodeScenario('', options);
		return { scenario: fromV1(v1.scenario), corrections: ['The link could not be read; opened the default scenario'] };
	}
}

function decode(params: URLSearchParams, options: DecodeOptions): RepairedV2 {
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

	const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	raw.version = 2;
	const workloads: Record<string, unknown>[] = [];
	const workload = (n: number) => (workloads[n - 1] ??= Object.create(null) as Record<string, unknown>);
	const setting = (n: number, column: 'today' | 'planned') => ((workload(n)[column] as Record<string, unknown> | undefined) ?? (workload(n)[column] = Object.create(null) as Record<string, unknown>)) as Record<string, unknown>;
	let count: unknown;
	const unknown: string[] = [];
	/** The keys each workload gave (`req`, `mix`...), by workload index. */
	const givenKeys: string[][] = [];
	const prices: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
	const customModels: Record<string, unknown>[] = [];
	const forecast = () => ((raw.forecast as Record<string, unknown> | undefined) ?? (raw.forecast = Object.create(null) as Record<string, unknown>)) as Record<string, unknown>;

	for (const [key, { value, count: times }] of firstValues) {
		if (times > 1) notes.push(`${quoteSafely(key)}: set ${times} times in the link; used the first, ${quoteSafely(value)}`);
		// Notes may be longer than any other value (TEXT_LIMITS.notes): a valid scenario's notes always fit.
		if (value.length > (key === 'notes' ? Math.max(MAX_VALUE_LENGTH, TEXT_LIMITS.notes) : MAX_VALUE_LENGTH)) {
			notes.push(`${quoteSafely(key)}: the value in the link is ${showNumber(value.length)} characters long; ignored it`);
			continue;
		}
		if (key === VERSION_KEY) continue;
		const text = value.trim();
		switch (key) {
			case 'name':
			case 'notes':
				raw[key] = value;
				continue;
			case 'sheet':
				raw.priceSheet = text;
				continue;
			case 'us':
				raw.usOnlyInference = readFlag(value);
				continue;
			case 'adj':
				raw.adjustForTokenizer = readFlag(value);
				continue;
			case 'order':
				raw.leverOrder = text.split(',').map((l) => l.trim());
				continue;
			case 'w':
				count = readNumber(value);
				continue;
			case START_MONTH_FIELD.url:
				forecast()[START_MONTH_FIELD.key] = text;
				continue;
			case FORECAST_FIELDS.horizonMonths.url:
				forecast()[FORECAST_FIELDS.horizonMonths.key] = readNumber(value);
				continue;
			case FORECAST_FIELDS.growthPercent.url:
				forecast()[FORECAST_FIELDS.growthPercent.key] = readNumber(value);
				continue;
		}
		if (key.startsWith(CUSTOM_KEY_PREFIX)) {
			customModels.push(readCustom(key.slice(CUSTOM_KEY_PREFIX.length), value));
			continue;
		}
		if (key.startsWith(PRICE_KEY_PREFIX)) {
			prices[key.slice(PRICE_KEY_PREFIX.length)] = readPrice(value, `Prices for ${quoteSafely(key.slice(PRICE_KEY_PREFIX.length))}`, notes);
			continue;
		}
		const match = WORKLOAD_KEY.exec(key);
		const n = match ? Number(match[1]) : 0;
		if (!match || n > MAX_WORKLOADS || !readWorkloadKey(match[2] as string, value, n, workload, setting, notes)) {
			if (!isTrackingKey(key) && !options.ignoreKeys?.includes(key)) unknown.push(key);
		} else (givenKeys[n - 1] ??= []).push(match[2] as string);
	}
	// The kind may come after its numbers, so the other kind's keys are known only now.
	workloads.forEach((w, i) => {
		const conversations = w.kind === 'conversations';
		const foreign = (givenKeys[i] ?? []).filter((k) => (conversations ? REQUEST_ONLY_KEYS : CONVERSATION_ONLY_KEYS).has(k));
		if (foreign.length === 0) return;
		const one = foreign.length === 1;
		notes.push(
			`Workload ${i + 1}: ${foreign.map((k) => quoteSafely(`w${i + 1}.${k}`)).join(', ')} ${one ? 'is a setting' : 'are settings'} of ${conversations ? 'request' : 'conversation'} workloads; ignored ${one ? 'it' : 'them'}`
		);
	});

	// `w` gives the count; a workload with no key of its own is a new, neutral one.
	const given = typeof count === 'number' && Number.isInteger(count) && count >= 1 ? Math.min(count, MAX_WORKLOADS) : 1;
	if (count !== undefined && given !== count) notes.push(`Workloads: ${quoteSafely(count)} is not a count from 1 to ${MAX_WORKLOADS}; read ${given}`);
	const total = Math.max(given, workloads.length);
	raw.workloads = Array.from({ length: total }, (_, i) => {
		const w = workloads[i] ?? (Object.create(null) as Record<string, unknown>);
		w.name ??= `Workload ${i + 1}`;
		return w;
	});
	if (Object.keys(prices).length) raw.prices = prices;
	if (customModels.length) raw.customModels = customModels;

	const repaired = repairScenarioV2(raw);
	const corrections = [...notes, ...repaired.corrections];
	if (unknown.length) corrections.push(unknownKeysNote(unknown));
	return { scenario: repaired.scenario, corrections: capCorrections(corrections) };
}

/** Reads one `w<n>.<key>` into the raw workload; false for a key this format does not know. */
function readWorkloadKey(
	key: string,
	value: string,
	n: number,
	workload: (n: number) => Record<string, unknown>,
	setting: (n: number, column: 'today' | 'planned') => Record<string, unknown>,
	notes: string[]
): boolean {
	const w = workload(n);
	const cachingField = () => (w.kind === 'conversations' ? 'systemHitPercent' : 'hitPercent');
	switch (key) {
		case TEXT_KEYS.name:
			w.name = value;
			return true;
		case TEXT_KEYS.kind:
			w.kind = value.trim();
			fixCachingField(w);
			return true;
		case TEXT_KEYS.tokensCountedOn:
			w.tokensCountedOn = value.trim();
			return true;
		case TEXT_KEYS.traffic:
			w.traffic = readTraffic(value);
			return true;
		case SETTING_KEYS.todayMix:
			setting(n, 'today').mixPercent = readMix(value, notes, `Workload ${n}, Today`);
			return true;
		case SETTING_KEYS.plannedMix:
			setting(n, 'planned').mixPercent = readMix(value, notes, `Workload ${n}, Planned`);
			return true;
		case SETTING_KEYS.todayCaching:
			setting(n, 'today').caching = readCaching(value, cachingField());
			return true;
		case SETTING_KEYS.plannedCaching:
			setting(n, 'planned').caching = readCaching(value, cachingField());
			return true;
		case SETTING_KEYS.todayBatch:
			setting(n, 'today').batchPercent = readNumber(value);
			return true;
		case SETTING_KEYS.plannedBatch:
			setting(n, 'planned').batchPercent = readNumber(value);
			return true;
		case SETTING_KEYS.todayFast:
			setting(n, 'today').fastMode = readFlag(value);
			return true;
		case SETTING_KEYS.plannedFast:
			setting(n, 'planned').fastMode = readFlag(value);
			return true;
		case SETTING_KEYS.inputTrim:
			setting(n, 'planned').inputTrimPercent = readNumber(value);
			return true;
		case SETTING_KEYS.outputTrim:
			setting(n, 'planned').outputTrimPercent = readNumber(value);
			return true;
		case WORKLOAD_GROWTH_KEY:
			w.growthPercent = readNumber(value);
			return true;
	}
	// A number of either kind's table (the kind may come later in the link: both are kept,
	// repairScenarioV2 reads the ones of the workload's kind).
	const field = [...REQUEST_FIELDS, ...CONVERSATION_FIELDS].filter((f) => f.url === key);
	if (field.length === 0) return false;
	for (const f of field) w[f.key] = readNumber(value);
	return true;
}

/** Caching read before the kind: conversations keep their ratio as the system prompt hit ratio. */
function fixCachingField(w: Record<string, unknown>): void {
	if (w.kind !== 'conversations') return;
	for (const column of ['today', 'planned'] as const) {
		const c = (w[column] as Record<string, unknown> | undefined)?.caching as Record<string, unknown> | null | undefined;
		if (c && typeof c === 'object' && 'hitPercent' in c) {
			c.systemHitPercent = c.hitPercent;
			delete c.hitPercent;
		}
	}
}

// ---------------------------------------------------------------------------------------
// The page's own address

/**
 * The page's reading of its address. A bare address (nothing but tracking keys and
 * `options.ignoreKeys`) is the home page: a first visit, which opens the labelled example.
 */
export function decodePageAddress(search: string | URLSearchParams, options: DecodeOptions = {}): RepairedV2 {
	const params = search instanceof URLSearchParams ? search : new URLSearchParams(typeof search === 'string' ? search : '');
	const bare = [...params.keys()].every((key) => isTrackingKey(key) || options.ignoreKeys?.includes(key));
	return bare ? { scenario: exampleScenarioV2(), corrections: [] } : decodeLink(params, options);
}

/** The query the page writes: encodeLink, or '' for the first-visit example (a bare address). */
export function encodePageAddress(s: ScenarioV2): string {
	const query = encodeLink(s);
	return query === encodeLink(exampleScenarioV2()) ? '' : query;
}

