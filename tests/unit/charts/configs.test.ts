// Chart.js configurations against the engine's own series (captions and tables: captions.test.ts). Reference
// values: the spec's break-even facts (21.7 % / 52.6 %; 1 and 2 reads to repay a write)
// and hand arithmetic on the engine output.
import { describe, expect, it } from 'vitest';
import type { ChartDataset } from 'chart.js';
import {
	breakEvenHitRatio,
	breakEvenPoints,
	CACHE_MODES,
	computeStack,
	hitRatioSeries,
	sharedContextSeries,
	type StackRow
} from '$lib/engine';
import { OPTIMIZED_LABEL, valueAt } from '$lib/charts/captions';
import { DATASET_LABEL, hitRatioChart, niceCeil, sharedContextChart, waterfallChart, waterfallSteps, type LabelledPoint } from '$lib/charts/configs';
import { DASH, MODE_LABEL, PALETTE } from '$lib/charts/palette';
import { getSheet } from '$lib/pricing/sheets';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';


/** The standard cache multiples and the batch factor (docs/pricing-model.md §10), typed from the spec. */
const STANDARD = { batch: 0.5, cacheRead: 0.1, cacheWrite5m: 1.25, cacheWrite1h: 2 };

const anthropic = getSheet('anthropic-2026-03');

function scenario(patch: Partial<Scenario> = {}): Scenario {
	return { ...defaultScenario(), ...patch };
}

/** All traffic on Opus 4.6 (prefix 5,000 tokens >= its 4,096 minimum, so it caches). */
const opus = scenario({ mixPercent: { 'opus-4-6': 100 } });
/** A prefix no model of the default mix caches (below every minimum). */
const uncacheable = scenario({ cachedPrefixTokens: 500 });

type LineDataset = ChartDataset<'line', LabelledPoint[]>;

function dataset<T extends { label?: string }>(datasets: readonly T[], label: string): T {
	const found = datasets.find((d) => d.label === label);
	if (!found) throw new Error(`no dataset labelled "${label}"; have ${datasets.map((d) => d.label).join(', ')}`);
	return found;
}

