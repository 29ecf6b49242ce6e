// Imported usage priced on a sheet, and set against the actual cost the data carried
// (docs/usage-import.md "Pricing and reconciliation"). Pure: the summary and a sheet in,
// dollars out; the summary is not changed.
import { rateFactor, WEB_SEARCH_DOLLARS, type CostBreakdown } from '../engine/requestCost';
import { requestRates, type Rates } from '../engine/prices';
import type { Band, ModelPrice, PriceSheet } from '../pricing/schema';
import type { RecordTraits, TokenCounts, UsageGroup, ImportSummary } from './types';

export interface PriceUsageOptions {
	/**
	 * Model names the sheet does not know, mapped to a model id of the sheet (or of a custom
	 * model on it). Keys are a summary model id (`gpt-4o`, `(no model)`, `opus-3`) or a name
	 * as the data gave it (`claude-3-opus-20240229`).
	 */
	modelMap?: Readonly<Record<string, string>>;
}

/** One group's price. */
export interface PricedGroup {
	key: string;
	/** The sheet model the group was priced as, or null when the model is unknown. */
	priceModelId: string | null;
	/** The cost at the sheet's rates, or null for an unknown model (or a group with no usage). */
	cost: CostBreakdown | null;
	actualUsd: number | null;
}

/** Computed against actual cost for one model. */
export interface ModelComparison {
	/** The sheet model id, or the unknown name. */
	model: string;
	/** The sheet's name for it (`Sonnet 4.6`), or the id. */
	name: string;
	computedUsd: number | null;
	actualUsd: number | null;
	/** computed - actual, when both are known. */
	differenceUsd: number | null;
	/** (computed - actual) / actual x 100, when both are known and actual is not 0. */
	differencePercent: number | null;
}

export interface UnknownModel {
	/** The summary's id for it (the name as given when it follows no Claude pattern). */
	model: string;
	apiNames: string[];
	requests: number;
	/** Input, cache and output tokens together. */
	tokens: number;
}

export interface UsagePricing {
	sheetId: string;
	groups: PricedGroup[];
	models: ModelComparison[];
	/** Every priced group at the sheet's rates. */
	computedUsd: number;
	/** Every actual cost the data carried, or null when it carried none. */
	actualUsd: number | null;
	/** computedUsd - actualUsd, when the data carried an actual cost and some usage was priced. */
	differenceUsd: number | null;
	/** differenceUsd / actualUsd x 100 (null when actualUsd is 0). */
	differencePercent: number | null;
	/** Models with usage that the sheet does not know: priced only once mapped (modelMap). */
	unknownModels: UnknownModel[];
	notes: string[];
}

const ZERO: CostBreakdown = { plainInput: 0, cacheWrites: 0, cacheReads: 0, output: 0, webSearches: 0, total: 0 };

/**
 * The bounds of a `context_window` class, in tokens: "0-200k" -> [0, 200000],
 * "200k-1M" -> [200000, 1000000]; null when unreadable.
 */
export function contextWindowBounds(text: string | null): [number, number] | null {
	if (!text) return null;
	const m = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*-\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(text);
	if (!m) return null;
	const scale = (unit: string | undefined) => (unit?.toLowerCase() === 'k' ? 1e3 : unit?.toLowerCase() === 'm' ? 1e6 : 1);
	return [Number(m[1]) * scale(m[2]), Number(m[3]) * scale(m[4])];
}

/**
 * The band for report rows of a context-window class: the highest band every prompt of the
 * class is above; null (standard rates) when none; `undefined` when the class straddles a
 * band's threshold or is unknown, so the rows cannot be placed (then standard rates, noted).
 * Example: Haiku 5.5 (band above 100,000): "200k-1M" -> its band; "0-200k" -> undefined.
 */
export function bandForRows(model: Pick<ModelPrice, 'bands'>, contextWindow: string | null): Band | null | undefined {
	const bands = model.bands ?? [];
	if (bands.length === 0) return null;
	const bounds = contextWindowBounds(contextWindow);
	if (!bounds) return undefined;
	let chosen: Band | null = null;
	for (const band of bands) {
		if (bounds[0] >= band.abovePromptTokens) chosen = band;
		else if (bounds[1] <= band.abovePromptTokens) return chosen;
		else return undefined;
	}
	return chosen;
}

/** Cost of token counts at rates, times the rate factor (batch, fast, US-only); searches at $0.01. */
function costOf(t: Pick<TokenCounts, 'uncachedInput' | 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead' | 'output' | 'webSearches'>, r: Rates, factor: number): CostBreakdown {
	const k = factor / 1e6;
	const plainInput = t.uncachedInput * r.inputPerMTok * k;
	const cacheWrites = (t.cacheWrite5m * r.cacheWrite5mPerMTok + t.cacheWrite1h * r.cacheWrite1hPerMTok) * k;
	const cacheReads = t.cacheRead * r.cacheReadPerMTok * k;
	const output = t.output * r.outputPerMTok * k;
	const webSearches = t.webSearches * WEB_SEARCH_DOLLARS;
	return { plainInput, cacheWrites, cacheReads, output, webSearches, total: plainInput + cacheWrites + cacheReads + output + webSearches };
}

