import { LONE_SURROGATE, safeText } from './text';
import { TOKENIZERS, type PriceSheet, type Tokenizer } from '../pricing/schema';
import { getSheet, PRICE_SHEETS } from '../pricing/sheets';
import { quoteSafely } from '../validation/quoteSafely';
import { V2_DEFAULT_SHEET, emptyScenarioV2, firstDefaultModel, neutralConversation, neutralWorkload } from './defaults';
import {
	CONVERSATION_FIELDS,
	MAX_WORKLOADS,
	REQUEST_FIELDS,
	SETTINGS_FIELDS,
	TEXT_LIMITS,
	TRAFFIC_FIELDS,
	TODAY_LABELS,
	type NumberField
} from './fields';
import { repairForecast, repairWorkloadGrowth } from './forecastSettings';
import { fromV1 } from './fromV1';
import {
	capCorrections,
	isRecord,
	repairCustomModels,
	repairMix,
	repairNumber,
	repairPrices,
	repairScenario,
	showNumber,
	type Checker
} from './repair';
import {
	PLAN_LEVERS,
	type CacheTtl,
	type ConversationCaching,
	type ConversationWorkload,
	type PlanLever,
	type RequestCaching,
	type RequestWorkload,
	type ScenarioV2,
	type Traffic,
	type Workload
} from './types';

/** A version-2 scenario made valid, and one plain-words sentence per change made to get there. */
export interface RepairedV2 {
	scenario: ScenarioV2;
	corrections: string[];
}

/** A zod-free check of a number against its field row. */
function checker(f: Pick<NumberField, 'min' | 'max' | 'integer'>): Checker {
	return {
		safeParse: (v: unknown) => ({
			success: typeof v === 'number' && Number.isFinite(v) && v >= f.min && v <= f.max && (!f.integer || Number.isInteger(v))
		})
	};
}

/** A number field of a table: the given value, clamped or rounded with a correction, or the fallback. */
export function repairField(value: unknown, f: NumberField, label: string, fallback: number, out: string[]): number {
	return repairNumber(value, checker(f), f, label, fallback, `used ${showNumber(fallback)}`, out) ?? fallback;
}

/**
 * Makes any JSON-ish value a valid version-2 scenario, field by field, and says what it
 * changed. Total: never throws. A version-1 scenario (no `version`, or `version: 1`, and no
 * `workloads`) is repaired as version 1 and read as version 2 (docs/pricing-model.md §9).
 * - missing fields take their defaults silently; a missing Planned setting equals Today's
 *   (a neutral plan); unknown fields are ignored;
 * - numbers out of range are clamped, whole-number fields rounded (the field tables);
 * - text is cut to its limit, with control and direction-changing characters removed;
 * - the lever order must name each of the five levers once, else the default order;
 * - one to MAX_WORKLOADS workloads (none: one neutral workload).
 */
export function repairScenarioV2(data: unknown): RepairedV2 {
	try {
		if (!isVersion2(data)) {
			const v1 = repairScenario(data);
			return { scenario: fromV1(v1.scenario), corrections: v1.corrections };
		}
		const out: string[] = [];
		const scenario = repair(data, out);
		return { scenario, corrections: capCorrections(out) };
	} catch {
		return { scenario: emptyScenarioV2(), corrections: ['The scenario could not be read; opened an empty scenario'] };
	}
}

/** A value meant as version 2: `version: 2`, or a `workloads` list. */
export function isVersion2(data: unknown): data is Record<string, unknown> {
	return isRecord(data) && (data.version === 2 || Object.hasOwn(data, 'workloads'));
}

