// Chart.js configurations built from engine output. Pure: engine series in, plain objects
// out; nothing here touches the DOM or loads Chart.js at runtime (type imports only), so it
// is tested in Node. At runtime this module travels with Chart.js in the chunk that loads
// after the first paint (./register re-exports it for the chart attachment): page code
// imports captions and tables from ./captions, and never imports this file statically.
import type { ChartConfiguration, ChartDataset, LegendItem, Tick, TooltipItem } from 'chart.js';
import type { SavingsRow as StackRow } from '../engine/computeStack';
import { CACHE_MODES, type BreakEvenPoint, type CacheMode, type HitRatioSeries, type SharedContextSeries } from '../engine/series';
import type { CacheTtl } from '../scenario/schema';
import { OPTIMIZED_LABEL, plural, waterfallBarText } from './captions';
import { TTL_WORDS, formatPercent, formatPerRequest } from '../format';
import { formatMoneyTick, formatPercentTick } from './format';
import { DASH, MARKER, MODE_LABEL, themeColors, type ChartTheme, type ThemeColors } from './palette';
import { isLabelledPoint, pointLabels, type LabelledPoint } from './pointLabels';

export type { ChartTheme } from './palette';
export type { LabelledPoint } from './pointLabels';

export type HitRatioChartConfig = ChartConfiguration<'line', LabelledPoint[]>;
export type SharedContextChartConfig = ChartConfiguration<'line', LabelledPoint[]>;
export type WaterfallChartConfig = ChartConfiguration<'bar', [number, number][], string>;

/** Dataset labels that tests and the page can look datasets up by. */
export const DATASET_LABEL = {
	...MODE_LABEL,
	breakEven: 'Break-even',
	paysOff: 'Pays off from',
	waterfall: 'Monthly cost'
} as const;

const TTL_SHORT: Readonly<Record<CacheTtl, string>> = { '5m': '5 min', '1h': '1 h' };
const TTLS = ['5m', '1h'] as const satisfies readonly CacheTtl[];

// ---------------------------------------------------------------------------------------
// 1. Cost per request against the cache hit ratio
// ---------------------------------------------------------------------------------------

/** The label drawn next to a break-even marker: "5 min: 21.7 %". */
export function breakEvenLabel(p: BreakEvenPoint): string {
	return `${TTL_SHORT[p.ttl]}: ${formatPercent(p.hitPercent)}`;
}

/** The legend entry of the current hit-ratio line: "Your hit ratio (80.0 %)". */
export function currentHitLabel(currentHitPercent: number): string {
	return `Your hit ratio (${formatPercent(currentHitPercent)})`;
}

/**
 * Cost per request (y, $) against the cache hit ratio (x, 0..100 %): one line per caching
 * choice; a marker at each TTL's break-even (where its line meets no-cache), labelled on the
 * canvas; and a vertical line at the current hit ratio (a two-point dataset from $0 to the
 * y-axis top, a round value above the highest cost), so only core Chart.js parts are needed.
 * Datasets, in order: No cache, 5-minute TTL, 1-hour TTL, Your hit ratio, Break-even.
 * Example: hitRatioChart(hitRatioSeries(s), breakEvenPoints(s), 80).data.datasets[4].data[0].x = 21.74.
 */
