// The forecast chart: Today and Planned month by month, with a dotted vertical line at each
// month in which a model in use retires. Pure: engine output in, a Chart.js configuration
// out (type imports only). It travels with the forecast section, which loads after the
// first paint; Chart.js itself comes from ./register, as for every chart. The retirement
// lines are an inline plugin (no chartjs-plugin-annotation), reading its marks from the
// options, which the chart attachment replaces on every update.
import type { Chart, ChartConfiguration, ChartType, Plugin, Tick } from 'chart.js';
import type { Forecast } from '../engine/forecast';
import { formatMoney } from '../format';
import { monthLabel } from '../export/forecastText';
import { formatMoneyTick } from './format';
import { themeColors, type ChartTheme } from './palette';

export interface RetirementMark {
	/** The month's index on the x axis. */
	index: number;
	label: string;
}

export interface RetirementMarksOptions {
	marks: RetirementMark[];
	color: string;
	halo: string;
}

declare module 'chart.js' {
	// Declaration merging must repeat the type parameter, even though it is unused here.
	interface PluginOptionsByType<TType extends ChartType> {
		retirementMarks: RetirementMarksOptions | false;
	}
}

/** Dataset labels (legend, tooltip, tests). */
export const FORECAST_DATASETS = { today: 'Today', planned: 'Planned' } as const;

/** Draws a dotted vertical line and a label at each marked month. */
export const retirementMarks: Plugin<ChartType, RetirementMarksOptions> = {
	id: 'retirementMarks',
	afterDatasetsDraw(chart: Chart, _args, options) {
		if (!options || !options.marks?.length) return;
		const { ctx, chartArea } = chart;
		const x = chart.scales.x;
		if (!x) return;
		ctx.save();
		ctx.strokeStyle = options.color;
		ctx.fillStyle = options.color;
		ctx.lineWidth = 1.5;
		ctx.setLineDash([3, 3]);
		ctx.font = `12px ${String(chart.options.font?.family ?? 'system-ui, sans-serif')}`;
		ctx.textBaseline = 'top';
		options.marks.forEach((mark, i) => {
			const px = x.getPixelForValue(mark.index);
			ctx.beginPath();
			ctx.moveTo(px, chartArea.top);
			ctx.lineTo(px, chartArea.bottom);
			ctx.stroke();
			const width = ctx.measureText(mark.label).width;
			// Inside the plot, left of the line when it would run off the right edge; stacked.
			const tx = px + 4 + width > chartArea.right ? px - 4 - width : px + 4;
			const ty = chartArea.top + 2 + i * 16;
			ctx.save();
			ctx.setLineDash([]);
			ctx.fillStyle = options.halo;
			ctx.fillRect(tx - 2, ty - 1, width + 4, 15);
			ctx.restore();
			ctx.fillText(mark.label, tx, ty);
		});
		ctx.restore();
	}
};

export type ForecastChartConfig = ChartConfiguration<'line', number[], string>;

/**
 * Today and Planned per month (US dollars), months along the x axis ("Jan 2027"), a dotted
 * line at each retirement inside the horizon labelled "Opus 4.5 retires".
 * Datasets, in order: Today, Planned.
 * Example: 3 months of $1,000 growing 10 % -> Today's data [1000, 1100, 1210].
 */
export function forecastChart(f: Forecast, theme: ChartTheme = 'light'): ForecastChartConfig {
	const colors = themeColors(theme);
	const marks: RetirementMark[] = f.retirements.map((r) => ({ index: f.months.findIndex((m) => m.month === r.month), label: `${r.model.name} retires` }));
	return {
		type: 'line',
		data: {
			labels: f.months.map((m) => monthLabel(m.month, 'short')),
			datasets: [
				{
					label: FORECAST_DATASETS.today,
					data: f.months.map((m) => m.today),
					borderColor: colors.mode.none,
					backgroundColor: colors.mode.none,
					borderWidth: 2.5,
					pointRadius: 2,
					pointHoverRadius: 4,
					tension: 0
				},
				{
					label: FORECAST_DATASETS.planned,
					data: f.months.map((m) => m.planned),
					borderColor: colors.mode['5m'],
					backgroundColor: colors.mode['5m'],
					borderDash: [8, 4],
					borderWidth: 2.5,
					pointRadius: 2,
					pointHoverRadius: 4,
					tension: 0
				}
			]
		},
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			color: colors.text,
			font: { size: 12 },
			layout: { padding: { top: 4, right: 8 } },
			interaction: { mode: 'index', intersect: false },
			scales: {
				x: {
					type: 'category',
					ticks: { color: colors.muted, maxRotation: 0, autoSkipPadding: 12 },
					grid: { color: colors.grid }
				},
				y: {
					type: 'linear',
					beginAtZero: true,
					title: { display: true, text: 'Monthly cost (USD)', color: colors.text, font: { size: 12, weight: 'bold' } },
					ticks: { color: colors.muted, maxTicksLimit: 6, callback: (value: number | string, _i: number, ticks: Tick[]) => formatMoneyTick(Number(value), ticks) },
					grid: { color: colors.grid }
				}
			},
			plugins: {
				legend: { position: 'bottom', labels: { color: colors.text, boxWidth: 28, boxHeight: 0, padding: 12 } },
				tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${formatMoney(item.parsed.y ?? 0)}` } },
				retirementMarks: { marks: marks.filter((m) => m.index >= 0), color: colors.text, halo: colors.background }
			}
		},
		plugins: [retirementMarks]
	};
}
