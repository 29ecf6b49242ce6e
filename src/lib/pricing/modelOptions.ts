// How the page lists models to pick from (Baseline model, Add model to mix): grouped by
// family, newest first, each with its status in words. Pure: no Svelte, no DOM.
import type { ModelPrice } from './schema';

/** The families in the order the lists show them; other families follow, then custom models. */
export const FAMILY_ORDER = ['fable', 'opus', 'sonnet', 'haiku'] as const;

/** The group of models the user added (scenario.customModels), whatever their `family`. */
export const CUSTOM_GROUP = 'custom';

export interface ModelOption {
	id: string;
	name: string;
	/** The status in words: "latest", "legacy", "deprecated, retires 2026-11-30", "retired 2026-08-05". */
	status: string;
	/** What the option shows: "Sonnet 4.5 (deprecated, retires 2026-11-30)". */
	label: string;
}

export interface ModelGroup {
	/** `fable`, `opus`, …, or `custom`. */
	family: string;
	/** The optgroup label: "Fable", "Opus", …, "Custom". */
	label: string;
	options: ModelOption[];
}

export interface ModelListOptions {
	/** Show retired models too (the `Show older models` checkbox). */
	showOlder?: boolean;
	/** Ids always listed, retired or not: the models in use (baseline and mix). */
	keep?: Iterable<string>;
	/** Ids left out (e.g. the models already in the mix, for `Add model to mix`). */
	exclude?: Iterable<string>;
}

/**
 * A model's status in words, with its date where the sheet gives one.
 * Examples: active -> "latest"; deprecated, retires 2026-11-30 -> "deprecated, retires 2026-11-30";
 * retired, retires 2026-08-05 -> "retired 2026-08-05".
 */
export function statusWords(model: Pick<ModelPrice, 'status' | 'retires'>): string {
	switch (model.status) {
		case 'active':
			return 'latest';
		case 'legacy':
			return 'legacy';
		case 'deprecated':
			return model.retires ? `deprecated, retires ${model.retires}` : 'deprecated';
		case 'retired':
			return model.retires ? `retired ${model.retires}` : 'retired';
	}
}

/** "Opus 5.5 (latest)". */
export function optionLabel(model: Pick<ModelPrice, 'name' | 'status' | 'retires'>): string {
	return `${model.name} (${statusWords(model)})`;
}

/** "opus" -> "Opus"; "custom" -> "Custom". */
function familyLabel(family: string): string {
	return family.charAt(0).toUpperCase() + family.slice(1);
}

/**
 * The models to offer, in optgroups: Fable, Opus, Sonnet, Haiku, any other family of the
 * sheet (in the order it first appears), then the custom models. Within a group the sheet's
 * order is kept (sheets list models newest first). Retired models are left out unless
 * `showOlder`, except those in `keep`; ids in `exclude` are left out; empty groups are dropped.
 * Example: modelGroups(sheet.models, [], { keep: ['opus-4-1'] }) lists Opus 4.1 (retired
 * 2026-08-05) among the Opus models, and no other retired model.
 */
export function modelGroups(
	sheetModels: readonly ModelPrice[],
	customModels: readonly ModelPrice[] = [],
	{ showOlder = false, keep = [], exclude = [] }: ModelListOptions = {}
): ModelGroup[] {
	const kept = new Set(keep);
	const excluded = new Set(exclude);
	const customIds = new Set(customModels.map((m) => m.id));
	const listed = (m: ModelPrice) => !excluded.has(m.id) && (showOlder || m.status !== 'retired' || kept.has(m.id));
	const option = (m: ModelPrice): ModelOption => ({ id: m.id, name: m.name, status: statusWords(m), label: optionLabel(m) });

	const families: string[] = [...FAMILY_ORDER];
	for (const m of sheetModels) if (!families.includes(m.family) && m.family !== CUSTOM_GROUP) families.push(m.family);
	families.push(CUSTOM_GROUP);
	const fromSheet = sheetModels.filter((m) => !customIds.has(m.id));
	const groups: ModelGroup[] = families.map((family) => {
		const members = fromSheet.filter((m) => m.family === family);
		if (family === CUSTOM_GROUP) members.push(...customModels);
		return { family, label: familyLabel(family), options: members.filter(listed).map(option) };
	});
	return groups.filter((g) => g.options.length > 0);
}

/**
 * How many retired models `Show older models` would add to the lists (those not in use).
 * Example: 5 on anthropic-2026-11 with nothing retired in use.
 */
export function hiddenOlderCount(models: readonly ModelPrice[], keep: Iterable<string> = []): number {
	const kept = new Set(keep);
	return models.filter((m) => m.status === 'retired' && !kept.has(m.id)).length;
}