describe('hitRatioChart', () => {
	const series = hitRatioSeries(opus);
	const points = breakEvenPoints(opus);
	const config = hitRatioChart(series, points, 80);
	const datasets = config.data.datasets as LineDataset[];

	it('plots the engine series unchanged: one line per caching choice', () => {
		for (const mode of CACHE_MODES) {
			const line = dataset(datasets, MODE_LABEL[mode]);
			expect(line.data.map((p) => p.x)).toEqual(series.hitPercent);
			expect(line.data.map((p) => p.y)).toEqual(series.cost[mode]);
		}
	});

	it('carries only the points a straight line needs: 2 per line, 2 for the current hit ratio, 1 per marker', () => {
		expect(datasets.map((d) => d.data.length)).toEqual([2, 2, 2, 2, 2]);
		// Opus 4.6 (March sheet, default shape): no cache (5,400 x 5 + 400 x 25) / 1M x 0.75 = 0.02775 at both ends;
		// 5 minutes (900 x 5 + 4,500 x 5 x 1.25 + 400 x 25) / 1M x 0.75 = 42,625 / 1M x 0.75 = 0.03196875 at 0 %, (4,500 + 2,250 + 10,000) / 1M x 0.75 = 0.0125625 at 100 %.
		expect(dataset(datasets, MODE_LABEL.none).data).toEqual([
			{ x: 0, y: expect.closeTo(0.02775, 15) },
			{ x: 100, y: expect.closeTo(0.02775, 15) }
		]);
		expect(dataset(datasets, MODE_LABEL['5m']).data).toEqual([
			{ x: 0, y: expect.closeTo(0.03196875, 15) },
			{ x: 100, y: expect.closeTo(0.0125625, 15) }
		]);
	});

	it("marks each TTL's break-even at the engine's break-even hit ratio, on the no-cache line", () => {
		const markers = dataset(datasets, DATASET_LABEL.breakEven).data;
		expect(markers).toHaveLength(2);
		for (const [i, ttl] of (['5m', '1h'] as const).entries()) {
			const marker = markers[i]!;
			expect(marker.x).toBeCloseTo(breakEvenHitRatio(ttl, STANDARD) * 100, 12);
			// where the TTL's line meets no-cache (relative precision: costs are ~$0.03)
			const none = valueAt(series.hitPercent, series.cost.none, marker.x);
			expect(marker.y / none).toBeCloseTo(1, 12);
			expect(valueAt(series.hitPercent, series.cost[ttl], marker.x) / none).toBeCloseTo(1, 12);
		}
		expect(markers.map((m) => m.label)).toEqual(['5 min: 21.7 %', '1 h: 52.6 %']);
	});

	it('draws the current hit ratio as a vertical line over the whole plot height', () => {
		const line = dataset(datasets, 'Your hit ratio (80.0 %)').data;
		const top = config.options!.scales!.y!.max as number;
		expect(top).toBeGreaterThanOrEqual(Math.max(...CACHE_MODES.flatMap((m) => series.cost[m])));
		expect(line).toEqual([
			{ x: 80, y: 0 },
			{ x: 80, y: top }
		]);
		expect(hitRatioChart(series, points, 37.5).data.datasets.find((d) => d.label?.startsWith('Your'))!.data[0]!.x).toBe(37.5);
	});

	it('keeps the break-even markers and the current line out of the tooltip/legend clutter', () => {
		const legendFilter = config.options!.plugins!.legend!.labels!.filter!;
		const shown = datasets.map((_, datasetIndex) => legendFilter({ datasetIndex, text: '' }, config.data));
		expect(shown).toEqual([true, true, true, true, false]);
		// the legend keeps dataset order: the three lines first
		const sort = config.options!.plugins!.legend!.labels!.sort!;
		expect(sort({ datasetIndex: 3, text: '' }, { datasetIndex: 0, text: '' }, config.data)).toBeGreaterThan(0);
	});

	it('labels the axes with units and formats money ticks', () => {
		const scales = config.options!.scales!;
		expect(scales.x!.title!.text).toBe('Cache hit ratio (%)');
		expect(scales.y!.title!.text).toBe('Cost per request (USD)');
		const callback = scales.y!.ticks!.callback as (v: number, i: number, t: { value: number }[]) => string;
		expect(callback(0.005, 1, [{ value: 0 }, { value: 0.005 }, { value: 0.01 }])).toBe('$0.005');
	});

	it('gives every caching choice its own colour and dash pattern, the same in both charts', () => {
		const shared = sharedContextChart(sharedContextSeries(opus)).data.datasets as LineDataset[];
		for (const mode of CACHE_MODES) {
			const a = dataset(datasets, MODE_LABEL[mode]);
			const b = dataset(shared, MODE_LABEL[mode]);
			expect(a.borderColor).toBe(PALETTE.light.mode[mode]);
			expect(b.borderColor).toBe(a.borderColor);
			expect(a.borderDash).toEqual([...DASH[mode]]);
			expect(b.borderDash).toEqual(a.borderDash);
		}
		expect(new Set(CACHE_MODES.map((m) => JSON.stringify(DASH[m]))).size).toBe(3);
	});

	it('uses the dark palette for the dark theme', () => {
		const dark = hitRatioChart(series, points, 80, 'dark');
		expect(dataset(dark.data.datasets as LineDataset[], MODE_LABEL['5m']).borderColor).toBe(PALETTE.dark.mode['5m']);
		expect(dark.options!.color).toBe(PALETTE.dark.text);
	});

	it('does not mutate the engine output', () => {
		const s = hitRatioSeries(opus);
		const p = breakEvenPoints(opus);
		const before = structuredClone({ s, p });
		hitRatioChart(s, p, 80, 'dark');
		expect({ s, p }).toEqual(before);
	});

	it('has no markers when nothing is cacheable', () => {
		const empty = hitRatioChart(hitRatioSeries(uncacheable), breakEvenPoints(uncacheable), 80);
		expect(dataset(empty.data.datasets as LineDataset[], DATASET_LABEL.breakEven).data).toEqual([]);
	});

});

describe('niceCeil', () => {
	it.each([
		[0.01517, 0.02],
		[0.021, 0.025],
		[0.02, 0.02],
		[0.0031, 0.005],
		[4250, 5000],
		[0.6, 1],
		[0, 0]
	])('%s -> %s', (n, top) => {
		expect(niceCeil(n)).toBe(top);
	});
});