function add(into: CostBreakdown, c: CostBreakdown): void {
	into.plainInput += c.plainInput;
	into.cacheWrites += c.cacheWrites;
	into.cacheReads += c.cacheReads;
	into.output += c.output;
	into.webSearches += c.webSearches;
	into.total += c.total;
}

/** The sheet model a group is priced as: through the mapping, else its own id; null when the sheet has neither. */
export function resolveModel(group: Pick<UsageGroup, 'modelId' | 'apiNames'>, sheet: PriceSheet, modelMap: Readonly<Record<string, string>> = {}): ModelPrice | null {
	const mapped = Object.hasOwn(modelMap, group.modelId)
		? modelMap[group.modelId]
		: group.apiNames.map((n) => (Object.hasOwn(modelMap, n) ? modelMap[n] : undefined)).find((id) => id !== undefined);
	const id = mapped ?? group.modelId;
	return sheet.models.find((m) => m.id === id) ?? null;
}

/**
 * The factor on every token rate of a group's requests (docs/pricing-model.md §2): batch tier
 * x batchMultiplier (fast mode never applies in batch), fast speed x the model's fastMode,
 * inference_geo "us" x usOnlyInferenceMultiplier on models that offer it. Priority tier is
 * billed at standard rates here (the calculator does not model Priority Tier commitments).
 */
export function groupRateFactor(traits: Pick<RecordTraits, 'serviceTier' | 'speed' | 'inferenceGeo'>, model: ModelPrice, sheet: PriceSheet): number {
	return rateFactor(
		model,
		{ batchShare: traits.serviceTier === 'batch' ? 1 : 0, fastMode: traits.speed === 'fast', usOnlyInference: traits.inferenceGeo === 'us' },
		{ batch: sheet.batchMultiplier, usOnlyInference: sheet.usOnlyInferenceMultiplier }
	);
}

const money = (usd: number) => `$${usd.toFixed(2)}`;

/**
 * Prices an import on a sheet (a shipped sheet, or one with a scenario's overrides and
 * custom models: engine scenarioSheet). Per-request data is priced request by request (the
 * band follows each prompt's length: uncached + cache writes + cache reads); report rows are
 * priced row by row (the band follows their context window when it decides one):
 *   cost = (uncached x in + writes5m x write5m + writes1h x write1h + reads x read + output x out) / 1e6
 *          x factor (batch, fast, US-only) + searches x $0.01
 * Unknown models stay unpriced until `modelMap` maps them.
 * Example (anthropic-2026-11): one Sonnet 4.6 request of 2,000 uncached and 500 output tokens:
 *   (2,000 x 3 + 500 x 15) / 1e6 = $0.0135.
 */
