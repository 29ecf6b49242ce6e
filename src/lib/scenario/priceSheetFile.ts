// A price sheet as a file: the scenario's effective sheet to download, and an opened sheet
// turned into the scenario's price overrides and custom models. Pure, no zod: the page
// validates files with parsePriceSheet (./priceSheetIo) before calling sheetToScenario.
import { applyOverride, scenarioSheet } from '../engine/prices';
import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { PRICE_SHEETS, getSheet } from '../pricing/sheets';
import { quoteSafely } from '../validation/quoteSafely';
import { nextCustomId, replaceCustomModels, type PricedScenario } from './customModels';
import { LIMITS, MAX_CUSTOM_MODELS } from './limits';
import { PRICE_FIELD_ROWS, sheetValue } from './priceFields';
import type { PriceOverride, Scenario } from './types';

/** Added to a sheet's id for the file `Download price sheet` saves. */
export const EDITED_SUFFIX = '-edited';

/** `anthropic-2026-11-edited.json`. */
export function priceSheetFileName(s: Pick<Scenario, 'priceSheet'>): string {
	return `${s.priceSheet}${EDITED_SUFFIX}.json`;
}

/**
 * The sheet the scenario is priced with: its shipped sheet with the price overrides applied
 * and the custom models added (engine scenarioSheet), under the id `<sheet id>-edited`. Its
 * `asOf`, `source` and notes stay the shipped sheet's; a note says what was edited.
 */
export function editedSheet(s: PricedScenario): PriceSheet {
	const shipped = getSheet(s.priceSheet);
	const sheet = scenarioSheet(s, shipped);
	const edited = Object.keys(s.prices).length + s.customModels.length > 0;
	const note = edited
		? `Edited in Claude Cost Levers: ${describeEdits(s, shipped)}.`
		: `Downloaded from Claude Cost Levers without changes.`;
	return {
		...sheet,
		id: `${shipped.id}${EDITED_SUFFIX}`,
		name: `${shipped.name} (edited)`.slice(0, 120),
		notes: [...(shipped.notes ?? []), note],
		models: sheet.models.map((m) => structuredClone(m))
	};
}

function describeEdits(s: PricedScenario, shipped: PriceSheet): string {
	const parts: string[] = [];
	const overridden = Object.keys(s.prices)
		.map((id) => shipped.models.find((m) => m.id === id)?.name)
		.filter((name) => name !== undefined);
	if (overridden.length) parts.push(`prices of ${overridden.join(', ')} changed`);
	if (s.customModels.length) parts.push(`custom models ${s.customModels.map((m) => m.name).join(', ')} added`);
	return parts.join('; ') || 'no changes';
}

/** What opening a sheet did: the new scenario, and one plain-words sentence per thing applied or left out. */
export interface OpenedSheet<S extends PricedScenario = Scenario> {
	scenario: S;
	applied: string[];
}

/** PRICE_FIELD_ROWS with the input rates first. */
const ORDER = [...PRICE_FIELD_ROWS].sort((a, b) => Number(!/nputPerMTok$/.test(a.key)) - Number(!/nputPerMTok$/.test(b.key)));

/** The differences of one model that an override can carry (the other fields are the sheet's). */
const FIXED_FIELDS = [
	['name', 'name'],
	['contextWindow', 'context window'],
	['tokenizer', 'tokenizer'],
	['usOnlyInference', 'US-only inference'],
	['fastMode', 'fast mode'],
	['status', 'status']
] as const;

/**
 * Turns an opened (already validated) price sheet into this scenario's prices, against the
 * scenario's own shipped sheet:
 * - a model also on the shipped sheet whose prices differ becomes a price override (every
 *   field of PRICE_FIELDS whose value differs from what the engine would use otherwise);
 *   differences an override cannot carry (name, context window, tokenizer, band threshold…)
 *   are reported and the sheet's values kept;
 * - a model not on the shipped sheet becomes a custom model (at most MAX_CUSTOM_MODELS); one
 *   whose id is a model of any shipped sheet is renamed `custom-N`, so that switching sheets
 *   cannot drop it;
 * - the file replaces the earlier overrides and custom models (see replaceCustomModels for the
 *   mix and baseline).
 */
