// The page's tables as raw figures, for Download CSV and Copy table: the same rows as on
// the page, in the same order, every figure a plain number (US dollars a month, or percent
// 0..100) and the unit in the column's header. A cell the page shows as "—" (nothing to
// compare) or "n/a" (a percentage of an amount that rounds to $0.00) is empty. Pure.
import type { Forecast } from '../engine/forecast';
import type { Plan, PlanRow } from '../engine/plan';
import { roundsToZeroCents } from '../format';
import type { ExportTable } from './csv';

/** A percentage, or an empty cell when the amount it is of rounds to $0.00 (the page's "n/a"). */
const percentOf = (percent: number, base: number) => (roundsToZeroCents(base) || !Number.isFinite(percent) ? null : percent);

/**
 * The Stacked savings table: Today, then one row per lever in the scenario's order.
 * Example (docs/pricing-model.md §11.5): ['Today', 15750, null, null, null, null], then
 * ['Prompt caching', 7272, 8478, 53.83, 8478, 53.83] (figures before rounding).
 */
export function savingsTable(rows: readonly PlanRow[]): ExportTable {
	const today = rows[0]?.monthlyCost ?? 0;
	return {
		name: 'Stacked savings',
		columns: ['Lever', 'Monthly cost (USD)', 'Saving vs previous (USD)', 'Saving vs previous (%)', 'Cumulative saving (USD)', 'Cumulative saving (%)'],
		rows: rows.map((r, i) =>
			r.key === null
				? [r.lever, r.monthlyCost, null, null, null, null]
				: [
						r.lever,
						r.monthlyCost,
						r.stepSaving,
						percentOf(r.stepSavingPercent, rows[i - 1]?.monthlyCost ?? 0),
						r.cumulativeSaving,
						percentOf(r.cumulativeSavingPercent, today)
					]
		)
	};
}

/** The Per workload table: Total first, then each workload; the saving in dollars and as a percentage of its Today. */
export function workloadTable(plan: Plan): ExportTable {
	const row = (name: string, today: number, planned: number) => [name, today, planned, today - planned, percentOf(((today - planned) / today) * 100, today)];
	return {
		name: 'Per workload',
		columns: ['Workload', 'Today (USD a month)', 'Planned (USD a month)', 'Saved (USD a month)', 'Saved (%)'],
		rows: [row('Total', plan.today, plan.planned), ...plan.workloads.map((w) => row(w.name, w.today.total, w.planned.total))]
	};
}

/** The Per model table: Total first, then every model billed Today or Planned, with its sheet id. */
export function modelTable(plan: Plan): ExportTable {
	return {
		name: 'Per model',
		columns: ['Model', 'Model id', 'Today (USD a month)', 'Planned (USD a month)', 'Change (USD a month)'],
		rows: [
			['Total', null, plan.today, plan.planned, plan.planned - plan.today],
			...plan.models.map((m) => [m.model.name, m.model.id, m.today, m.planned, m.planned - m.today])
		]
	};
}

/**
 * The forecast: one row per month (`YYYY-MM`), then one per calendar quarter, then the
 * horizon's total, told apart by the Period column.
 * Example: 3 months from 2026-12 at $1,000 growing 10 %: ['month', '2026-12', 1000, ...],
 * ..., ['quarter', 'Q4 2026', 1000, ...], ['quarter', 'Q1 2027', 2310, ...], ['total', 'Total', 3310, ...].
 */
export function forecastTable(f: Forecast): ExportTable {
	return {
		name: 'Forecast',
		columns: ['Period', 'Month or quarter', 'Today (USD)', 'Planned (USD)', 'Saved (USD)'],
		rows: [
			...f.months.map((m) => ['month', m.month, m.today, m.planned, m.saving]),
			...f.quarters.map((q) => ['quarter', q.label, q.today, q.planned, q.saving]),
			['total', f.total.label, f.total.today, f.total.planned, f.total.saving]
		]
	};
}
