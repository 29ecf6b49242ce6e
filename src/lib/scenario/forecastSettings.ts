// The forecast's settings in a version-2 scenario (docs/scenario.md, "Forecast"): the rows
// of its fields, their repair, the page's edits and what the engine's forecast() is given.
// Zod-free and DOM-free.
//
// COMPATIBILITY: `key` and `url` of a row are public contracts (scenario files, links), as
// in ./fields. The defaults never change: a scenario without `forecast` means them.
//
// Canonical form: `scenario.forecast` is present only when one of its values differs from the
// default (a start month the reader picked counts); a workload's `growthPercent` only when
// the workload has its own. A missing start month means the month after the day the page
// is opened, so it is never written unless picked: a link opened next year still forecasts
// from the next month, and a link of today's default never changes.
import { quoteSafely } from '../validation/quoteSafely';
import type { NumberField } from './fields';
import { isRecord, repairNumber, showNumber } from './repair';
import type { ForecastSettings, ScenarioV2, Workload } from './types';

/** The forecast's numbers, scenario-wide. The same growth row serves a workload's own growth. */
export const FORECAST_FIELDS = {
	growthPercent: {
		key: 'growthPercent',
		label: 'Monthly growth',
		url: 'growth',
		default: 0,
		min: -100,
		max: 100,
		integer: false,
		slider: { min: -20, max: 20, step: 0.5 },
		unit: '%',
		description: 'How much the traffic grows each month (negative: shrinks); costs follow the traffic.'
	},
	horizonMonths: {
		key: 'horizonMonths',
		label: 'Forecast horizon',
		url: 'months',
		default: 12,
		min: 3,
		max: 24,
		integer: true,
		slider: { min: 3, max: 24, step: 1 },
		unit: 'months',
		description: 'How many months the forecast covers, 3 to 24.'
	}
} as const satisfies Record<string, NumberField>;

/** The start month: a `YYYY-MM` text, not a number row. */
export const START_MONTH_FIELD = { key: 'startMonth', label: 'Start month', url: 'start' } as const;

/** The label of a workload's own growth: "Monthly growth of Support triage". */
export const workloadGrowthLabel = (name: string) => `${FORECAST_FIELDS.growthPercent.label} of ${name}`;

/** The defaults a scenario without `forecast` means (a public contract: never change them). */
export const DEFAULT_FORECAST: Readonly<Required<Omit<ForecastSettings, 'startMonth'>>> = Object.freeze({
	horizonMonths: FORECAST_FIELDS.horizonMonths.default,
	growthPercent: FORECAST_FIELDS.growthPercent.default
});

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a month `YYYY-MM` from 2000-01 to 2999-12. */
export function isMonth(value: unknown): value is string {
	return typeof value === 'string' && MONTH.test(value) && value >= '2000-01' && value <= '2999-12';
}

/**
 * The month after the day `date` falls on, in the reader's time zone (`YYYY-MM`).
 * Example: monthAfter(new Date(2026, 10, 30)) = '2026-12'; a 31 December gives next January.
 */
