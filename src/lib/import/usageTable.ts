// The import dialog's table of imported usage (docs/usage-import.md "The import dialog"):
// one row per model, service tier, speed and geography, with its counts, measured hit
// ratio, averages per request, cost at the sheet and actual cost, and the totals. Pure: the
// summary and its pricing in, plain rows out; the component only prints them.
import type { PriceSheet } from '../pricing/schema';
import { resolveModel, type UsagePricing } from './priceUsage';
import { SERVICE_TIERS, SPEEDS, type ImportSummary, type InferenceGeo, type PerRequest, type ServiceTier, type Speed, type UsageGroup } from './types';

/** The counts a row shows (the creation total without a split is part of cacheWrite5m). */
export interface RowCounts {
	uncachedInput: number;
	cacheWrite5m: number;
	cacheWrite1h: number;
	cacheRead: number;
	output: number;
	webSearches: number;
}

export interface UsageRowTotals {
	/** Requests counted; null when some of the usage came without a request count (Admin usage report). */
	requests: number | null;
	/** Report rows that gave no request count. */
	rowsWithoutRequests: number;
	tokens: RowCounts;
	/** cache reads / (cache reads + cache writes), in tokens; null when nothing was cached. */
	hitRatio: number | null;
	/** Averages per request; null when the request count is unknown or 0. */
	perRequest: PerRequest | null;
	/** The cost at the sheet; null when nothing of it could be priced (an unknown model, a cost row). */
	computedUsd: number | null;
	/** The actual cost the data carried, or null. */
	actualUsd: number | null;
}

export interface UsageRow extends UsageRowTotals {
	key: string;
	/** What the row is called: the sheet's name of its model, or the name as the data gave it. */
	model: string;
	/** The summary's id of the model when it is priced as another (a mapping), else null. */
	mappedFrom: string | null;
	/** True when the sheet does not know the model and no mapping prices it. */
	unknown: boolean;
	serviceTier: ServiceTier;
	speed: Speed;
	inferenceGeo: InferenceGeo;
	/** False for a row that only carries an actual cost (a cost report row). */
	hasUsage: boolean;
}

export interface UsageTable {
	rows: UsageRow[];
	total: UsageRowTotals;
}

const hasUsage = (g: UsageGroup) => g.requests > 0 || g.rowsWithoutRequests > 0 || g.requestRecords > 0;

function hitRatio(t: RowCounts): number | null {
	const writes = t.cacheWrite5m + t.cacheWrite1h;
	return writes + t.cacheRead > 0 ? t.cacheRead / (t.cacheRead + writes) : null;
}

function perRequest(t: RowCounts, requests: number | null): PerRequest | null {
	if (requests === null || !(requests > 0)) return null;
	const cacheWrite = t.cacheWrite5m + t.cacheWrite1h;
	return {
		input: (t.uncachedInput + cacheWrite + t.cacheRead) / requests,
		uncachedInput: t.uncachedInput / requests,
		cacheWrite: cacheWrite / requests,
		cacheRead: t.cacheRead / requests,
		output: t.output / requests,
		webSearches: t.webSearches / requests
	};
}

const counts = (g: UsageGroup): RowCounts => ({
	uncachedInput: g.tokens.uncachedInput,
	cacheWrite5m: g.tokens.cacheWrite5m,
	cacheWrite1h: g.tokens.cacheWrite1h,
	cacheRead: g.tokens.cacheRead,
	output: g.tokens.output,
	webSearches: g.tokens.webSearches
});

/**
 * The rows of an import, sorted by model name, then service tier (standard, priority, batch)
 * and speed, and their totals. The total's cost, actual cost and difference are the
 * pricing's (priceUsage); its hit ratio and averages come from the summed counts:
 *   hit ratio = reads / (reads + writes 5m + writes 1h);  average = count / requests.
 * Example: two Sonnet 4.6 responses, one writing 2,000 tokens and one reading them ->
 *   one row, requests 2, hit ratio 2,000 / 4,000 = 0.5.
 */
export function usageTable(summary: ImportSummary, pricing: UsagePricing, sheet: PriceSheet): UsageTable {
	const rows: UsageRow[] = summary.groups.map((g, i) => {
		const priced = pricing.groups[i];
		const model = priced?.priceModelId ? sheet.models.find((m) => m.id === priced.priceModelId) : undefined;
		const tokens = counts(g);
		const requests = g.rowsWithoutRequests > 0 ? null : g.requests;
		return {
			key: g.key,
			model: model?.name ?? g.modelId,
			mappedFrom: model && model.id !== g.modelId ? g.modelId : null,
			unknown: !model,
			serviceTier: g.serviceTier,
			speed: g.speed,
			inferenceGeo: g.inferenceGeo,
			hasUsage: hasUsage(g),
			requests,
			rowsWithoutRequests: g.rowsWithoutRequests,
			tokens,
			hitRatio: hitRatio(tokens),
			perRequest: perRequest(tokens, requests),
			computedUsd: priced?.cost?.total ?? null,
			actualUsd: g.actualUsd
		};
	});
	rows.sort(
		(a, b) =>
			a.model.localeCompare(b.model, 'en') ||
			SERVICE_TIERS.indexOf(a.serviceTier) - SERVICE_TIERS.indexOf(b.serviceTier) ||
			SPEEDS.indexOf(a.speed) - SPEEDS.indexOf(b.speed) ||
			(a.inferenceGeo ?? '').localeCompare(b.inferenceGeo ?? '')
	);

	const used = rows.filter((r) => r.hasUsage);
	const tokens: RowCounts = { uncachedInput: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, output: 0, webSearches: 0 };
	for (const r of used) for (const k of Object.keys(tokens) as (keyof RowCounts)[]) tokens[k] += r.tokens[k];
	const rowsWithoutRequests = used.reduce((s, r) => s + r.rowsWithoutRequests, 0);
	const requests = rowsWithoutRequests > 0 ? null : used.reduce((s, r) => s + (r.requests ?? 0), 0);
	const anyPriced = rows.some((r) => r.computedUsd !== null);
	return {
		rows,
		total: {
			requests,
			rowsWithoutRequests,
			tokens,
			hitRatio: hitRatio(tokens),
			perRequest: perRequest(tokens, requests),
			computedUsd: anyPriced ? pricing.computedUsd : null,
			actualUsd: pricing.actualUsd
		}
	};
}

/**
 * The models of an import the sheet does not know by themselves (each can be mapped to a
 * sheet model): summary model ids with usage, in the order first seen.
 * Example: a file naming `gpt-4o` and `claude-sonnet-4-6` -> ['gpt-4o'].
 */
export function unknownModelIds(summary: ImportSummary, sheet: PriceSheet): string[] {
	const ids: string[] = [];
	for (const g of summary.groups) {
		if (!hasUsage(g) || ids.includes(g.modelId)) continue;
		if (!resolveModel({ modelId: g.modelId, apiNames: [] }, sheet)) ids.push(g.modelId);
	}
	return ids;
}
