// What changed between two chart configurations, so the chart attachment redraws only when
// something the reader sees changed, and replaces only the datasets that did: a moving marker
// (the hit-ratio chart's "your hit ratio" line) swaps that one dataset's points, and the lines
// keep theirs (Chart.js keeps their controllers and elements, and parses nothing else).
//
// Configurations are compared by what they show, as JSON: functions (tick, tooltip and legend
// callbacks, inline plugins' hooks) are left out, so two configurations built by the same
// builder from the same figures compare equal. The builders' callbacks must therefore read
// only what their datasets, labels and options also carry (or what determines those), which
// ./configs and ./cachingConfigs do. Pure, with type imports only: tested in Node.
import type { ChartConfiguration } from 'chart.js';

/** A configuration's visible content, as strings (each taken before Chart.js sees the objects). */
export interface ConfigPrint {
	type: string;
	/** The inline plugins' ids: another set needs a new chart (Chart.js reads them once). */
	plugins: string;
	labels: string;
	datasets: string[];
	options: string;
}

/** The change from one configuration to the next. */
export type ChartChange =
	/** Nothing visible changed: leave the chart alone. */
	| { kind: 'none' }
	/** Replace these datasets (by index) and, if `labels`, the labels; then update once. */
	| { kind: 'datasets'; labels: boolean; datasets: number[]; options: boolean }
	/** A different number of datasets: replace all the data. */
	| { kind: 'data' }
	/** Another chart type or other inline plugins: build a new chart. */
	| { kind: 'chart' };

/** Any chart configuration (ChartConfiguration of any type, data and labels). */
export interface AnyConfig {
	type: ChartConfiguration['type'];
	options?: unknown;
	plugins?: readonly { id: string }[];
	data: { labels?: unknown; datasets: readonly unknown[] };
}

export function configPrint(config: AnyConfig): ConfigPrint {
	return {
		type: String(config.type),
		plugins: (config.plugins ?? []).map((p) => p.id).join(','),
		labels: JSON.stringify(config.data.labels ?? null),
		datasets: config.data.datasets.map((d) => JSON.stringify(d)),
		options: JSON.stringify(config.options ?? null)
	};
}

/**
 * What to do to go from the configuration shown (`before`) to the next (`after`).
 * Example: the hit-ratio chart at 80 % then 81 % -> { kind: 'datasets', datasets: [3], ... }.
 */
export function chartChange(before: ConfigPrint, after: ConfigPrint): ChartChange {
	if (before.type !== after.type || before.plugins !== after.plugins) return { kind: 'chart' };
	if (before.datasets.length !== after.datasets.length) return { kind: 'data' };
	const datasets = after.datasets.flatMap((d, i) => (d === before.datasets[i] ? [] : [i]));
	const labels = before.labels !== after.labels;
	const options = before.options !== after.options;
	if (!labels && !options && datasets.length === 0) return { kind: 'none' };
	return { kind: 'datasets', labels, datasets, options };
}

/**
 * Makes `target` (a dataset Chart.js holds) carry exactly `source`'s properties, keeping the
 * object itself: Chart.js keys its dataset controller on the object, so the controller and its
 * elements survive, and the new `data` array is simply parsed again.
 */
export function replaceDataset(target: Record<string, unknown>, source: Record<string, unknown>): void {
	for (const key of Object.keys(target)) if (!(key in source)) delete target[key];
	Object.assign(target, source);
}

/** What the chart attachment holds for one canvas: the chart, and the print of what it shows. */
export interface ShownChart {
	chart?: ChartLike;
	print?: ConfigPrint;
}

/** The part of a Chart.js chart this module uses (a fake one in the tests). */
export interface ChartLike {
	data: unknown;
	options: unknown;
	update(mode: 'none'): void;
	destroy(): void;
}

/**
 * Shows `config` on the held chart, doing only what the change needs (chartChange): nothing;
 * the changed datasets replaced in place (replaceDataset), then the options and one
 * update('none'); all the data replaced; or a new chart from `create` (the first time too).
 * The options are always replaced on an update: tick and tooltip callbacks close over the
 * current figures (Chart.js re-resolves its options on every update anyway). Loaded with
 * Chart.js (./register), so none of this is in the first paint.
 */
export function showConfig(create: (config: AnyConfig) => ChartLike, held: ShownChart, config: AnyConfig): void {
	const next = configPrint(config);
	const change: ChartChange = held.print && held.chart ? chartChange(held.print, next) : { kind: 'chart' };
	held.print = next;
	if (change.kind === 'none') return;
	const chart = held.chart;
	if (change.kind === 'chart' || !chart) {
		chart?.destroy();
		held.chart = create(config);
		return;
	}
	if (change.kind === 'data') {
		chart.data = config.data;
	} else {
		const data = chart.data as { labels?: unknown; datasets: Record<string, unknown>[] };
		const source = config.data as { labels?: unknown; datasets: Record<string, unknown>[] };
		if (change.labels) data.labels = source.labels;
		for (const i of change.datasets) {
			const target = data.datasets[i];
			const from = source.datasets[i];
			if (target && from) replaceDataset(target, from);
		}
	}
	if (config.options) chart.options = config.options;
	chart.update('none');
}
