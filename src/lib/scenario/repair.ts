import { LONE_SURROGATE } from './text';
import { TOKENIZERS, modelPriceSchema, type ModelPrice, type PriceSheet, type Tokenizer } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { describeIssues } from '../validation/describeIssues';
import { quoteSafely } from '../validation/quoteSafely';
import { DEFAULT_SCENARIO, defaultScenario } from './defaults';
import { normalizeMix } from './mix';
import { PRICE_FIELD_ROWS, sheetValue } from './priceFields';
import {
	BOUNDS,
	MAX_CUSTOM_MODELS,
	MIX_TOLERANCE,
	mixTotal,
	parseScenario,
	percentSchema,
	priceSchema,
	tokensSchema,
	scenarioFieldSchemas as fields,
	type Bounds,
	type CacheTtl,
	type PriceOverride,
	type Scenario
} from './schema';

/** A scenario made valid, and one plain-words sentence per change made to get there. */
export interface Repaired {
	scenario: Scenario;
	corrections: string[];
}

/** The names the page shows for each field; corrections use them. */
export const FIELD_LABELS = {
	version: 'Format version',
	priceSheet: 'Price sheet',
	requestsPerMonth: 'Requests per month',
	inputTokens: 'Input tokens per request',
	cachedPrefixTokens: 'Cached prefix tokens',
	outputTokens: 'Output tokens per request',
	baselineModel: 'Baseline model',
	mixPercent: 'Model mix',
	cacheHitPercent: 'Cache hit ratio',
	cacheTtl: 'Cache TTL',
	batchPercent: 'Batch share',
	inputTrimPercent: 'Input trimmed',
	outputTrimPercent: 'Output trimmed',
	prices: 'Price overrides',
	customModels: 'Custom models',
	usOnlyInference: 'US-only inference',
	adjustForTokenizer: 'Adjust for tokenizer',
	tokensCountedOn: 'Token counts measured on',
	webSearchesPerRequest: 'Web searches per request'
} as const satisfies Record<keyof Scenario, string>;

/**
 * The fields of one price override, in the order links write them (append only: a link's
 * `p.<id>` slots are positional), with the words after the model name on the page and the
 * schema that checks a value. The rows themselves live in ./priceFields (no zod).
 */
export const PRICE_FIELDS = PRICE_FIELD_ROWS.map((row) => ({ ...row, schema: row.kind === 'tokens' ? tokensSchema : priceSchema }));

export { sheetValue };


/** A notice longer than this many sentences ends with "...and N more corrections". */
export const MAX_CORRECTIONS = 25;

export interface Checker {
	safeParse(value: unknown): { success: boolean };
}

/**
 * Makes any JSON-ish value a valid scenario, field by field, and says what it changed.
 * Total: never throws, and the result always passes parseScenario unchanged.
 * - missing fields take the defaults silently; unknown fields are ignored silently;
 * - numbers out of range are clamped, token and request counts rounded to whole numbers;
 * - malformed values (wrong type, unknown sheet or TTL) are replaced by the defaults;
 * - models neither on the sheet nor custom leave the mix and the price overrides; an
 *   unknown baseline becomes the first model of the sheet's default mix;
 * - a cached prefix larger than the input is cut to the input;
 * - a mix not summing to 100 is scaled to 100 in tenths of a percent; an empty or all-zero
 *   mix becomes the sheet's default mix;
 * - a custom model that is not a complete, valid model is left out, naming its field;
 * - `defaults` fills what is missing: DEFAULT_SCENARIO for files and version-1 links,
 *   CURRENT_DEFAULT_SCENARIO for links of URL format 3.
 * Example: repairScenario({ cacheHitPercent: 140 }) gives the default scenario with a
 * 100 % hit ratio and ['Cache hit ratio 140 was above 100; used 100'].
 */
export function repairScenario(data: unknown, defaults: Readonly<Scenario> = DEFAULT_SCENARIO): Repaired {
	try {
		const repaired = repair(data, defaults);
		if (parseScenario(repaired.scenario).ok) return { ...repaired, corrections: capCorrections(repaired.corrections) };
	} catch {
		// fall through: a getter that throws, a proxy, or a bug; the defaults are always valid
	}
	return { scenario: defaultScenario(defaults), corrections: ['The scenario could not be read; used the default scenario'] };
}

