// An inline Chart.js plugin (passed in a chart's `plugins` array, never registered
// globally, so it adds nothing to the core bundle) that writes a text label next to every
// data point carrying a `label`: the break-even and crossing markers. Labels get a halo in
// the background colour, stay inside the plot area and are stacked so they never overlap.
import type { Chart, ChartType, Plugin } from 'chart.js';

/** An {x, y} data point; a `label` is drawn next to it by the pointLabels plugin. */
export interface LabelledPoint {
	x: number;
	y: number;
	label?: string;
}

export interface PointLabelsOptions {
	color: string;
	/** The background behind the chart, drawn as a halo around the text. */
	halo: string;
}

declare module 'chart.js' {
	// Declaration merging must repeat the type parameter, even though it is unused here.
	interface PluginOptionsByType<TType extends ChartType> {
		pointLabels: PointLabelsOptions | false;
	}
}

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** Gap between a marker and its label, in px. */
const OFFSET = 10;
const PADDING = 2;

export function isLabelledPoint(p: unknown): p is LabelledPoint & { label: string } {
	return typeof p === 'object' && p !== null && typeof (p as LabelledPoint).label === 'string';
}

export const pointLabels: Plugin<ChartType, PointLabelsOptions> = {
	id: 'pointLabels',
	afterDatasetsDraw(chart: Chart, _args, options) {
		if (!options || !options.color) return;
		const { ctx, chartArea } = chart;
		const font = chart.options.font ?? {};
		const size = typeof font.size === 'number' ? font.size : 12;
		const lineHeight = size + 2 * PADDING;
		const placed: Box[] = [];
		ctx.save();
		ctx.font = `600 ${size}px ${font.family ?? 'sans-serif'}`;
		ctx.textAlign = 'left';
		ctx.textBaseline = 'middle';
		ctx.lineJoin = 'round';
		chart.data.datasets.forEach((dataset, i) => {
			if (!chart.isDatasetVisible(i)) return;
			const elements = chart.getDatasetMeta(i).data;
			(dataset.data as unknown[]).forEach((point, j) => {
				const element = elements[j];
				if (!isLabelledPoint(point) || !element) return;
				const width = ctx.measureText(point.label).width + 2 * PADDING;
				const box = placeLabel(element.x, element.y, width, lineHeight, chartArea, placed);
				placed.push(box);
				const x = box.left + PADDING;
				const y = (box.top + box.bottom) / 2;
				ctx.lineWidth = 4;
				ctx.strokeStyle = options.halo;
				ctx.strokeText(point.label, x, y);
				ctx.fillStyle = options.color;
				ctx.fillText(point.label, x, y);
			});
		});
		ctx.restore();
	}
};

/**
 * Where a label of the given size goes: centred above the point, moved inside the plot
 * area, and stepped upwards (or downwards once the top is reached) past labels already
 * placed. Pure, so it is tested without a canvas.
 */
export function placeLabel(px: number, py: number, width: number, height: number, area: Box, placed: readonly Box[]): Box {
	const left = Math.min(Math.max(px - width / 2, area.left), Math.max(area.left, area.right - width));
	const at = (top: number): Box => ({ left, right: left + width, top, bottom: top + height });
	const clear = (b: Box) => b.top >= area.top && b.bottom <= area.bottom && !placed.some((p) => overlaps(p, b));
	for (let k = 0; k < 8; k++) {
		const above = at(py - OFFSET - height - k * height);
		if (clear(above)) return above;
		const below = at(py + OFFSET + k * height);
		if (clear(below)) return below;
	}
	return at(Math.max(area.top, py - OFFSET - height));
}

function overlaps(a: Box, b: Box): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