export function monthAfter(date: Date): string {
	const index = date.getFullYear() * 12 + date.getMonth() + 1;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A number of a row: the given value, clamped or rounded with a correction, or the fallback (as repairV2's repairField). */
function repairField(value: unknown, f: NumberField, label: string, fallback: number, out: string[]): number {
	const ok = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= f.min && v <= f.max && (!f.integer || Number.isInteger(v));
	return repairNumber(value, { safeParse: (v) => ({ success: ok(v) }) }, f, label, fallback, `used ${showNumber(fallback)}`, out) ?? fallback;
}

/** Settings in canonical form: undefined when every value is the default and no start month is picked. */
function canonical(f: ForecastSettings): ForecastSettings | undefined {
	const start = f.startMonth === undefined ? {} : { startMonth: f.startMonth };
	if (f.startMonth === undefined && f.horizonMonths === DEFAULT_FORECAST.horizonMonths && f.growthPercent === DEFAULT_FORECAST.growthPercent) return undefined;
	return { ...start, horizonMonths: f.horizonMonths, growthPercent: f.growthPercent };
}

/**
 * The `forecast` of a scenario made valid, in canonical form, with one sentence per change
 * (appended to `out`). Missing: undefined, silently. A start month that is not `YYYY-MM` is
 * dropped (the month after today); numbers are clamped and rounded like every field.
 * Example: { horizonMonths: 40 } -> { horizonMonths: 24, growthPercent: 0 } and
 * 'Forecast horizon 40 was above 24; used 24'.
 */
export function repairForecast(value: unknown, out: string[]): ForecastSettings | undefined {
	if (value === undefined || value === null) return undefined;
	if (!isRecord(value)) {
		out.push(`Forecast ${quoteSafely(value)} is not a set of settings; used the defaults`);
		return undefined;
	}
	const get = (key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);
	const start = get(START_MONTH_FIELD.key);
	let startMonth: string | undefined;
	if (isMonth(start)) startMonth = start;
	else if (start !== undefined && start !== null && start !== '') {
		out.push(`${START_MONTH_FIELD.label} ${quoteSafely(start)} is not a month written YYYY-MM; used the month after today`);
	}
	const number = (f: NumberField) => repairField(get(f.key), f, f.label, f.default, out);
	return canonical({
		...(startMonth === undefined ? {} : { startMonth }),
		horizonMonths: number(FORECAST_FIELDS.horizonMonths),
		growthPercent: number(FORECAST_FIELDS.growthPercent)
	});
}

/**
 * A workload's own monthly growth made valid: undefined when it has none (missing or null:
 * the scenario's growth), else the number clamped into the growth row's range.
 * Example: repairWorkloadGrowth(250, 'Support triage', out) = 100, with a correction.
 */
export function repairWorkloadGrowth(value: unknown, workloadName: string, out: string[]): number | undefined {
	if (value === undefined || value === null) return undefined;
	return repairField(value, FORECAST_FIELDS.growthPercent, `${workloadName}: ${FORECAST_FIELDS.growthPercent.label}`, 0, out);
}

/** The forecast's settings with their defaults filled in (the start month stays unset when not picked). */
export function forecastSettings(s: ScenarioV2): ForecastSettings {
	return { ...DEFAULT_FORECAST, ...s.forecast };
}

/** What the engine's forecast() is given: the start month (or the month after `openedOn`), the horizon, the growths. */
export function forecastOptions(s: ScenarioV2, openedOn: Date) {
	const f = forecastSettings(s);
	return {
		startMonth: f.startMonth ?? monthAfter(openedOn),
		horizonMonths: f.horizonMonths,
		growthPercent: f.growthPercent,
		workloadGrowthPercent: s.workloads.map((w) => w.growthPercent ?? null)
	};
}

/**
 * The scenario with some forecast settings changed, in canonical form. A start month of null
 * or '' goes back to the month after today. Never mutates `s`.
 * Example: setForecast(s, { horizonMonths: 12, growthPercent: 0 }) on a scenario without a
 * picked start month leaves no `forecast` at all.
 */
export function setForecast(s: ScenarioV2, patch: { startMonth?: string | null; horizonMonths?: number; growthPercent?: number }): ScenarioV2 {
	const f = forecastSettings(s);
	const start = patch.startMonth === undefined ? f.startMonth : isMonth(patch.startMonth) ? patch.startMonth : undefined;
	const next = canonical({
		...(start === undefined ? {} : { startMonth: start }),
		horizonMonths: patch.horizonMonths ?? f.horizonMonths,
		growthPercent: patch.growthPercent ?? f.growthPercent
	});
	const { forecast: _, ...rest } = s;
	return next ? { ...rest, forecast: next } : rest;
}

/** The scenario with workload `index` growing at its own rate, or (null) at the scenario's. Never mutates `s`. */
export function setWorkloadGrowth(s: ScenarioV2, index: number, growthPercent: number | null): ScenarioV2 {
	return {
		...s,
		workloads: s.workloads.map((w, i): Workload => {
			if (i !== index) return w;
			const { growthPercent: _, ...rest } = w;
			return (growthPercent === null ? rest : { ...rest, growthPercent }) as Workload;
		})
	};
}

/** "3 %", "-1.5 %": a growth as the report writes it. */
export function growthWords(percent: number): string {
	return `${showNumber(percent)} %`;
}