export function hitRatioChart(
	series: HitRatioSeries,
	breakEven: readonly BreakEvenPoint[],
	currentHitPercent: number,
	theme: ChartTheme = 'light'
): HitRatioChartConfig {
	const colors = themeColors(theme);
	// A round axis top, so the current-hit line spans the whole plot height.
	const top = niceCeil(Math.max(0, ...CACHE_MODES.flatMap((m) => series.cost[m])));
	const current = markLine(currentHitLabel(currentHitPercent), currentHitPercent, 0, top, colors);
	const markers: ChartDataset<'line', LabelledPoint[]> = {
		label: DATASET_LABEL.breakEven,
		data: breakEven.map((p) => ({ x: p.hitPercent, y: p.costPerRequest, label: breakEvenLabel(p) })),
		...markerStyle(breakEven.map((p) => p.ttl), colors)
	};
	const lines = modeDatasets(series.hitPercent, series.cost, colors);
	const currentIndex = lines.length;
	const markerIndex = lines.length + 1;

	return {
		type: 'line',
		data: { datasets: [...lines, current, markers] },
		options: {
			...baseOptions(colors),
			scales: {
				x: {
					type: 'linear',
					min: 0,
					max: 100,
					title: axisTitle('Cache hit ratio (%)', colors),
					ticks: { color: colors.muted, stepSize: 20, callback: (v) => formatPercentTick(Number(v)) },
					grid: { color: colors.grid }
				},
				y: { ...moneyAxis('Cost per request (USD)', colors), max: top }
			},
			plugins: {
				legend: legend(colors, (item) => item.datasetIndex !== markerIndex),
				tooltip: {
					filter: (item) => item.datasetIndex !== currentIndex,
					callbacks: {
						title: (items) => (items[0] ? `Hit ratio ${formatPercent(items[0].parsed.x ?? 0)}` : ''),
						label: (item) =>
							isLabelledPoint(item.raw)
								? `${TTL_WORDS[breakEven[item.dataIndex]?.ttl ?? '5m']} break-even: ${formatPerRequest(item.parsed.y ?? 0)} per request`
								: `${item.dataset.label ?? ''}: ${formatPerRequest(item.parsed.y ?? 0)}`
					}
				},
				pointLabels: { color: colors.text, halo: colors.background }
			}
		},
		plugins: [pointLabels]
	};
}

// ---------------------------------------------------------------------------------------
// 2. Cumulative cost of requests sharing one cached context
// ---------------------------------------------------------------------------------------

/** The label drawn next to a crossing marker: "5 min: request 2". */
export function crossingLabel(ttl: CacheTtl, requests: number): string {
	return `${TTL_SHORT[ttl]}: request ${requests}`;
}

/**
 * Cumulative cost (y, $) of 1..n requests sharing one cached context (x): one line per
 * caching choice, and a labelled marker on each TTL's line at the first request count where
 * it is cheaper than no cache (the engine's `crossing`).
 * Datasets, in order: No cache, 5-minute TTL, 1-hour TTL, Pays off from.
 * Example (Opus scenario): markers at x = 2 (5-minute) and x = 3 (1-hour).
 */
export function sharedContextChart(series: SharedContextSeries, theme: ChartTheme = 'light'): SharedContextChartConfig {
	const colors = themeColors(theme);
	const crossings = TTLS.flatMap((ttl) => {
		const n = series.crossing[ttl];
		const y = n === null ? undefined : series.cost[ttl][series.requests.indexOf(n)];
		return n === null || y === undefined ? [] : [{ ttl, point: { x: n, y, label: crossingLabel(ttl, n) } }];
	});
	const markers: ChartDataset<'line', LabelledPoint[]> = {
		label: DATASET_LABEL.paysOff,
		data: crossings.map((c) => c.point),
		...markerStyle(crossings.map((c) => c.ttl), colors)
	};
	const lines = modeDatasets(series.requests, series.cost, colors);
	const markerIndex = lines.length;
	const first = series.requests[0] ?? 1;
	const last = series.requests[series.requests.length - 1] ?? first;

	return {
		type: 'line',
		data: { datasets: [...lines, markers] },
		options: {
			...baseOptions(colors),
			scales: {
				x: {
					type: 'linear',
					min: first,
					max: last,
					title: axisTitle('Requests sharing one cached context', colors),
					ticks: { color: colors.muted, precision: 0, maxTicksLimit: 11 },
					grid: { color: colors.grid }
				},
				y: moneyAxis('Cumulative cost (USD)', colors)
			},
			plugins: {
				legend: legend(colors, (item) => item.datasetIndex !== markerIndex),
				tooltip: {
					callbacks: {
						title: (items) => (items[0] ? plural(items[0].parsed.x ?? 0, 'request') : ''),
						label: (item) => {
							const crossing = isLabelledPoint(item.raw) ? crossings[item.dataIndex] : undefined;
							return crossing
								? `${TTL_WORDS[crossing.ttl]} caching is cheaper from here`
								: `${item.dataset.label ?? ''}: ${formatPerRequest(item.parsed.y ?? 0)}`;
						}
					}
				},
				pointLabels: { color: colors.text, halo: colors.background }
			}
		},
		plugins: [pointLabels]
	};
}

