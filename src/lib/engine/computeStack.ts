import type { PriceSheet } from '../pricing/schema';
import type { Scenario } from '../scenario/types';
import { LEVERS, LEVER_NAMES, NO_LEVERS, type Lever, type LeverSet } from './levers';
import { monthlyCost } from './monthlyCost';

export type LeverName = (typeof LEVER_NAMES)[keyof typeof LEVER_NAMES];

/** A row of any savings table (version 1's stack or version 2's plan), as tables and charts read it. */
export interface SavingsRow {
	lever: string;
	key: string | null;
	monthlyCost: number;
	stepSaving: number;
	stepSavingPercent: number;
	cumulativeSaving: number;
	cumulativeSavingPercent: number;
}

/** One row of the stacked savings table. Percentages are 0..100 (negative when a lever adds cost). */
export interface StackRow extends SavingsRow {
	lever: LeverName;
	/** The lever this row adds, or null for the baseline. */
	key: Lever | null;
	monthlyCost: number;
	/** Dollars saved against the row above (negative: the lever adds cost). */
	stepSaving: number;
	stepSavingPercent: number;
	/** Dollars saved against the baseline. */
	cumulativeSaving: number;
	cumulativeSavingPercent: number;
}

/**
 * The five rows of the savings table: the baseline, then each lever added on top of
 * the rows above it, in `order` (the spec's order by default). The last row's cost is
 * the same in any order; the per-lever attribution is not.
 *   stepSavingPercent = (previous - cost) / previous x 100
 * Example: computeStack(DEFAULT_SCENARIO).map(r => r.lever)
 *   -> ['Baseline', 'Model routing', 'Prompt caching', 'Batch API', 'Token optimization']
 */
export function computeStack(scenario: Scenario, sheet?: PriceSheet, order: readonly Lever[] = LEVERS): StackRow[] {
	// Four entries that include all four levers are a permutation of them.
	if (order.length !== LEVERS.length || !LEVERS.every((l) => order.includes(l))) {
		throw new Error(`order must list each of ${LEVERS.join(', ')} once; got ${order.join(', ')}`);
	}
	const baseline = monthlyCost(scenario, NO_LEVERS, sheet).total;
	const rows: StackRow[] = [row(LEVER_NAMES.baseline, null, baseline, baseline, baseline)];
	let levers: LeverSet = NO_LEVERS;
	let previous = baseline;
	for (const key of order) {
		levers = { ...levers, [key]: true };
		const cost = monthlyCost(scenario, levers, sheet).total;
		rows.push(row(LEVER_NAMES[key], key, cost, previous, baseline));
		previous = cost;
	}
	return rows;
}

function row(lever: LeverName, key: Lever | null, cost: number, previous: number, baseline: number): StackRow {
	return {
		lever,
		key,
		monthlyCost: cost,
		stepSaving: previous - cost,
		stepSavingPercent: percentSaved(previous, cost),
		cumulativeSaving: baseline - cost,
		cumulativeSavingPercent: percentSaved(baseline, cost)
	};
}

/** (from - to) / from as a percentage; 0 when `from` is 0 (nothing to save). */
export function percentSaved(from: number, to: number): number {
	return from > 0 ? ((from - to) / from) * 100 : 0;
}
