// The TTL advice chart and the cost-per-conversation chart: configurations and data tables,
// against the engine's own series. Figures: the browser test's traffic (10,080 requests a
// month, one prefix, 24 hours, 30 days) on the §11.5 shape with 40 % batch, and the §11.10 agent.
import type { ChartDataset } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { CACHING_DATASET_LABEL, conversationChart, decadeBounds, decadeGrid, flipLabel, isPowerOfTen, ttlAdviceChart } from '$lib/charts/cachingConfigs';
import { conversationSeriesTable, ttlAdviceTable } from '$lib/charts/cachingTables';
import { PALETTE, themeColors } from '$lib/charts/palette';
import type { LabelledPoint } from '$lib/charts/pointLabels';
import { plannedConversation } from '$lib/engine/plannedConversation';
import { workloadTtlAdvice, workloadTtlSeries, type WorkloadTtlAdvice } from '$lib/engine/workloadTtlAdvice';
import { emptyScenarioV2, exampleScenarioV2, neutralConversation } from '$lib/scenario/defaults';
import type { ConversationWorkload, RequestWorkload } from '$lib/scenario/types';

type LineDataset = ChartDataset<'line', LabelledPoint[]>;

function fourteen(): WorkloadTtlAdvice {
	const scenario = exampleScenarioV2();
	const w = scenario.workloads[0] as RequestWorkload;
	w.requestsPerMonth = 10_080;
	w.traffic = { distinctPrefixes: 1, activeHoursPerDay: 24, activeDaysPerMonth: 30 };
	const a = workloadTtlAdvice(scenario, w);
	if (!a) throw new Error('advice expected');
	return a;
}

function agent() {
	const w: ConversationWorkload = {
		...neutralConversation('Agent', 'sonnet-4-6'),
		turnsPerConversation: 20,
		systemTokens: 5_000,
		inputTokensPerTurn: 800,
		outputTokensPerTurn: 400,
		secondsBetweenTurns: 30,
		tokensCountedOn: 'legacy'
	};
	w.planned.caching = { ttl: '5m', systemHitPercent: 90 };
	const c = plannedConversation({ ...emptyScenarioV2(), workloads: [w] }, w);
	if (!c) throw new Error('conversation expected');
	return c;
}

describe('helpers', () => {
	it.each([
		[0.01, true],
		[1, true],
		[10_000, true],
		[1e-4, true],
		[2, false],
		[0, false],
		[-10, false]
	])('isPowerOfTen(%d) = %s', (v, yes) => {
		expect(isPowerOfTen(v)).toBe(yes);
	});

	it('decadeBounds: the decades around the positive values', () => {
		expect(decadeBounds([0.3, 0, 115_000])).toEqual([0.1, 1_000_000]);
		expect(decadeBounds([10, 10])).toEqual([10, 100]);
		expect(decadeBounds([0, -1])).toEqual([0.01, 1]);
	});

	it('flipLabel', () => {
		expect(flipLabel('1h', 0.7472)).toBe('1 h from 0.75/h');
		expect(flipLabel('5m', 340.24)).toBe('5 min from 340.24/h');
	});
});

describe('ttlAdviceChart', () => {
	const a = fourteen();
	const series = workloadTtlSeries(a);
	const config = ttlAdviceChart(series, 'light');
	const datasets = config.data.datasets as LineDataset[];

	it('both axes logarithmic, over the series', () => {
		const scales = config.options?.scales as Record<string, { type: string; min: number; max: number }>;
		expect(scales.x?.type).toBe('logarithmic');
		expect(scales.y?.type).toBe('logarithmic');
		expect(scales.x?.min).toBeCloseTo(0.01, 12);
		expect(scales.x?.max).toBeCloseTo(10_000, 6);
	});

	it('three cost lines, the workload rate, then the flips', () => {
		expect(datasets.map((d) => d.label)).toEqual(['No cache', '5-minute TTL', '1-hour TTL', 'Your traffic (14/h)', CACHING_DATASET_LABEL.flips]);
		expect(datasets[0]?.data).toHaveLength(73);
		// at 0.01 an hour: 7.2 requests a month × $0.042 = $0.3024
		expect(datasets[0]?.data[0]?.y).toBeCloseTo(0.3024, 9);
		const own = datasets[3]?.data ?? [];
		expect(own.map((p) => p.x)).toEqual([14, 14]);
		// It spans the whole plot: from the axis's bottom decade to its top one.
		const y = (config.options?.scales as Record<string, { min: number; max: number }>).y;
		expect(own.map((p) => p.y)).toEqual([y?.min, y?.max]);
		const markers = datasets[4]?.data ?? [];
		expect(markers.map((p) => p.label)).toEqual(['1 h from 0.75/h', '5 min from 340.24/h']);
		// at a flip both choices cost the same: monthly = requests at that rate × the shared cost
		expect(markers[0]?.y).toBeCloseTo((a.advice.flips[0]?.requestsPerMonth ?? 0) * 0.042, 6);
		expect(datasets[1]?.borderColor).toBe(PALETTE.light.mode['5m']);
	});

	it('labels only the powers of ten on its axes', () => {
		const x = (config.options?.scales as Record<string, { ticks: { callback: (v: number) => string } }>).x;
		expect(x?.ticks.callback(100)).toBe('100');
		expect(x?.ticks.callback(200)).toBe('');
	});
});