// ---------------------------------------------------------------------------------------
// 3. Savings waterfall
// ---------------------------------------------------------------------------------------

export type WaterfallStep = 'total' | 'saving' | 'addedCost';

/** What each bar of the waterfall is: the two totals, and each lever's saving or added cost. */
export function waterfallSteps(rows: readonly StackRow[]): WaterfallStep[] {
	return [...rows.map((r, i): WaterfallStep => (i === 0 ? 'total' : r.stepSaving < 0 ? 'addedCost' : 'saving')), 'total'];
}

/**
 * The savings waterfall, drawn horizontally so the lever names stay legible at 360 px:
 * a full bar for the baseline, one floating bar [cost before, cost after] per lever (a
 * saving in one colour, an added cost in another), and a full bar for the optimized cost.
 * Example: rows of $100, $60, $45 -> bars [0, 100], [100, 60], [60, 45], [0, 45].
 */
export function waterfallChart(rows: readonly StackRow[], theme: ChartTheme = 'light'): WaterfallChartConfig {
	const colors = themeColors(theme);
	const last = rows[rows.length - 1];
	const bars: [number, number][] = [
		...rows.map((r, i): [number, number] => (i === 0 ? [0, r.monthlyCost] : [rows[i - 1]?.monthlyCost ?? 0, r.monthlyCost])),
		[0, last?.monthlyCost ?? 0]
	];
	const steps = waterfallSteps(rows);
	const fill = steps.map((s) => colors.waterfall[s]);
	const legendItems: LegendItem[] = (
		[
			['total', 'Monthly cost'],
			['saving', 'Saving'],
			['addedCost', 'Added cost']
		] as const
	).map(([step, text]) => ({
		text,
		fillStyle: colors.waterfall[step],
		strokeStyle: colors.waterfall[step],
		fontColor: colors.text,
		lineWidth: 0,
		hidden: false
	}));

	return {
		type: 'bar',
		data: {
			labels: [...rows.map((r) => r.lever), OPTIMIZED_LABEL],
			datasets: [
				{
					label: DATASET_LABEL.waterfall,
					data: bars,
					backgroundColor: fill,
					borderColor: fill,
					borderWidth: 0,
					borderSkipped: false,
					barPercentage: 0.8,
					categoryPercentage: 0.9
				}
			]
		},
		options: {
			...baseOptions(colors),
			indexAxis: 'y',
			interaction: { mode: 'nearest', axis: 'y', intersect: false },
			scales: {
				x: horizontalMoneyAxis('Monthly cost (USD)', colors),
				y: {
					type: 'category',
					ticks: { color: colors.text, autoSkip: false },
					grid: { display: false }
				}
			},
			plugins: {
				legend: {
					position: 'bottom',
					onClick: () => {},
					labels: { color: colors.text, boxWidth: 12, boxHeight: 12, generateLabels: () => legendItems.map((l) => ({ ...l })) }
				},
				tooltip: {
					callbacks: {
						label: (item: TooltipItem<'bar'>) => waterfallBarText(rows, item.dataIndex),
						labelColor: (item: TooltipItem<'bar'>) => {
							const c = fill[item.dataIndex] ?? colors.waterfall.total;
							return { borderColor: c, backgroundColor: c };
						}
					}
				},
				pointLabels: false
			}
		}
	};
}