function repair(data: Record<string, unknown>, out: string[]): ScenarioV2 {
	const get = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
	if (get('version') !== undefined && get('version') !== 2) {
		out.push(`Format version ${quoteSafely(get('version'))} does not go with a list of workloads; read it as version 2`);
	}
	const shipped = repairSheetV2(get('priceSheet'), out);
	const customModels = repairCustomModels(get('customModels'), shipped, out);
	const sheet: PriceSheet = customModels.length ? { ...shipped, models: [...shipped.models, ...customModels] } : shipped;
	const scenario: ScenarioV2 = {
		version: 2,
		name: repairText(get('name'), 'Scenario name', TEXT_LIMITS.name, '', out),
		notes: repairText(get('notes'), 'Notes', TEXT_LIMITS.notes, '', out, true),
		priceSheet: shipped.id,
		prices: repairPrices(get('prices'), sheet, out),
		customModels,
		usOnlyInference: repairFlag(get('usOnlyInference'), 'US-only inference', false, out),
		adjustForTokenizer: repairFlag(get('adjustForTokenizer'), 'Adjust for tokenizer', true, out),
		leverOrder: repairOrder(get('leverOrder'), out),
		workloads: repairWorkloads(get('workloads'), sheet, out)
	};
	// Present only when it differs from the defaults (./forecastSettings.ts).
	const forecast = repairForecast(get('forecast'), out);
	return forecast ? { ...scenario, forecast } : scenario;
}

function repairSheetV2(value: unknown, out: string[]): PriceSheet {
	if (typeof value === 'string' && PRICE_SHEETS.some((s) => s.id === value)) return getSheet(value);
	const fallback = getSheet(V2_DEFAULT_SHEET);
	if (value !== undefined) out.push(`Price sheet ${quoteSafely(value)} is not known; used ${fallback.name}`);
	return fallback;
}

/** Text as given, cut to `max` characters, without control or direction-changing characters (said so). */
export function repairText(value: unknown, label: string, max: number, fallback: string, out: string[], multiline = false): string {
	if (value === undefined) return fallback;
	if (typeof value !== 'string') {
		out.push(`${label} ${quoteSafely(value)} is not text; ${fallback ? `used ${quoteSafely(fallback)}` : 'left it empty'}`);
		return fallback;
	}
	let text = safeText(value, multiline);
	if (text !== value) out.push(`${label}: removed control or direction-changing characters`);
	if (text.length > max) {
		out.push(`${label} is ${text.length} characters long; kept the first ${max}`);
		text = text.slice(0, max).replace(LONE_SURROGATE, ''); // never half a character at the cut
	}
	return text;
}

function repairFlag(value: unknown, label: string, fallback: boolean, out: string[]): boolean {
	if (typeof value === 'boolean') return value;
	if (value !== undefined) out.push(`${label} ${quoteSafely(value)} is not true or false; used ${fallback ? 'on' : 'off'}`);
	return fallback;
}

function repairOrder(value: unknown, out: string[]): PlanLever[] {
	if (value === undefined) return [...PLAN_LEVERS];
	const ok =
		Array.isArray(value) &&
		value.length === PLAN_LEVERS.length &&
		PLAN_LEVERS.every((l) => value.includes(l));
	if (ok) return [...(value as PlanLever[])];
	out.push(`Lever order ${quoteSafely(value)} does not name each of ${PLAN_LEVERS.join(', ')} once; used the default order`);
	return [...PLAN_LEVERS];
}

function repairWorkloads(value: unknown, sheet: PriceSheet, out: string[]): Workload[] {
	const fresh = () => [neutralWorkload('Workload 1', firstDefaultModel(sheet))];
	if (!Array.isArray(value)) {
		out.push(value === undefined ? 'The scenario has no workloads; added one' : `Workloads ${quoteSafely(value)} are not a list; used one new workload`);
		return fresh();
	}
	if (value.length === 0) {
		out.push('The scenario has no workloads; added one');
		return fresh();
	}
	if (value.length > MAX_WORKLOADS) out.push(`A scenario holds at most ${MAX_WORKLOADS} workloads; left out the other ${value.length - MAX_WORKLOADS}`);
	return value.slice(0, MAX_WORKLOADS).map((w, i) => repairWorkload(w, i, sheet, out));
}

