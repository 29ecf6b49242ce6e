// Chart.js configurations of the caching that follows the traffic: the TTL advice chart
// (monthly cost against the traffic rate, both axes logarithmic) and the cost per
// conversation against its length. Pure, like ./configs: engine series in, plain objects
// out, type imports of Chart.js only. At runtime this travels with Chart.js (./register).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ConversationSeries } from '../engine/conversation';
import { CACHE_MODES, type CacheMode } from '../engine/series';
import type { TtlAdviceSeries } from '../engine/ttlAdvice';
import { powerOfTen } from '../engine/workloadTtlAdvice';
import { formatCount, formatMoney, formatNumber, formatPerRequest } from '../format';
import { plural } from './captions';
import { formatMoneyTick } from './format';
import { MARKER, MODE_LABEL, themeColors, type ChartTheme, type ThemeColors } from './palette';
import { axisTitle, baseOptions, legend, markLine, modeDatasets } from './configs';
import { isLabelledPoint, pointLabels, type LabelledPoint } from './pointLabels';

export type TtlAdviceChartConfig = ChartConfiguration<'line', LabelledPoint[]>;
export type ConversationChartConfig = ChartConfiguration<'line', LabelledPoint[]>;

/** Dataset labels of these charts (tests and the page look datasets up by them). */
export const CACHING_DATASET_LABEL = {
	...MODE_LABEL,
	flips: 'Cheapest changes',
	yourRate: 'Your traffic',
	yourTurns: 'Your conversations'
} as const;

const SHORT: Readonly<Record<CacheMode, string>> = { none: 'no cache', '5m': '5 min', '1h': '1 h' };

/** The label next to a flip marker: "1 h from 0.81/h". */
export function flipLabel(to: CacheMode, ratePerHour: number): string {
	return `${SHORT[to]} from ${formatNumber(ratePerHour)}/h`;
}

/** True when a value is a power of ten (to float noise): the labelled ticks of a log axis. */
export function isPowerOfTen(value: number): boolean {
	if (!(value > 0)) return false;
	const e = Math.log10(value);
	return Math.abs(e - Math.round(e)) < 1e-9;
}

/** The decades around a set of positive values: [10^floor(log10 min), 10^ceil(log10 max)]; [0.01, 1] when there are none. */
export function decadeBounds(values: readonly number[]): [number, number] {
	const positive = values.filter((v) => v > 0 && Number.isFinite(v));
	if (positive.length === 0) return [0.01, 1];
	const lo = powerOfTen(Math.floor(Math.log10(Math.min(...positive))));
	const hi = powerOfTen(Math.ceil(Math.log10(Math.max(...positive))));
	return [lo, hi > lo ? hi : lo * 10];
}

/**
 * Monthly cost (y, $, log) of each caching choice against the traffic rate (x, requests an hour
 * per prefix, log), n, H and D held fixed so the monthly requests grow with the rate; a
 * labelled marker where the cheapest choice changes, and a vertical line at the workload's rate.
 * Datasets, in order: No cache, 5-minute TTL, 1-hour TTL, Your traffic, Cheapest changes.
 * Example: a flip from no cache to 1 hour at 0.81/h is a marker labelled "1 h from 0.81/h".
 */
