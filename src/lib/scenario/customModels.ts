// Adding, changing and removing the models a user adds to the sheet (scenario.customModels).
// Pure: each function returns a new scenario and never mutates its input.
import type { ModelPrice } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { MAX_CUSTOM_MODELS } from './limits';
import { removeModel } from './mix';
import type { Scenario } from './types';

/** Custom model ids are `custom-1`, `custom-2`, …: never a sheet's id. */
export const CUSTOM_ID_PREFIX = 'custom-';

/** The first `custom-N` (N from 1) not in `taken`. Example: nextCustomId(['custom-1']) -> 'custom-2'. */
export function nextCustomId(taken: Iterable<string>): string {
	const used = new Set(taken);
	let n = 1;
	while (used.has(`${CUSTOM_ID_PREFIX}${n}`)) n += 1;
	return `${CUSTOM_ID_PREFIX}${n}`;
}

/** True when the scenario may add another custom model (at most MAX_CUSTOM_MODELS). */
export function canAddCustomModel(s: Pick<Scenario, 'customModels'>): boolean {
	return s.customModels.length < MAX_CUSTOM_MODELS;
}

/**
 * A new custom model that starts as a copy of `template`'s prices (the baseline model, as
 * the engine prices it): family `custom`, status active, the next free `custom-N` id and the
 * name "Custom model N". Its band and notes are not copied.
 */
export function newCustomModel(s: Pick<Scenario, 'priceSheet' | 'customModels'>, template: ModelPrice): ModelPrice {
	const id = nextCustomId([...getSheet(s.priceSheet).models.map((m) => m.id), ...s.customModels.map((m) => m.id)]);
	const model: ModelPrice = {
		id,
		name: `Custom model ${id.slice(CUSTOM_ID_PREFIX.length)}`,
		family: 'custom',
		status: 'active',
		contextWindow: template.contextWindow,
		inputPerMTok: template.inputPerMTok,
		cacheWrite5mPerMTok: template.cacheWrite5mPerMTok,
		cacheWrite1hPerMTok: template.cacheWrite1hPerMTok,
		cacheReadPerMTok: template.cacheReadPerMTok,
		outputPerMTok: template.outputPerMTok,
		minCacheTokens: template.minCacheTokens,
		usOnlyInference: template.usOnlyInference,
		tokenizer: template.tokenizer
	};
	if (template.fastMode !== undefined) model.fastMode = template.fastMode;
	return model;
}

/** The scenario with `model` added at the end of its custom models (unchanged at the limit). */
export function addCustomModel(s: Scenario, model: ModelPrice): Scenario {
	if (!canAddCustomModel(s) || s.customModels.some((m) => m.id === model.id)) return s;
	return { ...s, customModels: [...s.customModels, model] };
}

/**
 * The scenario with some fields of one custom model changed. `undefined` in the patch removes
 * an optional field (fast mode, note). Price overrides of the same fields (from a link) are
 * dropped, so the value typed is the value used.
 */
export function updateCustomModel(s: Scenario, id: string, patch: Partial<Omit<ModelPrice, 'id'>>): Scenario {
	const customModels = s.customModels.map((m) => {
		if (m.id !== id) return m;
		const next: Record<string, unknown> = { ...m };
		for (const [key, value] of Object.entries(patch)) {
			if (value === undefined) delete next[key];
			else next[key] = value;
		}
		return next as unknown as ModelPrice;
	});
	const override = s.prices[id];
	if (!override) return { ...s, customModels };
	const rest = Object.fromEntries(Object.entries(override).filter(([key]) => !Object.hasOwn(patch, key)));
	const prices = { ...s.prices };
	if (Object.keys(rest).length) prices[id] = rest;
	else delete prices[id];
	return { ...s, customModels, prices };
}

/** A new scenario and what changed besides the obvious, in plain words. */
export interface Changed {
	scenario: Scenario;
	changes: string[];
}

/**
 * The scenario with these custom models instead of its own. Models that go leave the mix
 * (their share goes to the others in proportion; an empty mix becomes the sheet's default
 * mix) and the baseline (which becomes the first model of the sheet's default mix), and their
 * price overrides are dropped. One rule for `Remove` and for opening a price sheet.
 */
export function replaceCustomModels(s: Scenario, customModels: readonly ModelPrice[]): Changed {
	const sheet = getSheet(s.priceSheet);
	const staying = new Set(customModels.map((m) => m.id));
	const gone = s.customModels.filter((m) => !staying.has(m.id));
	const changes: string[] = [];
	let mixPercent = { ...s.mixPercent };
	let baselineModel = s.baselineModel;
	const prices = { ...s.prices };
	const defaultBaseline = Object.keys(sheet.defaultMix)[0] as string;
	const nameOf = (id: string) => [...sheet.models, ...customModels].find((m) => m.id === id)?.name ?? id;

	for (const model of gone) {
		delete prices[model.id];
		if (Object.hasOwn(mixPercent, model.id)) {
			const others = Object.keys(mixPercent).filter((id) => id !== model.id);
			if (others.length) {
				mixPercent = removeModel(mixPercent, model.id);
				changes.push(`${model.name} left the model mix; its share went to the other models.`);
			} else {
				mixPercent = { ...sheet.defaultMix };
				changes.push(`${model.name} was the only model in the mix; the mix is now ${sheet.name}'s default mix.`);
			}
		}
		if (baselineModel === model.id) {
			baselineModel = defaultBaseline;
			changes.push(`${model.name} was the baseline model; the baseline is now ${nameOf(defaultBaseline)}.`);
		}
	}
	return { scenario: { ...s, customModels: [...customModels], mixPercent, baselineModel, prices }, changes };
}

/** The scenario without one custom model: see replaceCustomModels for what else changes. */
export function removeCustomModel(s: Scenario, id: string): Changed {
	return replaceCustomModels(
		s,
		s.customModels.filter((m) => m.id !== id)
	);
}
