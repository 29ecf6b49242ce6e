// How the import dialog groups imported usage into workloads for `Use as Today`
// (docs/usage-import.md "The import dialog"): one workload per model, or one per model and
// service tier. The choice becomes toWorkloads' `groupBy`; the same function tells which
// workloads need a request count the data does not give. Pure.
import type { PriceSheet } from '../pricing/schema';
import { resolveModel } from './priceUsage';
import type { ToWorkloadsOptions } from './toWorkloads';
import type { ImportSummary, ServiceTier, UsageGroup } from './types';

export const WORKLOAD_GROUPINGS = ['model', 'model-tier'] as const;
export type WorkloadGrouping = (typeof WORKLOAD_GROUPINGS)[number];

/** What each choice is called in the dialog. */
export const GROUPING_LABELS: Readonly<Record<WorkloadGrouping, string>> = {
	model: 'One workload per model',
	'model-tier': 'One workload per model and service tier'
};

/** A service tier in a workload's name. */
export const TIER_WORDS: Readonly<Record<ServiceTier, string>> = { standard: 'standard', priority: 'priority', batch: 'batch' };

/**
 * The workload key of a group: the sheet model id (per model), or "<model name> (<tier>)"
 * (per model and tier); null for a model the sheet does not know (it is left out).
 * Example: Sonnet 4.6 on the batch tier -> 'sonnet-4-6', or 'Sonnet 4.6 (batch)'.
 */
export function workloadKey(group: UsageGroup, grouping: WorkloadGrouping, sheet: PriceSheet, modelMap: Readonly<Record<string, string>> = {}): string | null {
	const model = resolveModel(group, sheet, modelMap);
	if (!model) return null;
	return grouping === 'model' ? model.id : `${model.name} (${TIER_WORDS[group.serviceTier]})`;
}

/** toWorkloads' `groupBy` for a choice. */
export function workloadGroupBy(grouping: WorkloadGrouping, sheet: PriceSheet, modelMap: Readonly<Record<string, string>> = {}): NonNullable<ToWorkloadsOptions['groupBy']> {
	if (grouping === 'model') return 'model';
	return (g) => workloadKey(g, grouping, sheet, modelMap) ?? g.modelId;
}

/**
 * The workloads whose data gives no request count (rows of the Admin usage report): toWorkloads
 * leaves them out unless it is told how many requests they cover (`requestCounts`). Each with
 * its key (for requestCounts) and the name the workload would have.
 * Example: a usage report of Sonnet 4.6 -> [{ key: 'sonnet-4-6', name: 'Sonnet 4.6' }].
 */
export function workloadsWithoutCounts(
	summary: ImportSummary,
	grouping: WorkloadGrouping,
	sheet: PriceSheet,
	modelMap: Readonly<Record<string, string>> = {}
): { key: string; name: string }[] {
	const found: { key: string; name: string }[] = [];
	for (const g of summary.groups) {
		if (g.rowsWithoutRequests === 0) continue;
		const key = workloadKey(g, grouping, sheet, modelMap);
		if (key === null || found.some((f) => f.key === key)) continue;
		found.push({ key, name: grouping === 'model' ? (sheet.models.find((m) => m.id === key)?.name ?? key) : key });
	}
	return found;
}