export function ttlAdviceChart(series: TtlAdviceSeries, theme: ChartTheme = 'light'): TtlAdviceChartConfig {
	const colors = themeColors(theme);
	const [yMin, yMax] = decadeBounds(CACHE_MODES.flatMap((m) => series.monthly[m]));
	const lines = modeDatasets(series.ratePerHour, series.monthly, colors, true);
	const rate = series.workload.ratePerHour;
	// A log axis has no place for a rate of 0.
	const own = markLine(`${CACHING_DATASET_LABEL.yourRate} (${formatNumber(rate)}/h)`, rate > 0 ? rate : null, yMin, yMax, colors);
	const markers: ChartDataset<'line', LabelledPoint[]> = {
		label: CACHING_DATASET_LABEL.flips,
		data: series.flips.map((f) => ({ x: f.ratePerHour, y: f.monthly, label: flipLabel(f.to, f.ratePerHour) })),
		showLine: false,
		pointStyle: series.flips.map((f) => (f.to === 'none' ? 'circle' : MARKER[f.to])),
		pointRadius: 7,
		pointHoverRadius: 8,
		pointBackgroundColor: series.flips.map((f) => colors.mode[f.to]),
		pointBorderColor: colors.text,
		pointBorderWidth: 1.5,
		backgroundColor: colors.text,
		borderColor: colors.text,
		order: 0
	};
	const ownIndex = lines.length;
	const markerIndex = lines.length + 1;
	const first = series.ratePerHour[0] ?? 0.01;
	const last = series.ratePerHour[series.ratePerHour.length - 1] ?? 10_000;
	return {
		type: 'line',
		data: { datasets: [...lines, own, markers] },
		options: {
			...baseOptions(colors),
			scales: {
				x: {
					type: 'logarithmic',
					min: first,
					max: last,
					title: axisTitle('Requests an hour per prefix (log scale)', colors),
					ticks: { color: colors.muted, autoSkip: false, maxRotation: 0, callback: (v) => (isPowerOfTen(Number(v)) ? formatNumber(Number(v)) : '') },
					grid: { color: decadeGrid(colors) }
				},
				y: {
					type: 'logarithmic',
					min: yMin,
					max: yMax,
					title: axisTitle('Monthly cost (USD, log scale)', colors),
					ticks: { color: colors.muted, autoSkip: false, callback: (v) => (isPowerOfTen(Number(v)) ? formatMoneyTick(Number(v)) : '') },
					grid: { color: decadeGrid(colors) }
				}
			},
			plugins: {
				legend: legend(colors, (item) => item.datasetIndex !== markerIndex),
				tooltip: {
					filter: (item) => item.datasetIndex !== ownIndex,
					callbacks: {
						title: (items) => (items[0] ? `${formatNumber(items[0].parsed.x ?? 0)} requests an hour per prefix` : ''),
						label: (item) => {
							const flip = isLabelledPoint(item.raw) ? series.flips[item.dataIndex] : undefined;
							return flip
								? `Cheapest changes from ${MODE_LABEL[flip.from]} to ${MODE_LABEL[flip.to]}: ${formatMoney(flip.monthly)} a month`
								: `${item.dataset.label ?? ''}: ${formatMoney(item.parsed.y ?? 0)} a month`;
						}
					}
				},
				pointLabels: { color: colors.text, halo: colors.background }
			}
		},
		plugins: [pointLabels]
	};
}

/**
 * Cost per conversation (y, $) against its length in turns (x), for each caching choice:
 * without a cache every turn resends the whole history, so the line bends upwards (quadratic
 * in the turns); a vertical line marks the workload's own length.
 * Datasets, in order: No cache, 5-minute TTL, 1-hour TTL, Your conversations.
 */
export function conversationChart(series: ConversationSeries, turnsPerConversation: number, theme: ChartTheme = 'light'): ConversationChartConfig {
	const colors = themeColors(theme);
	const lines = modeDatasets(series.turns, series.cost, colors, false);
	const top = Math.max(0, ...CACHE_MODES.flatMap((m) => series.cost[m]));
	const own = markLine(`${CACHING_DATASET_LABEL.yourTurns} (${plural(turnsPerConversation, 'turn')})`, turnsPerConversation, 0, top, colors);
	const ownIndex = lines.length;
	return {
		type: 'line',
		data: { datasets: [...lines, own] },
		options: {
			...baseOptions(colors),
			scales: {
				x: {
					type: 'linear',
					min: series.turns[0] ?? 1,
					max: series.turns[series.turns.length - 1] ?? 1,
					title: axisTitle('Turns per conversation', colors),
					ticks: { color: colors.muted, precision: 0, maxTicksLimit: 11 },
					grid: { color: colors.grid }
				},
				y: {
					type: 'linear',
					beginAtZero: true,
					title: axisTitle('Cost per conversation (USD)', colors),
					ticks: { color: colors.muted, maxTicksLimit: 6, callback: (v, _i, ticks) => formatMoneyTick(Number(v), ticks) },
					grid: { color: colors.grid }
				}
			},
			plugins: {
				legend: legend(colors, () => true),
				tooltip: {
					filter: (item) => item.datasetIndex !== ownIndex,
					callbacks: {
						title: (items) => {
							const i = items[0]?.dataIndex ?? 0;
							return items[0] ? `${plural(items[0].parsed.x ?? 0, 'turn')}, ${formatCount(series.promptTokens[i] ?? 0)} prompt tokens in all` : '';
						},
						label: (item) => `${item.dataset.label ?? ''}: ${formatPerRequest(item.parsed.y ?? 0)} a conversation`
					}
				},
				pointLabels: false
			}
		}
	};
}

/** Grid lines of a log axis: full at each power of ten, none between (they would crowd the plot). */
export function decadeGrid(colors: ThemeColors): (context: { tick?: { value: number } }) => string {
	return (context) => (context.tick && isPowerOfTen(context.tick.value) ? colors.grid : 'transparent');
}
