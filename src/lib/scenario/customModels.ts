// Adding, changing and removing the models a user adds to the sheet (scenario.customModels).
// Pure: each function returns a new scenario and never mutates its input.
import type { ModelPrice } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { MAX_CUSTOM_MODELS } from './limits';
import { removeModel } from './mix';
import type { Scenario, ScenarioV2, Workload } from './types';

/** A scenario of either version: both carry the sheet, its overrides and the custom models. */
export type PricedScenario = Scenario | ScenarioV2;

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
export function addCustomModel<S extends PricedScenario>(s: S, model: ModelPrice): S {
	if (!canAddCustomModel(s) || s.customModels.some((m) => m.id === model.id)) return s;
	return { ...s, customModels: [...s.customModels, model] };
}

/**
 * The scenario with some fields of one custom model changed. `undefined` in the patch removes
 * an optional field (fast mode, note). Price overrides of the same fields (from a link) are
 * dropped, so the value typed is the value used.
 */
export function updateCustomModel<S extends PricedScenario>(s: S, id: string, patch: Partial<Omit<ModelPrice, 'id'>>): S {
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
export interface Changed<S extends PricedScenario = Scenario> {
	scenario: S;
	changes: string[];
}

/**
 * The scenario with these custom models instead of its own. Models that go leave the mix
 * (their share goes to the others in proportion; an empty mix becomes the sheet's default
 * mix) and the baseline (which becomes the first model of the sheet's default mix), and their
 * price overrides are dropped. One rule for `Remove` and for opening a price sheet.
 */
export function replaceCustomModels<S extends PricedScenario>(s: S, customModels: readonly ModelPrice[]): Changed<S> {
	if (s.version === 2) return replaceInWorkloads(s, customModels) as Changed<S>;
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

/** replaceCustomModels for version 2: every workload's Today and Planned mixes lose the models that go. */
function replaceInWorkloads(s: ScenarioV2, customModels: readonly ModelPrice[]): Changed<ScenarioV2> {
	const sheet = getSheet(s.priceSheet);
	const staying = new Set(customModels.map((m) => m.id));
	const gone = s.customModels.filter((m) => !staying.has(m.id));
	const changes: string[] = [];
	const prices = { ...s.prices };
	const fallback = Object.keys(sheet.defaultMix)[0] as string;
	const fallbackName = sheet.models.find((m) => m.id === fallback)?.name ?? fallback;
	const without = (w: Workload, column: 'today' | 'planned', model: ModelPrice): Record<string, number> => {
		const mix = w[column].mixPercent;
		if (!Object.hasOwn(mix, model.id)) return mix;
		const others = Object.keys(mix).filter((id) => id !== model.id);
		const where = `${w.name}, ${column === 'today' ? 'Today' : 'Planned'}`;
		if (others.length) {
			changes.push(`${where}: ${model.name} left the model mix; its share went to the other models.`);
			return removeModel(mix, model.id);
		}
		changes.push(`${where}: ${model.name} was the only model; all traffic now runs on ${fallbackName}.`);
		return { [fallback]: 100 };
	};
	let workloads = s.workloads;
	for (const model of gone) {
		delete prices[model.id];
		workloads = workloads.map((w) => ({
			...w,
			today: { ...w.today, mixPercent: without(w, 'today', model) },
			planned: { ...w.planned, mixPercent: without(w, 'planned', model) }
		})) as Workload[];
	}
	return { scenario: { ...s, customModels: [...customModels], prices, workloads }, changes };
}

/** The scenario without one custom model: see replaceCustomModels for what else changes. */
export function removeCustomModel<S extends PricedScenario>(s: S, id: string): Changed<S> {
	return replaceCustomModels(
		s,
		s.customModels.filter((m) => m.id !== id)
	);
}