/** One line per caching choice, styled alike on every chart; `positiveOnly` leaves out points a log axis cannot show. */
export function modeDatasets(xs: readonly number[], cost: Record<CacheMode, number[]>, colors: ThemeColors, positiveOnly = false): ChartDataset<'line', LabelledPoint[]>[] {
	return CACHE_MODES.map((m, i) => ({
		label: MODE_LABEL[m],
		data: xs.flatMap((x, k) => {
			const y = cost[m][k] ?? 0;
			return positiveOnly && !(y > 0) ? [] : [{ x, y }];
		}),
		borderColor: colors.mode[m],
		backgroundColor: colors.mode[m],
		borderDash: [...DASH[m]],
		borderWidth: m === 'none' ? 2 : 2.5,
		pointRadius: 0,
		pointHoverRadius: 4,
		pointHitRadius: 4,
		tension: 0,
		order: 2 + i
	}));
}

/**
 * The smallest 1, 2, 2.5 or 5 times a power of ten that is >= n (n itself when not positive),
 * the kind of value Chart.js puts its top tick on.
 * Examples: niceCeil(0.01517) = 0.02; niceCeil(0.021) = 0.025; niceCeil(0.02) = 0.02.
 */
export function niceCeil(n: number): number {
	if (!(n > 0) || !Number.isFinite(n)) return n > 0 ? n : 0;
	const power = 10 ** Math.floor(Math.log10(n));
	const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= n * (1 - 1e-12)) ?? 10;
	return Number((step * power).toPrecision(12));
}

function markerStyle(ttls: readonly CacheTtl[], colors: ThemeColors): Partial<ChartDataset<'line', LabelledPoint[]>> {
	return {
		showLine: false,
		pointStyle: ttls.map((t) => MARKER[t]),
		pointRadius: 7,
		pointHoverRadius: 8,
		pointBackgroundColor: ttls.map((t) => colors.mode[t]),
		pointBorderColor: colors.text,
		pointBorderWidth: 1.5,
		backgroundColor: colors.text,
		borderColor: colors.text,
		order: 0
	};
}

/** The reader's own value as a vertical line from `from` to `to` on the y axis (none when `x` is null). */
export function markLine(label: string, x: number | null, from: number, to: number, colors: ThemeColors): ChartDataset<'line', LabelledPoint[]> {
	return {
		label,
		data:
			x === null
				? []
				: [
						{ x, y: from },
						{ x, y: to }
					],
		borderColor: colors.current,
		backgroundColor: colors.current,
		borderWidth: 1.5,
		pointRadius: 0,
		pointHoverRadius: 0,
		order: 1
	};
}

export function baseOptions(colors: ThemeColors) {
	return {
		responsive: true,
		maintainAspectRatio: false,
		animation: false as const,
		color: colors.text,
		font: { size: 12 },
		layout: { padding: { top: 4, right: 8 } },
		interaction: { mode: 'nearest' as const, axis: 'x' as const, intersect: false }
	};
}

export function axisTitle(text: string, colors: ThemeColors) {
	return { display: true, text, color: colors.text, font: { size: 12, weight: 'bold' as const } };
}

function moneyAxis(title: string, colors: ThemeColors) {
	return {
		type: 'linear' as const,
		beginAtZero: true,
		title: axisTitle(title, colors),
		ticks: {
			color: colors.muted,
			maxTicksLimit: 6,
			callback: (value: number | string, _index: number, ticks: Tick[]) => formatMoneyTick(Number(value), ticks)
		},
		grid: { color: colors.grid }
	};
}

/** A money axis along the bottom: labels never rotate (ticks are skipped instead), legible at 360 px. */
function horizontalMoneyAxis(title: string, colors: ThemeColors) {
	const axis = moneyAxis(title, colors);
	return { ...axis, position: 'bottom' as const, ticks: { ...axis.ticks, maxRotation: 0, autoSkipPadding: 12 } };
}

export function legend(colors: ThemeColors, filter: (item: LegendItem) => boolean) {
	return {
		position: 'bottom' as const,
		labels: { color: colors.text, boxWidth: 28, boxHeight: 0, padding: 12, filter, sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) }
	};
}