describe('conversationChart', () => {
	const c = agent();
	const config = conversationChart(c.series, 20, 'dark');
	const datasets = config.data.datasets as LineDataset[];

	it('three cost lines against the turns, and the workload length', () => {
		expect(datasets.map((d) => d.label)).toEqual(['No cache', '5-minute TTL', '1-hour TTL', 'Your conversations (20 turns)']);
		// twice the workload's length
		expect(datasets[0]?.data).toHaveLength(40);
		expect(datasets[0]?.data[19]).toEqual({ x: 20, y: expect.closeTo(1.152, 12) });
		expect(datasets[3]?.data.map((p) => p.x)).toEqual([20, 20]);
		// From $0 to the dearest point of the three lines.
		const top = Math.max(...datasets.slice(0, 3).flatMap((d) => d.data.map((p) => p.y)));
		expect(datasets[3]?.data.map((p) => p.y)).toEqual([0, top]);
		expect(datasets[2]?.borderColor).toBe(PALETTE.dark.mode['1h']);
	});

	it('the uncached line bends upwards: each turn adds more than the one before', () => {
		const y = (datasets[0]?.data ?? []).map((p) => p.y);
		const steps = y.slice(1).map((v, i) => v - (y[i] ?? 0));
		expect(steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? 0))).toBe(true);
	});
});

describe('ttlAdviceTable', () => {
	it('every decade, each flip and the workload rate, with exact monthly costs', () => {
		const table = ttlAdviceTable(fourteen());
		expect(table.columns).toEqual(['Requests an hour per prefix', 'Requests a month', 'No cache, $ a month', '5-minute TTL, $ a month', '1-hour TTL, $ a month', 'Cheapest']);
		expect(table.rows.map((r) => r[0])).toEqual([
			'0.01',
			'0.1',
			'0.75 (cheapest changes to 1-hour TTL)',
			'1',
			'10',
			'14 (your traffic)',
			'100',
			'340.24 (cheapest changes to 5-minute TTL)',
			'1,000',
			'10,000'
		]);
		expect(table.rows[5]).toEqual(['14 (your traffic)', '10,080', '$423', '$266', '$162', '1-hour TTL']);
		// at 0.01 an hour: 7.2 requests; none 7.2 × 0.042 = $0.30
		expect(table.rows[0]?.slice(1, 3)).toEqual(['7', '$0.30']);
		expect(table.rows[2]?.[5]).toBe('No cache = 1-hour TTL');
	});
});

describe('conversationSeriesTable', () => {
	it('1 to 10 turns, every 5th up to the last, the workload length marked', () => {
		const c = agent();
		const table = conversationSeriesTable(c.series, 20);
		expect(table.rows.map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '15', '20 (your conversations)', '25', '30', '35', '40']);
		expect(table.rows[11]?.slice(1, 3)).toEqual(['344,000', '$1.15']);
		expect(conversationSeriesTable(c.series, 13).rows.map((r) => r[0])).toContain('13 (your conversations)');
	});
});

describe('decadeGrid', () => {
	it('draws grid lines at the powers of ten only', () => {
		const grid = decadeGrid(themeColors('light'));
		expect(grid({ tick: { value: 100 } })).toBe(PALETTE.light.grid);
		expect(grid({ tick: { value: 300 } })).toBe('transparent');
		expect(grid({})).toBe('transparent');
	});
});