function repairWorkload(value: unknown, index: number, sheet: PriceSheet, out: string[]): Workload {
	const fallbackName = `Workload ${index + 1}`;
	if (!isRecord(value)) {
		out.push(`${fallbackName} ${quoteSafely(value)} is not a set of fields; used a new workload`);
		return neutralWorkload(fallbackName, firstDefaultModel(sheet));
	}
	const get = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
	// A workload always has a name to show (its region, tables and charts are named after it).
	const typed = repairText(get('name'), `${fallbackName} name`, TEXT_LIMITS.workloadName, fallbackName, out);
	const name = typed.trim() ? typed : fallbackName;
	if (name !== typed) out.push(`${fallbackName} name is empty; used ${quoteSafely(fallbackName)}`);
	const kind = get('kind');
	if (kind !== undefined && kind !== 'requests' && kind !== 'conversations') {
		out.push(`${name}: kind ${quoteSafely(kind)} is not requests or conversations; used requests`);
	}
	const conversations = kind === 'conversations';
	const base = conversations ? neutralConversation(name, firstDefaultModel(sheet)) : neutralWorkload(name, firstDefaultModel(sheet));
	const label = (l: string) => `${name}: ${l}`;
	const numbers = (conversations ? CONVERSATION_FIELDS : REQUEST_FIELDS) as readonly NumberField[];
	const fields: Record<string, number> = {};
	for (const f of numbers) fields[f.key] = repairField(get(f.key), f, label(f.label), f.default, out);
	if (!conversations && fields.cachedPrefixTokens! > fields.inputTokens!) {
		out.push(`${label('Cached prefix tokens')} ${showNumber(fields.cachedPrefixTokens!)} was above the input tokens per request (${showNumber(fields.inputTokens!)}); used ${showNumber(fields.inputTokens!)}`);
		fields.cachedPrefixTokens = fields.inputTokens!;
	}
	const tokensCountedOn = repairTokenizerV2(get('tokensCountedOn'), label('Token counts measured on'), base.tokensCountedOn, out);
	const growthPercent = repairWorkloadGrowth(get('growthPercent'), name, out);
	const growth = growthPercent === undefined ? {} : { growthPercent };
	const traffic = repairTraffic(get('traffic'), label, out);
	const todayMix = base.today.mixPercent;

	const today = isRecord(get('today')) ? (get('today') as Record<string, unknown>) : undefined;
	if (get('today') !== undefined && !today) out.push(`${label('Today')} ${quoteSafely(get('today'))} is not a set of settings; used the defaults`);
	const planned = isRecord(get('planned')) ? (get('planned') as Record<string, unknown>) : undefined;
	if (get('planned') !== undefined && !planned) out.push(`${label('Planned')} ${quoteSafely(get('planned'))} is not a set of settings; used Today's`);

	const at = (o: Record<string, unknown> | undefined, key: string): unknown => (o && Object.hasOwn(o, key) ? o[key] : undefined);
	const mix = (o: Record<string, unknown> | undefined, l: string, fallback: () => Record<string, number>) =>
		repairMix(at(o, 'mixPercent'), sheet, out, label(l), fallback, (n) => label(l === 'Today' ? TODAY_LABELS.share(n) : `${n} share`), l === 'Today' ? 'the default mix' : "Today's mix");
	const todayMixRepaired = mix(today, 'Today', () => ({ ...todayMix }));
	const plannedMix = at(planned, 'mixPercent') === undefined ? { ...todayMixRepaired } : mix(planned, 'Planned', () => ({ ...todayMixRepaired }));

	const flag = (o: Record<string, unknown> | undefined, key: string, l: string, fallback: boolean) => repairFlag(at(o, key), label(l), fallback, out);
	const pct = (o: Record<string, unknown> | undefined, key: keyof typeof SETTINGS_FIELDS, l: string, fallback: number) =>
		repairField(at(o, key), SETTINGS_FIELDS[key], label(l), fallback, out);

	if (conversations) {
		const cachingToday = repairConversationCaching(at(today, 'caching'), label(TODAY_LABELS.caching), null, out);
		const t = { mixPercent: todayMixRepaired, caching: cachingToday, fastMode: flag(today, 'fastMode', TODAY_LABELS.fastMode, false) };
		const workload: ConversationWorkload = {
			...(base as ConversationWorkload),
			...(fields as unknown as Pick<ConversationWorkload, 'conversationsPerMonth'>),
			name,
			kind: 'conversations',
			tokensCountedOn,
			traffic,
			today: t,
			planned: {
				mixPercent: plannedMix,
				caching: repairConversationCaching(at(planned, 'caching'), label('Prompt caching'), t.caching, out),
				fastMode: flag(planned, 'fastMode', 'Fast mode', t.fastMode),
				inputTrimPercent: pct(planned, 'inputTrimPercent', 'Input trimmed', 0),
				outputTrimPercent: pct(planned, 'outputTrimPercent', 'Output trimmed', 0)
			},
			...growth
		};
		return workload;
	}
	const cachingToday = repairRequestCaching(at(today, 'caching'), label(TODAY_LABELS.caching), null, out);
	const t = {
		mixPercent: todayMixRepaired,
		caching: cachingToday,
		batchPercent: pct(today, 'batchPercent', TODAY_LABELS.batchPercent, 0),
		fastMode: flag(today, 'fastMode', TODAY_LABELS.fastMode, false)
	};
	const workload: RequestWorkload = {
		...(base as RequestWorkload),
		...(fields as unknown as Pick<RequestWorkload, 'requestsPerMonth'>),
		name,
		kind: 'requests',
		tokensCountedOn,
		traffic,
		today: t,
		planned: {
			mixPercent: plannedMix,
			caching: repairRequestCaching(at(planned, 'caching'), label('Prompt caching'), t.caching, out),
			batchPercent: pct(planned, 'batchPercent', 'Batch share', t.batchPercent),
			fastMode: flag(planned, 'fastMode', 'Fast mode', t.fastMode),
			inputTrimPercent: pct(planned, 'inputTrimPercent', 'Input trimmed', 0),
			outputTrimPercent: pct(planned, 'outputTrimPercent', 'Output trimmed', 0)
		},
		...growth
	};
	return workload;
}

