import { MAX_DOLLARS_PER_MTOK, RATE_FIELDS, type RateSet } from '../pricing/fields';
import type { Band, ModelPrice, PriceSheet } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import type { PriceOverride, Scenario } from '../scenario/types';

/** The rates a request is billed at, in $ per million tokens: the model's, or a band's. */
export interface Rates extends RateSet {
	/** The prompt-length band in force, or null for the model's standard rates. */
	band: Band | null;
	/** True when a band applies (kept from format 1, where the only band was "long context"). */
	longContext: boolean;
}

/** The override field of each band rate (the first band of a model). */
export const BAND_OVERRIDE_FIELDS = {
	inputPerMTok: 'bandInputPerMTok',
	cacheWrite5mPerMTok: 'bandCacheWrite5mPerMTok',
	cacheWrite1hPerMTok: 'bandCacheWrite1hPerMTok',
	cacheReadPerMTok: 'bandCacheReadPerMTok',
	outputPerMTok: 'bandOutputPerMTok'
} as const satisfies Record<keyof RateSet, keyof PriceOverride>;

/**
 * Five rates with some overridden. A cache rate that is not overridden follows an
 * overridden input rate in proportion (the pricing page lists cache rates as multiples of
 * input), so `{ inputPerMTok: 4 }` on Opus 4.6 ($5, write $6.25) writes at 4 x 1.25 = $5.
 */
function overrideRates<T extends RateSet>(rates: T, given: Partial<RateSet>): T {
	const input = given.inputPerMTok ?? rates.inputPerMTok;
	const follows = given.inputPerMTok !== undefined && rates.inputPerMTok > 0;
	const out = { ...rates };
	for (const field of RATE_FIELDS) {
		const value = given[field];
		if (value !== undefined) out[field] = value;
		else if (follows && field !== 'inputPerMTok' && field !== 'outputPerMTok') {
			const followed = input === 0 ? 0 : input * (rates[field] / rates.inputPerMTok);
			// A tiny sheet rate can make the ratio explode: never above the largest rate a sheet allows.
			out[field] = Number.isFinite(followed) ? Math.min(followed, MAX_DOLLARS_PER_MTOK) : rates[field];
		}
	}
	return out;
}

/**
 * A model with one override applied: its five rates, its minimum cacheable length and the
 * rates of its first band. Cache rates left out follow an overridden input rate (see
 * overrideRates); a band keeps its own rates unless they are overridden.
 */
export function applyOverride(model: ModelPrice, o: PriceOverride): ModelPrice {
	const base: Partial<RateSet> = {};
	const band: Partial<RateSet> = {};
	for (const field of RATE_FIELDS) {
		if (o[field] !== undefined) base[field] = o[field];
		const b = o[BAND_OVERRIDE_FIELDS[field]];
		if (b !== undefined) band[field] = b;
	}
	const next: ModelPrice = overrideRates(model, base);
	if (o.minCacheTokens !== undefined) next.minCacheTokens = o.minCacheTokens;
	const [first, ...rest] = model.bands ?? [];
	if (first && Object.keys(band).length) next.bands = [overrideRates(first, band), ...rest];
	return next;
}

/**
 * The sheet with per-model overrides applied (overrides for unknown ids are ignored) and
 * custom models added after the sheet's own. The input sheet is not mutated.
 * Example: withOverrides(sheet, { 'opus-4-6': { inputPerMTok: 4 } }) bills Opus 4.6 input at $4/MTok.
 */
export function withOverrides(
	sheet: PriceSheet,
	overrides: Record<string, PriceOverride> = {},
	customModels: readonly ModelPrice[] = []
): PriceSheet {
	if (Object.keys(overrides).length === 0 && customModels.length === 0) return sheet;
	const models = [...sheet.models, ...customModels.filter((c) => !sheet.models.some((m) => m.id === c.id))];
	return {
		...sheet,
		models: models.map((m) => (Object.hasOwn(overrides, m.id) ? applyOverride(m, overrides[m.id] as PriceOverride) : m))
	};
}

/** The shipped sheet a scenario names, with its custom models and price overrides on top. */
export function scenarioSheet(
	scenario: Pick<Scenario, 'priceSheet' | 'prices'> & { customModels?: readonly ModelPrice[] },
	sheet: PriceSheet = getSheet(scenario.priceSheet)
): PriceSheet {
	return withOverrides(sheet, scenario.prices, scenario.customModels);
}

/**
 * The rates of one request, decided by its whole prompt length (every input token:
 * uncached, written and read): the highest band whose `abovePromptTokens` it exceeds
 * (strictly), billed for every token of the request, output included; the model's own
 * rates otherwise.
 * Example: Haiku 5.5 at 120,000 prompt tokens bills $0.50 in, $0.05 read, $2.50 out per MTok.
 */
export function requestRates(model: ModelPrice, promptTokens: number): Rates {
	let band: Band | null = null;
	for (const b of model.bands ?? []) if (promptTokens > b.abovePromptTokens) band = b;
	const source: RateSet = band ?? model;
	return {
		inputPerMTok: source.inputPerMTok,
		cacheWrite5mPerMTok: source.cacheWrite5mPerMTok,
		cacheWrite1hPerMTok: source.cacheWrite1hPerMTok,
		cacheReadPerMTok: source.cacheReadPerMTok,
		outputPerMTok: source.outputPerMTok,
		band,
		longContext: band !== null
	};
}