export function priceUsage(summary: ImportSummary, sheet: PriceSheet, options: PriceUsageOptions = {}): UsagePricing {
	const modelMap = options.modelMap ?? {};
	const notes: string[] = [];
	const resolved = summary.groups.map((g) => resolveModel(g, sheet, modelMap));
	const factors = summary.groups.map((g, i) => {
		const model = resolved[i];
		return model ? groupRateFactor(g, model, sheet) : 0;
	});
	const costs: (CostBreakdown | null)[] = summary.groups.map((_, i) => (resolved[i] ? { ...ZERO } : null));

	// Per-request data: each request at the rates of its own prompt length.
	const ledger = summary.ledger;
	for (let row = 0; row < ledger.length; row++) {
		const g = ledger.group[row] as number;
		const model = resolved[g];
		const into = costs[g];
		if (!model || !into) continue;
		const t = {
			uncachedInput: ledger.uncachedInput[row] as number,
			cacheWrite5m: ledger.cacheWrite5m[row] as number,
			cacheWrite1h: ledger.cacheWrite1h[row] as number,
			cacheRead: ledger.cacheRead[row] as number,
			output: ledger.output[row] as number,
			webSearches: ledger.webSearches[row] as number
		};
		const prompt = t.uncachedInput + t.cacheWrite5m + t.cacheWrite1h + t.cacheRead;
		add(into, costOf(t, requestRates(model, prompt), factors[g] as number));
	}

	// Report rows: per context-window class.
	let unplaced = 0;
	summary.groups.forEach((g, i) => {
		const model = resolved[i];
		const into = costs[i];
		if (!model || !into) return;
		for (const rows of g.aggregates) {
			const band = bandForRows(model, rows.contextWindow);
			if (band === undefined) unplaced += rows.rows;
			const rates = requestRates(model, band ? band.abovePromptTokens + 1 : 0);
			add(into, costOf(rows.tokens, rates, factors[i] as number));
		}
	});
	if (unplaced > 0) {
		notes.push(
			`${unplaced} report row${unplaced === 1 ? '' : 's'} on models with prompt-length bands gave no context window that decides the band: priced at the standard rates.`
		);
	}

	const hasUsage = (g: UsageGroup) => g.requests > 0 || g.rowsWithoutRequests > 0 || g.requestRecords > 0;
	const groups: PricedGroup[] = summary.groups.map((g, i) => ({
		key: g.key,
		priceModelId: resolved[i]?.id ?? null,
		cost: hasUsage(g) ? (costs[i] ?? null) : null,
		actualUsd: g.actualUsd
	}));

	// Per model: computed and actual side by side.
	const byModel = new Map<string, ModelComparison>();
	summary.groups.forEach((g, i) => {
		const model = resolved[i];
		const id = model?.id ?? g.modelId;
		const entry = byModel.get(id) ?? { model: id, name: model?.name ?? id, computedUsd: null, actualUsd: null, differenceUsd: null, differencePercent: null };
		const cost = groups[i]?.cost;
		if (cost) entry.computedUsd = (entry.computedUsd ?? 0) + cost.total;
		if (g.actualUsd !== null) entry.actualUsd = (entry.actualUsd ?? 0) + g.actualUsd;
		byModel.set(id, entry);
	});
	const models = [...byModel.values()].map((m) => ({ ...m, ...difference(m.computedUsd, m.actualUsd) }));

	const computedUsd = groups.reduce((s, g) => s + (g.cost?.total ?? 0), 0);
	const actualGroups = summary.groups.filter((g) => g.actualUsd !== null);
	const actualUsd = actualGroups.length ? actualGroups.reduce((s, g) => s + (g.actualUsd as number), 0) : null;

	const unknown = new Map<string, UnknownModel>();
	summary.groups.forEach((g, i) => {
		if (resolved[i] || !hasUsage(g)) return;
		const entry = unknown.get(g.modelId) ?? { model: g.modelId, apiNames: [], requests: 0, tokens: 0 };
		for (const n of g.apiNames) if (!entry.apiNames.includes(n)) entry.apiNames.push(n);
		entry.requests += g.requests;
		entry.tokens += g.tokens.uncachedInput + g.tokens.cacheWrite5m + g.tokens.cacheWrite1h + g.tokens.cacheRead + g.tokens.output;
		unknown.set(g.modelId, entry);
	});
	const unknownModels = [...unknown.values()];
	if (unknownModels.length) {
		notes.push(
			`Not on the sheet ${sheet.id}, so not priced: ${unknownModels.map((u) => u.model).join(', ')}. Map each to a model of the sheet (or a custom model) to price it.`
		);
	}

	const pricedWith = (test: (g: UsageGroup, model: ModelPrice) => boolean) =>
		summary.groups.some((g, i) => {
			const model = resolved[i];
			return model !== null && model !== undefined && hasUsage(g) && test(g, model);
		});
	if (pricedWith((g) => g.serviceTier === 'priority')) {
		notes.push(
			'Priority tier requests are priced at standard list rates: Priority Tier is billed by commitment, which the calculator does not model (and the cost report leaves Priority Tier costs out).'
		);
	}
	if (pricedWith((g) => g.serviceTier === 'batch' && g.speed === 'fast')) {
		notes.push('Some batch requests are marked fast: fast mode never applies in batch, so they are priced at batch rates.');
	}
	if (pricedWith((g, m) => g.speed === 'fast' && g.serviceTier !== 'batch' && !m.fastMode)) {
		notes.push('Some fast requests are on models without fast mode on this sheet: they are priced at normal rates.');
	}
	if (pricedWith((g, m) => g.inferenceGeo === 'us' && !m.usOnlyInference)) {
		notes.push('Some requests ran with inference_geo "us" on models that do not offer US-only inference on this sheet: they are priced at standard rates.');
	}
	const modelless = summary.groups.filter((g, i) => g.actualUsd !== null && !resolved[i] && !hasUsage(g));
	const modellessUsd = modelless.reduce((s, g) => s + (g.actualUsd as number), 0);
	if (modelless.length) {
		notes.push(`${money(modellessUsd)} of actual cost has no priced model (such as web searches in a cost report not grouped by description): it counts in the total only.`);
	}

	// With no usage priced at all (a cost report alone) there is nothing to compare.
	const anyPriced = groups.some((g) => g.cost !== null);
	return { sheetId: sheet.id, groups, models, computedUsd, actualUsd, ...difference(anyPriced ? computedUsd : null, actualUsd), unknownModels, notes };
}

function difference(computed: number | null, actual: number | null): { differenceUsd: number | null; differencePercent: number | null } {
	if (computed === null || actual === null) return { differenceUsd: null, differencePercent: null };
	const differenceUsd = computed - actual;
	return { differenceUsd, differencePercent: actual !== 0 ? (differenceUsd / actual) * 100 : null };
}
