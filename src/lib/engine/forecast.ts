import type { ModelPrice, PriceSheet } from '../pricing/schema';
import type { ScenarioV2 } from '../scenario/types';
import type { Plan } from './plan';
import { scenarioSheet } from './prices';

export interface ForecastOptions {
	/** The first month, `YYYY-MM`. */
	startMonth: string;
	/** Months in the forecast, 3 to 24. */
	horizonMonths: number;
	/** Monthly growth of traffic in percent (negative: shrinking), for every workload... */
	growthPercent: number;
	/** ...unless a workload has its own (null: the scenario's), by workload index. */
	workloadGrowthPercent?: readonly (number | null)[];
}

/** A model in use that retires inside the forecast's months. */
export interface Retirement {
	model: ModelPrice;
	/** `YYYY-MM-DD` or `YYYY-MM`, as the sheet gives it. */
	date: string;
	/** The month of the forecast it falls in, `YYYY-MM`. */
	month: string;
	replacement: ModelPrice | null;
}

export interface ForecastMonth {
	month: string;
	today: number;
	planned: number;
	saving: number;
}

export interface ForecastPeriod {
	/** `Q1 2027`, or `Total`. */
	label: string;
	today: number;
	planned: number;
	saving: number;
}

export interface Forecast {
	months: ForecastMonth[];
	/** Calendar quarters the months touch (a partial quarter sums the months inside the horizon). */
	quarters: ForecastPeriod[];
	total: ForecastPeriod;
	retirements: Retirement[];
}

/** The month `offset` months after `start` (`YYYY-MM`). */
export function addMonths(start: string, offset: number): string {
	const [y, m] = start.split('-').map(Number) as [number, number];
	const index = y * 12 + (m - 1) + offset;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Month by month, what Today and Planned cost as traffic grows: each workload's monthly
 * cost (from computePlan) times (1 + g)^i in month i, g its growth (the scenario's unless
 * it has its own). Costs are linear in traffic, so growth scales them exactly. Totals per
 * calendar quarter and for the horizon; the models in use whose retirement date falls
 * inside the months, with the replacement the sheet suggests.
 * Example: $1,000 a month growing 10 %: 1,000, 1,100, 1,210 -> $3,310 over 3 months.
 */
export function forecast(scenario: ScenarioV2, plan: Plan, options: ForecastOptions, sheet?: PriceSheet): Forecast {
	const horizon = Math.min(24, Math.max(3, Math.round(options.horizonMonths)));
	const growth = plan.workloads.map((_, i) => Math.max(-100, options.workloadGrowthPercent?.[i] ?? options.growthPercent) / 100);
	// Months as an index (year x 12 + month - 1), as in addMonths: the strings are built once each.
	const [startYear, startMonth] = options.startMonth.split('-').map(Number) as [number, number];
	const start = startYear * 12 + (startMonth - 1);
	const months: ForecastMonth[] = [];
	const quarters: ForecastPeriod[] = [];
	let q: ForecastPeriod | undefined;
	for (let i = 0; i < horizon; i++) {
		let today = 0;
		let planned = 0;
		for (let k = 0; k < plan.workloads.length; k++) {
			const w = plan.workloads[k] as Plan['workloads'][number];
			const factor = (1 + (growth[k] as number)) ** i;
			today += w.today.total * factor;
			planned += w.planned.total * factor;
		}
		const index = start + i;
		const year = Math.floor(index / 12);
		const month = (index % 12) + 1;
		const m: ForecastMonth = { month: `${year}-${String(month).padStart(2, '0')}`, today, planned, saving: today - planned };
		months.push(m);
		const label = `Q${Math.ceil(month / 3)} ${year}`;
		if (!q || q.label !== label) quarters.push((q = { label, today: 0, planned: 0, saving: 0 }));
		q.today += m.today;
		q.planned += m.planned;
		q.saving += m.saving;
	}
	const total = months.reduce(
		(t, m) => ({ label: 'Total', today: t.today + m.today, planned: t.planned + m.planned, saving: t.saving + m.saving }),
		{ label: 'Total', today: 0, planned: 0, saving: 0 }
	);
	// The horizon is at least 3 months: the first and last exist.
	const first = (months[0] as ForecastMonth).month;
	const last = (months[horizon - 1] as ForecastMonth).month;
	return { months, quarters, total, retirements: retirementsWithin(scenario, first, last, sheet) };
}

/** Models of any workload's Today or Planned mix whose retirement falls from `first` to `last` (months, inclusive). */
export function retirementsWithin(scenario: ScenarioV2, first: string, last: string, sheet?: PriceSheet): Retirement[] {
	const prices = scenarioSheet(scenario, sheet);
	const ids = new Set(scenario.workloads.flatMap((w) => [...Object.keys(w.today.mixPercent), ...Object.keys(w.planned.mixPercent)]));
	return prices.models
		.filter((m) => ids.has(m.id) && m.retires !== undefined)
		.map((m) => ({ m, month: (m.retires as string).slice(0, 7) }))
		.filter(({ month }) => month >= first && month <= last)
		.map(({ m, month }) => ({
			model: m,
			date: m.retires as string,
			month,
			replacement: prices.models.find((r) => r.id === m.replacedBy) ?? null
		}));
}
