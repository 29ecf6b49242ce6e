import { getSheet } from '../pricing/sheets';
import { normalizeMix } from './mix';
import type { Scenario } from './schema';

/**
 * The scenario moved onto another price sheet: models the new sheet lacks leave the mix
 * (the rest rescale to 100 %), the baseline falls back to the sheet's first model, and
 * their price overrides are dropped. Returns what changed, in plain words.
 */
export function switchSheet(scenario: Scenario, sheetId: string): { scenario: Scenario; changes: string[] } {
	const sheet = getSheet(sheetId);
	const name = (id: string) => sheet.models.find((m) => m.id === id)?.name;
	const changes: string[] = [];
	const kept = Object.entries(scenario.mixPercent).filter(([id]) => name(id));
	const dropped = Object.keys(scenario.mixPercent).filter((id) => !name(id));
	if (dropped.length) changes.push(`${dropped.join(', ')} ${dropped.length > 1 ? 'are' : 'is'} not on ${sheet.name}; removed from the mix.`);
	const mixPercent = kept.length
		? normalizeMix(Object.fromEntries(kept))
		: normalizeMix(Object.fromEntries(sheet.defaultMix.map((id) => [id, 1])));
	let baselineModel = scenario.baselineModel;
	if (!name(baselineModel)) {
		baselineModel = (sheet.models[0] as { id: string }).id;
		changes.push(`Baseline model ${scenario.baselineModel} is not on ${sheet.name}; used ${name(baselineModel)}.`);
	}
	const prices = Object.fromEntries(Object.entries(scenario.prices).filter(([id]) => name(id)));
	return { scenario: { ...scenario, priceSheet: sheet.id, mixPercent, baselineModel, prices }, changes };
}