function repair(data: unknown, defaults: Readonly<Scenario>): Repaired {
	const out: string[] = [];
	if (!isRecord(data)) {
		if (data !== undefined) out.push(`The scenario ${quoteSafely(data)} is not a set of fields; used the default scenario`);
		return { scenario: defaultScenario(defaults), corrections: out };
	}
	const get = (key: keyof Scenario): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);
	const number = (key: keyof typeof NUMBER_FIELDS): number => {
		const { schema, bounds } = NUMBER_FIELDS[key];
		const fallback = defaults[key];
		return repairNumber(get(key), schema, bounds, FIELD_LABELS[key], fallback, `used ${showNumber(fallback)}`, out) ?? fallback;
	};
	const flag = (key: 'usOnlyInference' | 'adjustForTokenizer'): boolean => {
		const value = get(key);
		if (typeof value === 'boolean') return value;
		if (value !== undefined) out.push(`${FIELD_LABELS[key]} ${quoteSafely(value)} is not true or false; used ${defaults[key] ? 'on' : 'off'}`);
		return defaults[key];
	};

	repairVersion(get('version'), out);
	const shipped = repairSheet(get('priceSheet'), defaults, out);
	const customModels = repairCustomModels(get('customModels'), shipped, out);
	const sheet: PriceSheet = customModels.length ? { ...shipped, models: [...shipped.models, ...customModels] } : shipped;
	const requestsPerMonth = number('requestsPerMonth');
	const inputTokens = number('inputTokens');
	let cachedPrefixTokens = number('cachedPrefixTokens');
	if (cachedPrefixTokens > inputTokens) {
		out.push(
			`Cached prefix tokens ${showNumber(cachedPrefixTokens)} was above the input tokens per request (${showNumber(inputTokens)}); used ${showNumber(inputTokens)}`
		);
		cachedPrefixTokens = inputTokens;
	}
	const outputTokens = number('outputTokens');

	const givenBaseline = get('baselineModel');
	const baselineKnown = modelOn(sheet, givenBaseline) ? (givenBaseline as string) : undefined;
	const baselineModel = baselineKnown ?? defaultBaselineFor(shipped.id);
	if (givenBaseline !== undefined && !baselineKnown) {
		out.push(
			`Baseline model ${quoteSafely(givenBaseline)} is not on ${sheet.name}; used ${modelOn(sheet, baselineModel)?.name ?? baselineModel}`
		);
	}
	const mixPercent = repairMix(get('mixPercent'), sheet, out);

	const cacheHitPercent = number('cacheHitPercent');
	const cacheTtl = repairTtl(get('cacheTtl'), defaults, out);
	const batchPercent = number('batchPercent');
	const inputTrimPercent = number('inputTrimPercent');
	const outputTrimPercent = number('outputTrimPercent');
	const prices = repairPrices(get('prices'), sheet, out);
	const usOnlyInference = flag('usOnlyInference');
	const adjustForTokenizer = flag('adjustForTokenizer');
	const tokensCountedOn = repairTokenizer(get('tokensCountedOn'), defaults, out);
	const webSearchesPerRequest = number('webSearchesPerRequest');

	return {
		scenario: {
			version: 1,
			priceSheet: shipped.id,
			requestsPerMonth,
			inputTokens,
			cachedPrefixTokens,
			outputTokens,
			baselineModel,
			mixPercent,
			cacheHitPercent,
			cacheTtl,
			batchPercent,
			inputTrimPercent,
			outputTrimPercent,
			prices,
			customModels,
			usOnlyInference,
			adjustForTokenizer,
			tokensCountedOn,
			webSearchesPerRequest
		},
		corrections: out
	};
}

const NUMBER_FIELDS = {
	requestsPerMonth: { schema: fields.requestsPerMonth, bounds: BOUNDS.requests },
	inputTokens: { schema: fields.inputTokens, bounds: BOUNDS.tokens },
	cachedPrefixTokens: { schema: fields.cachedPrefixTokens, bounds: BOUNDS.tokens },
	outputTokens: { schema: fields.outputTokens, bounds: BOUNDS.tokens },
	cacheHitPercent: { schema: fields.cacheHitPercent, bounds: BOUNDS.percent },
	batchPercent: { schema: fields.batchPercent, bounds: BOUNDS.percent },
	inputTrimPercent: { schema: fields.inputTrimPercent, bounds: BOUNDS.percent },
	outputTrimPercent: { schema: fields.outputTrimPercent, bounds: BOUNDS.percent },
	webSearchesPerRequest: { schema: fields.webSearchesPerRequest, bounds: BOUNDS.searches }
} as const satisfies Partial<Record<keyof Scenario, { schema: Checker; bounds: Bounds }>>;

/**
 * The mix a scenario on this sheet has when it names none: the sheet's own `defaultMix`.
 * On the two March sheets that is 5 % Opus 4.6, 25 % Sonnet 4.6, 70 % Haiku 4.5, what
 * version 1 used, so old links keep their mix. One rule for links, files and sheet switches.
 */
export function defaultMixFor(sheetId: string): Record<string, number> {
	return { ...getSheet(sheetId).defaultMix };
}

