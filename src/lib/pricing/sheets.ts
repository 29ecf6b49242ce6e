import november from './sheets/anthropic-2026-11.json';
import march from './sheets/anthropic-2026-03.json';
import guide from './sheets/guide-2026-03.json';
import type { ModelPrice, PriceSheet } from './schema';

/**
 * Every shipped sheet, newest first. Each is validated with the zod schema (parsePriceSheet)
 * when Vite loads the project (vite.config.ts: a malformed sheet stops dev and build with a
 * message naming the field) and in the tests, so browsers get data already known to be
 * valid without downloading zod to check it again. Old sheets are never edited or removed:
 * links name them (docs/updating-prices.md).
 */
export const PRICE_SHEETS: readonly PriceSheet[] = [november, march, guide] as readonly PriceSheet[];

/** The sheet a new visitor starts on. Links name their sheet, so changing it changes no link. */
export const DEFAULT_SHEET_ID = 'anthropic-2026-11';

/** The shipped sheet with this id, or the default sheet when there is none. */
export function getSheet(id: string = DEFAULT_SHEET_ID): PriceSheet {
	return PRICE_SHEETS.find((s) => s.id === id) ?? (PRICE_SHEETS[0] as PriceSheet);
}

/** The model with this id in the sheet; throws naming the sheet's ids if there is none. */
export function getModel(sheet: PriceSheet, id: string): ModelPrice {
	const model = sheet.models.find((m) => m.id === id);
	if (!model) {
		throw new Error(`Unknown model "${id}" in sheet ${sheet.id}; use one of ${sheet.models.map((m) => m.id).join(', ')}`);
	}
	return model;
}

/** Where a sheet's prices differ from the sheet it names in `comparesTo`, one entry per model. */
export interface PriceDifference {
	model: ModelPrice;
	reference: ModelPrice;
	referenceSheet: PriceSheet;
}

export function priceDifferences(sheet: PriceSheet): PriceDifference[] {
	const referenceSheet = PRICE_SHEETS.find((s) => s.id === sheet.comparesTo);
	if (!referenceSheet) return [];
	return sheet.models.flatMap((model) => {
		const reference = referenceSheet.models.find((m) => m.id === model.id);
		if (!reference) return [];
		const same = reference.inputPerMTok === model.inputPerMTok && reference.outputPerMTok === model.outputPerMTok;
		return same ? [] : [{ model, reference, referenceSheet }];
	});
}