describe('sharedContextChart', () => {
	const series = sharedContextSeries(opus);
	const config = sharedContextChart(series);
	const datasets = config.data.datasets as LineDataset[];

	it('plots the engine series unchanged over 1..50 requests', () => {
		for (const mode of CACHE_MODES) {
			const line = dataset(datasets, MODE_LABEL[mode]);
			expect(line.data.map((p) => p.x)).toEqual(series.requests);
			expect(line.data.map((p) => p.y)).toEqual(series.cost[mode]);
		}
		expect(config.options!.scales!.x!.min).toBe(1);
		expect(config.options!.scales!.x!.max).toBe(50);
	});

	it('marks the crossings: 5-minute after one read (request 2), 1-hour after two (request 3)', () => {
		expect(series.crossing).toEqual({ '5m': 2, '1h': 3 });
		const markers = dataset(datasets, DATASET_LABEL.paysOff).data;
		expect(markers.map((m) => m.x)).toEqual([2, 3]);
		expect(markers[0]!.y).toBe(series.cost['5m'][1]);
		expect(markers[1]!.y).toBe(series.cost['1h'][2]);
		expect(markers.map((m) => m.label)).toEqual(['5 min: request 2', '1 h: request 3']);
		// below no-cache at the crossing, not before it
		expect(series.cost['5m'][1]!).toBeLessThan(series.cost.none[1]!);
		expect(series.cost['5m'][0]!).toBeGreaterThan(series.cost.none[0]!);
	});

	it('has no markers when nothing is cacheable', () => {
		const s = sharedContextSeries(uncacheable);
		expect(dataset(sharedContextChart(s).data.datasets as LineDataset[], DATASET_LABEL.paysOff).data).toEqual([]);
	});
});

describe('waterfallChart', () => {
	const rows = computeStack(scenario());
	const config = waterfallChart(rows);
	const bars = config.data.datasets[0]!;

	it('starts with the baseline, floats down by each step and ends with the optimized total', () => {
		expect(config.data.labels).toEqual(['Baseline', 'Model routing', 'Prompt caching', 'Batch API', 'Token optimization', OPTIMIZED_LABEL]);
		expect(bars.data).toEqual([
			[0, rows[0]!.monthlyCost],
			[rows[0]!.monthlyCost, rows[1]!.monthlyCost],
			[rows[1]!.monthlyCost, rows[2]!.monthlyCost],
			[rows[2]!.monthlyCost, rows[3]!.monthlyCost],
			[rows[3]!.monthlyCost, rows[4]!.monthlyCost],
			[0, rows[4]!.monthlyCost]
		]);
		// each floating bar is as long as its step's saving
		for (let i = 1; i < rows.length; i++) {
			const [from, to] = bars.data[i]!;
			expect(from - to).toBeCloseTo(rows[i]!.stepSaving, 9);
		}
	});

	it('colours savings and added costs differently', () => {
		// A 0 % hit ratio only writes the cache: the caching lever adds cost.
		const costly = computeStack(scenario({ cacheHitPercent: 0 }));
		expect(costly[2]!.stepSaving).toBeLessThan(0);
		const c = waterfallChart(costly).data.datasets[0]!;
		const w = PALETTE.light.waterfall;
		expect(waterfallSteps(costly)).toEqual(['total', 'saving', 'addedCost', 'saving', 'saving', 'total']);
		expect(c.backgroundColor).toEqual([w.total, w.saving, w.addedCost, w.saving, w.saving, w.total]);
		expect(new Set([w.total, w.saving, w.addedCost]).size).toBe(3);
		// the tooltip says which it is
		const label = waterfallChart(costly).options!.plugins!.tooltip!.callbacks!.label as (item: { dataIndex: number }) => string;
		expect(label({ dataIndex: 2 })).toMatch(/^Adds \$/);
		expect(label({ dataIndex: 1 })).toMatch(/^Saves \$/);
	});

	it('is horizontal with a money axis', () => {
		expect(config.options!.indexAxis).toBe('y');
		expect(config.options!.scales!.x!.title!.text).toBe('Monthly cost (USD)');
	});

	it('does not mutate the rows', () => {
		const before: StackRow[] = structuredClone(rows);
		waterfallChart(rows, 'dark');
		expect(rows).toEqual(before);
	});
});