/** The baseline a scenario on this sheet has when it names none: the first model of the sheet's default mix. */
export function defaultBaselineFor(sheetId: string): string {
	return Object.keys(getSheet(sheetId).defaultMix)[0] as string;
}

/**
 * Custom models: each checked whole against the sheet model schema (a bad one is left out,
 * naming its field), at most MAX_CUSTOM_MODELS, ids unique and not on the sheet.
 */
export function repairCustomModels(value: unknown, sheet: PriceSheet, out: string[]): ModelPrice[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) {
		out.push(`Custom models ${quoteSafely(value)} are not a list of models; ignored them`);
		return [];
	}
	const models: ModelPrice[] = [];
	for (const [i, given] of value.entries()) {
		if (models.length === MAX_CUSTOM_MODELS) {
			out.push(`Custom models: only ${MAX_CUSTOM_MODELS} are allowed; left out the other ${value.length - i}`);
			break;
		}
		const parsed = modelPriceSchema.safeParse(given);
		const label = `Custom model ${i + 1}`;
		if (!parsed.success) {
			out.push(`${label} was left out: ${describeIssues(parsed.error.issues, given).slice(0, 2).join('; ')}`);
			continue;
		}
		const id = parsed.data.id;
		if (modelOn(sheet, id) || models.some((m) => m.id === id)) {
			out.push(`${label} was left out: the id ${quoteSafely(id)} is already taken`);
			continue;
		}
		// Half an emoji (a lone surrogate) cannot be written into a link: dropped, said so.
		const model = parsed.data;
		for (const key of ['name', 'note'] as const) {
			const text = model[key];
			if (text === undefined) continue;
			const whole = text.replace(LONE_SURROGATE, '');
			if (whole !== text) {
				out.push(`${label} ${key}: removed half of a character that cannot be written`);
				if (whole) model[key] = whole;
				else if (key === 'note') delete model.note;
				else model.name = id;
			}
		}
		models.push(model);
	}
	return models;
}

/**
 * A mix of models on the sheet summing to 100, with corrections under `label` (`Model mix`).
 * `fallback` is the mix used when there is nothing usable (the sheet's default mix).
 */
export function repairMix(
	value: unknown,
	sheet: PriceSheet,
	out: string[],
	label = 'Model mix',
	fallback: () => Record<string, number> = () => defaultMixFor(sheet.id),
	shareLabel: (name: string) => string = (name) => `${name} share`,
	/** What `fallback` gives, in the corrections. */
	fallbackName = 'the default mix'
): Record<string, number> {
	if (value === undefined) return fallback();
	if (!isRecord(value)) {
		out.push(`${label} ${quoteSafely(value)} is not a list of model shares; used ${fallbackName}`);
		return fallback();
	}
	const ids = Object.keys(value);
	if (ids.length === 0) {
		out.push(`${label} is empty; used ${fallbackName}`);
		return fallback();
	}
	const mix: Record<string, number> = {};
	for (const id of ids) {
		const model = modelOn(sheet, id);
		if (!model) {
			out.push(`${label}: ${quoteSafely(id)} is not on ${sheet.name}; left it out`);
			continue;
		}
		const share = repairNumber(value[id], percentSchema, BOUNDS.percent, shareLabel(model.name), undefined, 'left it out', out);
		if (share !== undefined) mix[model.id] = share;
	}
	const total = mixTotal(mix);
	if (Object.keys(mix).length === 0) {
		out.push(`${label} has no usable shares; used ${fallbackName}`);
		return fallback();
	}
	if (total === 0) {
		out.push(`${label} shares add up to 0; used the default mix`);
		return fallback();
	}
	if (Math.abs(total - 100) > MIX_TOLERANCE) {
		out.push(`${label} shares add up to ${showNumber(Number(total.toPrecision(12)))}, not 100; scaled them to 100`);
		return normalizeMix(mix);
	}
	return mix;
}

export function repairPrices(value: unknown, sheet: PriceSheet, out: string[]): Record<string, PriceOverride> {
	const prices: Record<string, PriceOverride> = {};
	if (value === undefined) return prices;
	if (!isRecord(value)) {
		out.push(`Price overrides ${quoteSafely(value)} are not a list of model prices; ignored them`);
		return prices;
	}
	for (const id of Object.keys(value)) {
		const model = modelOn(sheet, id);
		if (!model) {
			out.push(`Price override for ${quoteSafely(id)}: it is not on ${sheet.name}; left it out`);
			continue;
		}
		const given = value[id];
		if (!isRecord(given)) {
			out.push(`${model.name} price override ${quoteSafely(given)} is not a set of prices; left it out`);
			continue;
		}
		const override: PriceOverride = {};
		for (const { key, label, schema, bounds } of PRICE_FIELDS) {
			const v = Object.hasOwn(given, key) ? given[key] : undefined;
			if (v === undefined) continue;
			const sheetNumber = sheetValue(model, key);
			if (sheetNumber === undefined) {
				out.push(`${model.name} has no prompt-length band; ignored its ${label}`);
				continue;
			}
			// A minimum above the context window is refused by the price editor, but links of
			// format 1 could carry one (it only means the model never caches): kept as given.
			const n = repairNumber(v, schema, bounds, `${model.name} ${label}`, undefined, `used the sheet's ${showNumber(sheetNumber)}`, out);
			if (n !== undefined) override[key] = n;
		}
		prices[model.id] = override;
	}
	return prices;
}

