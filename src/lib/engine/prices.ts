import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import type { PriceOverride, Scenario } from '../scenario/schema';

/** The prices a request is billed at, in $ per million tokens. */
export interface Rates {
	inputPerMTok: number;
	outputPerMTok: number;
	longContext: boolean;
}

/**
 * The sheet with per-model overrides applied (overrides for unknown ids are ignored).
 * The input sheet is not mutated.
 * Example: withOverrides(sheet, { 'opus-4-6': { inputPerMTok: 4 } }) bills Opus 4.6 input at $4/MTok.
 */
export function withOverrides(sheet: PriceSheet, overrides: Record<string, PriceOverride> = {}): PriceSheet {
	if (Object.keys(overrides).length === 0) return sheet;
	return {
		...sheet,
		models: sheet.models.map((m) => {
			const o = overrides[m.id];
			return o ? { ...m, ...definedOnly(o) } : m;
		})
	};
}

/** The shipped sheet a scenario names, with the scenario's own price overrides on top. */
export function scenarioSheet(scenario: Scenario, sheet: PriceSheet = getSheet(scenario.priceSheet)): PriceSheet {
	return withOverrides(sheet, scenario.prices);
}

/**
 * Base rates of one request: the long-context tier when the input exceeds its threshold
 * (billed whole at the tier's prices), the model's standard prices otherwise.
 * Example: Sonnet 4.5 with 250,000 input tokens bills $6 in and $22.50 out per MTok.
 */
export function requestRates(model: ModelPrice, inputTokens: number): Rates {
	const tier = model.longContext;
	if (tier && inputTokens > tier.aboveInputTokens) {
		return { inputPerMTok: tier.inputPerMTok, outputPerMTok: tier.outputPerMTok, longContext: true };
	}
	return { inputPerMTok: model.inputPerMTok, outputPerMTok: model.outputPerMTok, longContext: false };
}

function definedOnly(o: PriceOverride): Partial<ModelPrice> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
