// What the chart attachment does with a new configuration (src/lib/charts/chartUpdate.ts):
// nothing when nothing visible changed, only the changed datasets when some did.
import { describe, expect, it } from 'vitest';
import { chartChange, configPrint, replaceDataset, showConfig, type ChartLike, type ShownChart } from '$lib/charts/chartUpdate';
import { hitRatioChart, sharedContextChart, waterfallChart } from '$lib/charts/configs';
import { breakEvenPoints, computeStack, hitRatioSeries, sharedContextSeries } from '$lib/engine';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';

function scenario(patch: Partial<Scenario> = {}): Scenario {
	return { ...defaultScenario(), ...patch };
}

/** The hit-ratio chart as the page builds it on each step: everything recomputed from the scenario. */
function hitChart(s: Scenario, theme: 'light' | 'dark' = 'light') {
	return hitRatioChart(hitRatioSeries(s), breakEvenPoints(s), s.cacheHitPercent, theme);
}

describe('chartChange', () => {
	it('finds nothing to do when the figures are the same (new objects, new callbacks)', () => {
		const s = scenario();
		expect(chartChange(configPrint(hitChart(s)), configPrint(hitChart(s)))).toEqual({ kind: 'none' });
		expect(chartChange(configPrint(sharedContextChart(sharedContextSeries(s))), configPrint(sharedContextChart(sharedContextSeries(s))))).toEqual({
			kind: 'none'
		});
	});

	it('moves only the "your hit ratio" line when the hit ratio moves', () => {
		// Datasets: No cache, 5-minute TTL, 1-hour TTL, Your hit ratio, Break-even. The lines and
		// markers do not depend on the hit ratio; the y axis top neither.
		const change = chartChange(configPrint(hitChart(scenario({ cacheHitPercent: 80 }))), configPrint(hitChart(scenario({ cacheHitPercent: 81 }))));
		expect(change).toEqual({ kind: 'datasets', labels: false, datasets: [3], options: false });
	});

	it('leaves the shared-context chart alone when the hit ratio or the monthly requests move', () => {
		const before = configPrint(sharedContextChart(sharedContextSeries(scenario())));
		for (const patch of [{ cacheHitPercent: 30 }, { requestsPerMonth: 2_000_000 }]) {
			expect(chartChange(before, configPrint(sharedContextChart(sharedContextSeries(scenario(patch)))))).toEqual({ kind: 'none' });
		}
	});

	it('replaces the waterfall bars, not its labels, when a cost changes', () => {
		const before = configPrint(waterfallChart(computeStack(scenario())));
		const after = configPrint(waterfallChart(computeStack(scenario({ requestsPerMonth: 200_000 }))));
		// The money axis's options carry no figures (ticks are computed by Chart.js).
		expect(chartChange(before, after)).toEqual({ kind: 'datasets', labels: false, datasets: [0], options: false });
	});

	it('replaces the styled datasets and the options on a theme change', () => {
		const change = chartChange(configPrint(hitChart(scenario())), configPrint(hitChart(scenario(), 'dark')));
		// The 1-hour line's colour is the same in both palettes: that dataset stays.
		expect(change).toEqual({ kind: 'datasets', labels: false, datasets: [0, 1, 3, 4], options: true });
	});

	it('replaces all the data when the number of datasets changes, and the chart for other plugins or another type', () => {
		const base = { type: 'line' as const, data: { datasets: [{ data: [1] }] }, options: {} };
		const two = { ...base, data: { datasets: [{ data: [1] }, { data: [2] }] } };
		expect(chartChange(configPrint(base), configPrint(two))).toEqual({ kind: 'data' });
		expect(chartChange(configPrint(base), configPrint({ ...base, plugins: [{ id: 'pointLabels' }] }))).toEqual({ kind: 'chart' });
		expect(chartChange(configPrint(base), configPrint({ ...base, type: 'bar' as const }))).toEqual({ kind: 'chart' });
	});

	it('keeps the print it took even when Chart.js later mutates the configuration', () => {
		const config = hitChart(scenario());
		const print = configPrint(config);
		// Chart.js merges its defaults into options.scales and annotates the data arrays.
		(config.options as Record<string, unknown>)['scales'] = { x: { type: 'linear', axis: 'x', merged: true } };
		Object.defineProperty(config.data.datasets[0]!.data, '_chartjs', { value: { listeners: [] }, enumerable: false });
		expect(chartChange(print, configPrint(hitChart(scenario())))).toEqual({ kind: 'none' });
	});
});

describe('replaceDataset', () => {
	it('keeps the object Chart.js holds, with exactly the new properties', () => {
		const target: Record<string, unknown> = { label: 'Your hit ratio (80.0 %)', data: [{ x: 80, y: 0 }], borderWidth: 1.5, stale: true };
		const held = target;
		const data = [{ x: 81, y: 0 }];
		replaceDataset(target, { label: 'Your hit ratio (81.0 %)', data, borderWidth: 1.5 });
		expect(target).toBe(held);
		expect(target).toEqual({ label: 'Your hit ratio (81.0 %)', data, borderWidth: 1.5 });
		expect(target['data']).toBe(data);
	});
});

describe('showConfig', () => {
	/** A stand-in for a Chart.js chart: holds what it is given and counts updates. */
	function fakeChart(config: { data: unknown; options?: unknown }) {
		const chart = { data: config.data, options: config.options, updates: 0, destroyed: false } as ChartLike & { updates: number; destroyed: boolean };
		chart.update = () => void chart.updates++;
		chart.destroy = () => void (chart.destroyed = true);
		return chart;
	}
	type Fake = ReturnType<typeof fakeChart>;

	it('creates the chart once, then leaves it alone while nothing visible changes', () => {
		const held: ShownChart = {};
		let created = 0;
		const create = (c: Parameters<typeof fakeChart>[0]) => (created++, fakeChart(c));
		showConfig(create, held, hitChart(scenario()));
		showConfig(create, held, hitChart(scenario()));
		expect(created).toBe(1);
		expect((held.chart as Fake).updates).toBe(0);
	});

	it('moves the marker in place: the other datasets are the same objects, one update', () => {
		const held: ShownChart = {};
		showConfig(fakeChart, held, hitChart(scenario({ cacheHitPercent: 80 })));
		const chart = held.chart as Fake;
		const datasets = [...(chart.data as { datasets: object[] }).datasets];
		const lineData = (datasets[0] as { data: unknown }).data;
		const next = hitChart(scenario({ cacheHitPercent: 81 }));
		showConfig(fakeChart, held, next);
		expect(held.chart).toBe(chart);
		expect(chart.updates).toBe(1);
		const now = (chart.data as { datasets: { data: unknown; label?: string }[] }).datasets;
		now.forEach((d, i) => expect(d, `dataset ${i} is the object Chart.js holds`).toBe(datasets[i]));
		expect(now[0]!.data, 'the no-cache line keeps its points').toBe(lineData);
		expect(now[3]!.label).toBe('Your hit ratio (81.0 %)');
		expect(now[3]!.data).toEqual([
			{ x: 81, y: 0 },
			{ x: 81, y: expect.any(Number) }
		]);
		expect(chart.options, 'the new options (their callbacks)').toBe(next.options);
	});

	it('builds a new chart when the plugins differ', () => {
		const held: ShownChart = {};
		showConfig(fakeChart, held, { type: 'line', data: { datasets: [] } });
		const first = held.chart as Fake;
		showConfig(fakeChart, held, { type: 'line', data: { datasets: [] }, plugins: [{ id: 'pointLabels' }] });
		expect(first.destroyed).toBe(true);
		expect(held.chart).not.toBe(first);
	});
});