export function sheetToScenario<S extends PricedScenario>(file: PriceSheet, s: S): OpenedSheet<S> {
	const shipped = getSheet(s.priceSheet);
	const applied: string[] = [];
	const base = PRICE_SHEETS.find((p) => p.id === file.id || `${p.id}${EDITED_SUFFIX}` === file.id);
	if (base && base.id !== shipped.id) {
		applied.push(
			`The file was made from ${base.name}, but the selected Price sheet is ${shipped.name}: it was compared with ${shipped.name}. To read it as ${base.name}'s prices, pick that sheet and open the file again.`
		);
	}

	const prices: Record<string, PriceOverride> = {};
	const candidates: ModelPrice[] = [];
	for (const model of file.models) {
		const own = shipped.models.find((m) => m.id === model.id);
		if (!own) {
			candidates.push(model);
			continue;
		}
		const { override, kept } = overrideFor(own, model);
		if (Object.keys(override).length) prices[own.id] = override;
		if (kept.length) applied.push(`${own.name}: ${kept.join('; ')}; kept ${shipped.name}'s (only the prices and the minimum cacheable prefix of a sheet model can be changed).`);
	}

	const taken = new Set([...PRICE_SHEETS.flatMap((p) => p.models.map((m) => m.id)), ...candidates.map((m) => m.id)]);
	const customModels: ModelPrice[] = [];
	const renamed: string[] = [];
	for (const model of candidates.slice(0, MAX_CUSTOM_MODELS)) {
		const clash = PRICE_SHEETS.some((p) => p.models.some((m) => m.id === model.id));
		const id = clash ? nextCustomId(taken) : model.id;
		taken.add(id);
		if (clash) renamed.push(`${model.name} (${quoteSafely(model.id)} is a model of another price sheet) became ${id}`);
		const copy = structuredClone(model);
		copy.id = id;
		delete copy.replacedBy; // it named a model of the file's sheet
		customModels.push(copy);
	}

	const overridden = Object.keys(prices).map((id) => shipped.models.find((m) => m.id === id)?.name ?? id);
	if (overridden.length) applied.unshift(`Prices that differ from ${shipped.name} became price overrides: ${overridden.join(', ')}.`);
	if (customModels.length) applied.push(`Added as custom models: ${customModels.map((m) => m.name).join(', ')}.`);
	if (renamed.length) applied.push(`Renamed: ${renamed.join('; ')}.`);
	if (candidates.length > MAX_CUSTOM_MODELS) {
		const left = candidates.slice(MAX_CUSTOM_MODELS).map((m) => m.name);
		applied.push(`Left out ${left.length} more ${left.length === 1 ? 'model' : 'models'} (${left.join(', ')}): a scenario holds at most ${MAX_CUSTOM_MODELS} custom models.`);
	}
	if (!overridden.length && !customModels.length) applied.push(`The file's prices are the same as ${shipped.name}'s: no price edits.`);
	const hadEdits = Object.keys(s.prices).length + s.customModels.length > 0;
	if (hadEdits) applied.push('The file replaced the earlier price edits and custom models.');

	const replaced = replaceCustomModels({ ...s, prices }, customModels);
	return { scenario: replaced.scenario, applied: [...applied, ...replaced.changes] };
}

/**
 * The override that gives `own` (a shipped model) the prices of `given` (the file's model of
 * the same id), and the differences it cannot carry. A field is set whenever the value the
 * engine would otherwise use differs, so a cache rate that does not follow an overridden
 * input rate is written out too.
 */
function overrideFor(own: ModelPrice, given: ModelPrice): { override: PriceOverride; kept: string[] } {
	const kept: string[] = [];
	for (const [field, words] of FIXED_FIELDS) {
		if (own[field] !== given[field]) kept.push(`its ${words} differs in the file`);
	}
	const ownBand = own.bands?.[0];
	const givenBand = given.bands?.[0];
	const bandUsable = !!ownBand && !!givenBand && ownBand.abovePromptTokens === givenBand.abovePromptTokens;
	if (ownBand && !givenBand) kept.push('the file has no prompt-length band');
	else if (!ownBand && givenBand) kept.push('the file gives it a prompt-length band');
	else if (ownBand && givenBand && !bandUsable) kept.push(`the file's band starts above ${givenBand.abovePromptTokens} tokens, not ${ownBand.abovePromptTokens}`);
	if ((own.bands?.length ?? 0) > 1 || (given.bands?.length ?? 0) > 1) kept.push('only the first prompt-length band can be changed');

	// Input rates first: a cache rate left alone follows them (engine applyOverride), so each
	// field is compared with what the engine would use given the fields set before it.
	const override: PriceOverride = {};
	for (const { key, kind } of ORDER) {
		const wanted = sheetValue(given, key);
		if (wanted === undefined || sheetValue(own, key) === undefined) continue;
		if (key.startsWith('band') && !bandUsable) continue;
		if (kind === 'tokens' && (wanted > own.contextWindow || wanted > LIMITS.tokens)) {
			kept.push(`its minimum cacheable prefix of ${wanted} tokens is more than the model takes`);
			continue;
		}
		if (sheetValue(applyOverride(own, override), key) !== wanted) override[key] = wanted;
	}
	return { override, kept };
}