function repairTtlV2(value: unknown, label: string, fallback: CacheTtl, out: string[]): CacheTtl {
	if (value === '5m' || value === '1h') return value;
	if (value !== undefined) out.push(`${label} ${quoteSafely(value)} is not 5m or 1h; used ${fallback}`);
	return fallback;
}

function repairRequestCaching(value: unknown, label: string, fallback: RequestCaching | null, out: string[]): RequestCaching | null {
	if (value === null) return null;
	if (value === undefined) return fallback && { ...fallback };
	if (!isRecord(value)) {
		out.push(`${label} ${quoteSafely(value)} is not caching settings (or null for off); used ${fallback ? 'the other column' : 'off'}`);
		return fallback && { ...fallback };
	}
	return {
		ttl: repairTtlV2(value.ttl, `${label}: TTL`, fallback?.ttl ?? '5m', out),
		hitPercent: repairField(value.hitPercent, SETTINGS_FIELDS.hitPercent, `${label}: hit ratio`, fallback?.hitPercent ?? 0, out)
	};
}

function repairConversationCaching(value: unknown, label: string, fallback: ConversationCaching | null, out: string[]): ConversationCaching | null {
	if (value === null) return null;
	if (value === undefined) return fallback && { ...fallback };
	if (!isRecord(value)) {
		out.push(`${label} ${quoteSafely(value)} is not caching settings (or null for off); used ${fallback ? 'the other column' : 'off'}`);
		return fallback && { ...fallback };
	}
	return {
		ttl: repairTtlV2(value.ttl, `${label}: TTL`, fallback?.ttl ?? '5m', out),
		systemHitPercent: repairField(value.systemHitPercent, SETTINGS_FIELDS.systemHitPercent, `${label}: system prompt hit ratio`, fallback?.systemHitPercent ?? 0, out)
	};
}

function repairTraffic(value: unknown, label: (l: string) => string, out: string[]): Traffic | null {
	if (value === undefined || value === null) return null;
	if (!isRecord(value)) {
		out.push(`${label('Traffic')} ${quoteSafely(value)} is not a set of fields; typed hit ratios are used`);
		return null;
	}
	const traffic: Record<string, number> = {};
	for (const f of TRAFFIC_FIELDS) traffic[f.key] = repairField(Object.hasOwn(value, f.key) ? value[f.key] : undefined, f, label(f.label), f.default, out);
	return traffic as unknown as Traffic;
}

function repairTokenizerV2(value: unknown, label: string, fallback: Tokenizer, out: string[]): Tokenizer {
	if ((TOKENIZERS as readonly unknown[]).includes(value)) return value as Tokenizer;
	if (value !== undefined) out.push(`${label} ${quoteSafely(value)} is not legacy or 2026; used ${fallback}`);
	return fallback;
}