function repairVersion(value: unknown, out: string[]): void {
	if (value === undefined || fields.version.safeParse(value).success) return;
	if (typeof value === 'number' && Number.isInteger(value) && value > 1) {
		out.push(`This scenario was made by a newer version of the calculator (format version ${value}); read what this version understands`);
	} else {
		out.push(`Format version ${quoteSafely(value)} is not known; read it as version 1`);
	}
}

function repairSheet(value: unknown, defaults: Readonly<Scenario>, out: string[]): PriceSheet {
	if (value !== undefined && fields.priceSheet.safeParse(value).success) return getSheet(value as string);
	const fallback = getSheet(defaults.priceSheet);
	if (value !== undefined) out.push(`Price sheet ${quoteSafely(value)} is not known; used ${fallback.name}`);
	return fallback;
}

function repairTtl(value: unknown, defaults: Readonly<Scenario>, out: string[]): CacheTtl {
	const parsed = fields.cacheTtl.safeParse(value);
	if (parsed.success) return parsed.data;
	if (value !== undefined) out.push(`Cache TTL ${quoteSafely(value)} is not 5m or 1h; used ${defaults.cacheTtl}`);
	return defaults.cacheTtl;
}

function repairTokenizer(value: unknown, defaults: Readonly<Scenario>, out: string[]): Tokenizer {
	if ((TOKENIZERS as readonly unknown[]).includes(value)) return value as Tokenizer;
	if (value !== undefined) out.push(`Token counts measured on ${quoteSafely(value)} is not legacy or 2026; used ${defaults.tokensCountedOn}`);
	return defaults.tokensCountedOn;
}

/**
 * A number as a link spelled it, where JavaScript prints it otherwise (`1e309` is Infinity):
 * repairScenario reads the value and quotes the spelling in its corrections.
 */
export class SpelledNumber {
	constructor(
		readonly value: number,
		readonly spelling: string
	) {}
}

/**
 * A valid number for the field, or `fallback` (undefined: leave it out) for a non-number,
 * with one sentence in `out` per change: clamped below/above, rounded, or replaced.
 */
export function repairNumber(
	given: unknown,
	schema: Checker,
	bounds: Bounds,
	label: string,
	fallback: number | undefined,
	fallbackText: string,
	out: string[]
): number | undefined {
	const spelled = given instanceof SpelledNumber;
	const value = spelled ? given.value : given;
	if (schema.safeParse(value).success) return (value as number) + 0; // + 0 turns -0 into 0
	if (value === undefined) return fallback;
	if (typeof value !== 'number' || Number.isNaN(value)) {
		out.push(`${label} ${quoteSafely(value)} is not a number; ${fallbackText}`);
		return fallback;
	}
	const shown = spelled ? given.spelling : showNumber(value);
	if (value < bounds.min) {
		out.push(`${label} ${shown} was below ${showNumber(bounds.min)}; used ${showNumber(bounds.min)}`);
		return bounds.min;
	}
	if (value > bounds.max) {
		out.push(`${label} ${shown} was above ${showNumber(bounds.max)}; used ${showNumber(bounds.max)}`);
		return bounds.max;
	}
	const whole = Math.round(value); // only whole-number fields get here with an in-range value
	out.push(`${label} ${shown} was not a whole number; used ${showNumber(whole)}`);
	return whole;
}

/** The model with this id on the sheet, if `id` is one. */
export function modelOn(sheet: PriceSheet, id: unknown): ModelPrice | undefined {
	return typeof id === 'string' ? sheet.models.find((m) => m.id === id) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number for a message: thousands grouped (8,000), fractions and exponents as JavaScript writes them. */
export function showNumber(n: number): string {
	const text = String(n);
	if (!Number.isFinite(n) || /e/i.test(text)) return text;
	const [whole = '', fraction] = text.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** At most MAX_CORRECTIONS sentences, the last one counting those left out. */
export function capCorrections(corrections: string[]): string[] {
	if (corrections.length <= MAX_CORRECTIONS) return corrections;
	const kept = corrections.slice(0, MAX_CORRECTIONS - 1);
	return [...kept, `...and ${corrections.length - kept.length} more corrections`];
}
