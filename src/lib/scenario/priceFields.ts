// The fields of a price override, apart from the zod schemas so the page can use them without
// loading zod. ./repair adds a schema to each row (PRICE_FIELDS) for links and files.
import type { ModelPrice, RateSet } from '../pricing/schema';
import { BOUNDS, type Bounds } from './limits';
import type { PriceOverride } from './types';

export type PriceFieldKey = keyof PriceOverride;

export interface PriceFieldRow {
	key: PriceFieldKey;
	/** The words after the model name on the page: "Opus 5.5 cache read price". */
	label: string;
	/** `price`: $ per million tokens; `tokens`: a whole number of tokens. */
	kind: 'price' | 'tokens';
	bounds: Bounds;
}

/**
 * One row per override field, in the order links write them (append only: a link's
 * `p.<id>` slots are positional), with the words after the model name on the page.
 */
export const PRICE_FIELD_ROWS = [
	{ key: 'inputPerMTok', label: 'input price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'outputPerMTok', label: 'output price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'minCacheTokens', label: 'minimum cacheable prefix', kind: 'tokens', bounds: BOUNDS.tokens },
	{ key: 'cacheWrite5mPerMTok', label: '5-minute cache write price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'cacheWrite1hPerMTok', label: '1-hour cache write price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'cacheReadPerMTok', label: 'cache read price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'bandInputPerMTok', label: 'band input price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'bandCacheWrite5mPerMTok', label: 'band 5-minute cache write price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'bandCacheWrite1hPerMTok', label: 'band 1-hour cache write price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'bandCacheReadPerMTok', label: 'band cache read price', kind: 'price', bounds: BOUNDS.price },
	{ key: 'bandOutputPerMTok', label: 'band output price', kind: 'price', bounds: BOUNDS.price }
] as const satisfies readonly PriceFieldRow[];

/** The override field of each band rate (the first band of a model). */
const BAND_RATE: Readonly<Record<string, keyof RateSet>> = {
	bandInputPerMTok: 'inputPerMTok',
	bandCacheWrite5mPerMTok: 'cacheWrite5mPerMTok',
	bandCacheWrite1hPerMTok: 'cacheWrite1hPerMTok',
	bandCacheReadPerMTok: 'cacheReadPerMTok',
	bandOutputPerMTok: 'outputPerMTok'
};

/** True for the fields of a model's first prompt-length band. */
export function isBandField(key: PriceFieldKey): boolean {
	return Object.hasOwn(BAND_RATE, key);
}

/**
 * The value an override field replaces on a model (undefined: a band field on a model
 * without a band). Example: sheetValue(haiku55, 'bandInputPerMTok') -> 0.5.
 */
export function sheetValue(model: ModelPrice, key: PriceFieldKey): number | undefined {
	const bandRate = BAND_RATE[key];
	if (bandRate === undefined) return model[key as keyof ModelPrice & PriceFieldKey];
	return model.bands?.[0]?.[bandRate];
}
